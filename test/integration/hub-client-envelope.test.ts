// The envelope the client sends, exactly per interface.md §1, and msgids that are unique across
// restarts and across processes sharing terminal.db.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { MSGID_PATTERN } from '@src/hub/protocol';
import { MsgidAllocator } from '@src/hub/msgid/msgid-allocator';
import { openTerminalDb } from '@src/database/terminal-db';
import { answerOk, startFakeHub, type FakeHub } from './hub-client-fake-hub';
import { createTestHub, OPERATOR, type TestHub } from './hub-client-test-kit';

const run = promisify(execFile);
let fake: FakeHub | undefined;
let t: TestHub | undefined;
afterEach(async () => {
  t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const person = { baseinfo: { psn_no: 'P320500000001', psn_name: '张伟', certno: '320501197203150018' }, insuinfo: [{ insutype: '310', insuplc_admdvs: '320500', balc: 123456 }], idetinfo: [] };

describe('the request envelope', () => {
  it('carries every header field in spec order, with the operator, sign_no and insuplc_admdvs given', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '1101', person));
    t = createTestHub(fake.url, { config: { hub: { recerSysCode: 'YBXT', infver: 'V1.0', gateway: { scheme: 'tif', paasId: 'pid', paasToken: 'tok' } }, terminal: { devNo: 'DEV-7' } } });
    const r = await t.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: '320501197203150018', psn_cert_type: '01' } }, { operator: OPERATOR });
    expect(r.output.insuinfo[0]).toMatchObject({ insuplc_admdvs: '320500', balc: 123456 });

    const req = fake.requests[0]!;
    const envelope = JSON.parse(req.body) as Record<string, unknown>;
    expect(Object.keys(envelope)).toEqual(['infno', 'msgid', 'mdtrtarea_admvs', 'insuplc_admdvs', 'recer_sys_code', 'dev_no', 'dev_safe_info', 'cainfo', 'signtype', 'infver', 'opter_type', 'opter', 'opter_name', 'inf_time', 'fixmedins_code', 'fixmedins_name', 'sign_no', 'input']);
    expect(envelope).toMatchObject({
      infno: '1101',
      mdtrtarea_admvs: '310000',
      insuplc_admdvs: '',
      recer_sys_code: 'YBXT',
      dev_no: 'DEV-7',
      infver: 'V1.0',
      opter_type: '1',
      opter: 'sy01',
      opter_name: '王小红',
      fixmedins_code: 'H31010100001',
      fixmedins_name: '上海市训练示范医院',
      sign_no: OPERATOR.signNo,
      input: { data: { mdtrt_cert_type: '02', mdtrt_cert_no: '320501197203150018', psn_cert_type: '01' } },
    });
    expect(envelope.msgid).toMatch(MSGID_PATTERN);
    expect((envelope.msgid as string).slice(0, 12)).toBe('H31010100001');
    expect((envelope.msgid as string).slice(26, 28)).toBe('07'); // terminal T07 → slot 07
    expect(envelope.inf_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(req.decoded.ok).toBe(true);
    expect(req.headers['x-tif-paasid']).toBe('pid');
    expect(req.headers['x-tif-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(r.msgid).toBe(envelope.msgid);
    expect(r.infRefmsgid).toMatch(/^\d{30}$/);
  });

  it('puts the 1101 insuplc_admdvs into later envelopes and refuses a person-bearing call without it', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '5301', { feedetail: [] }));
    t = createTestHub(fake.url);
    await expect(t.hub.queryChronicFilings({ data: { psn_no: 'P320500000001' } })).rejects.toMatchObject({ code: 'HUB_INSUPLC_REQUIRED' });
    expect(fake.requests).toHaveLength(0);
    await t.hub.queryChronicFilings({ data: { psn_no: 'P320500000001' } }, { insuplcAdmdvs: '320500' });
    expect(JSON.parse(fake.requests[0]!.body).insuplc_admdvs).toBe('320500');
  });

  it('writes amounts as decimals with the field\'s places and reads them back as integers', async () => {
    fake = await startFakeHub((req, res) => answerOk(res, '2206', { setlinfo: { ...settle(req.msgid!), setl_id: undefined }, setldetail: [] }));
    t = createTestHub(fake.url);
    const r = await t.hub.preSettleOutpatient({ data: { psn_no: 'P1', mdtrt_cert_type: '02', mdtrt_cert_no: 'x', med_type: '11', medfee_sumamt: 10001, psn_setlway: '01', mdtrt_id: 'M1', chrg_bchno: 'B1', acct_used_flag: '0', insutype: '310' } }, { insuplcAdmdvs: '320500' });
    expect(fake.requests[0]!.body).toContain('"medfee_sumamt":100.01');
    expect(r.output.setlinfo.medfee_sumamt).toBe(12345);
  });
});

function settle(msgid: string) {
  return { mdtrt_id: 'M1', setl_id: 'S1', psn_no: 'P1', medfee_sumamt: 12345, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 345, inscp_scp_amt: 12000, act_pay_dedc: 0, hifp_pay: 8000, cvlserv_pay: 0, hifes_pay: 0, hifmi_pay: 0, hifob_pay: 0, maf_pay: 0, oth_pay: 0, hifdm_pay: 0, fund_pay_sumamt: 8000, psn_part_amt: 4345, acct_pay: 4000, psn_cash_pay: 345, hosp_part_amt: 0, acct_mulaid_pay: 0, medins_setl_id: msgid };
}

describe('msgid uniqueness', () => {
  it('continues after a restart on the same terminal.db, even when the clock went backwards', () => {
    t = createTestHub('http://127.0.0.1:9/x');
    let clock = new Date('2024-03-01T00:00:00Z');
    const open = () => new MsgidAllocator({ db: openTerminalDb(t!.dbFile), fixmedinsCode: () => 'H31010100001', slot: () => 7, now: () => clock });
    const first = open();
    const before = Array.from({ length: 150 }, () => first.next());
    clock = new Date('2024-02-29T23:00:00Z'); // an hour back, and the process restarted
    const second = open();
    const after = Array.from({ length: 50 }, () => second.next());
    const all = [...before, ...after];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all); // never earlier than what was handed out
  });

  it('never repeats between two processes allocating at the same time', async () => {
    t = createTestHub('http://127.0.0.1:9/x');
    const child = path.join(import.meta.dirname, 'hub-client-msgid-child.ts');
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const [a, b] = await Promise.all([run(tsx, [child, t.dbFile, '300']), run(tsx, [child, t.dbFile, '300'])]);
    const ids = [...a.stdout.trim().split('\n'), ...b.stdout.trim().split('\n')];
    expect(ids).toHaveLength(600);
    expect(new Set(ids).size).toBe(600);
    for (const id of ids) expect(id).toMatch(MSGID_PATTERN);
  });
});
