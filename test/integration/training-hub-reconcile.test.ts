// Reconciliation: 3201 totals and 3202 details (9101 upload → result file via 9102) agree with an
// honest terminal, and find each injected disagreement (hub lost, amount changed, terminal lost)
// with the msgid to reverse with; 3203/3204 clearing.
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from '@src/common/money';
import { RECONCILE_RESULT_COLUMNS } from '@src/hub/protocol/transactions';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import type { TrainingHub } from '@src/training/hub/training-hub';
import type { TerminalRow } from '@src/training/hub/transactions/reconcile';
import type { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { signedInClient, startTempTrainingHub, type TempTrainingHub } from '@src/training/hub/testing/temp-training-hub';
import { findRows, lineFromCatalog, settleOutpatient } from '@src/training/hub/testing/visit-scenarios';

let fixture: TempTrainingHub;
let hub: TrainingHub;
let client: MinimalHubClient;
const catalog = new TrainingCatalog({ feeItemRows: 4_000 });
const liu = TRAINING_PATIENTS.find((p) => p.name === '刘洋')!;
const zhang = TRAINING_PATIENTS.find((p) => p.name === '张伟')!;

type Row = TerminalRow & { refd: '0' | '1' };
const terminalBooks: Row[] = [];

beforeAll(async () => {
  fixture = await startTempTrainingHub('training-hub-reconcile-', catalog);
  hub = fixture.hub;
  client = await signedInClient(hub, { reset: false });
  const idx = findRows(catalog, '1305', 3, (r) => r.lmtUsedFlag === '0');
  for (const [i, p] of [liu, zhang, liu].entries()) {
    const out = await settleOutpatient(client, p, [lineFromCatalog(catalog, '1305', idx[i]!, 10_000 * (i + 1))]);
    const s = out.settled.setlinfo;
    terminalBooks.push({ setl_id: s.setl_id, mdtrt_id: s.mdtrt_id, psn_no: s.psn_no, medfee: s.medfee_sumamt, fund: s.fund_pay_sumamt, acct: s.acct_pay, refd: '0' });
  }
  // The third is cancelled: the terminal books the refund too.
  const third = terminalBooks[2]!;
  client.insuredArea = liu.insuredArea;
  const cancel = await client.ok('2208', { data: { setl_id: third.setl_id, mdtrt_id: third.mdtrt_id, psn_no: liu.psnNo } });
  const c = cancel.setlinfo;
  terminalBooks.push({ setl_id: c.setl_id, mdtrt_id: c.mdtrt_id, psn_no: c.psn_no, medfee: c.medfee_sumamt, fund: c.fund_pay_sumamt, acct: c.acct_pay, refd: '1' });
});
afterAll(() => fixture.close());

const today = () => hub.clock.today();
const sum = (k: 'medfee' | 'fund' | 'acct') => terminalBooks.reduce((s, r) => s + r[k], 0);

async function totals() {
  return client.ok('3201', {
    data: { insutype: '310', clr_type: '11', setl_optins: '310000', stmt_begndate: today(), stmt_enddate: today(), medfee_sumamt: sum('medfee'), fund_pay_sumamt: sum('fund'), acct_pay: sum('acct'), fixmedins_setl_cnt: terminalBooks.length },
  });
}

/** The first entry of the result zip (yazl writes a data descriptor: sizes are in the central directory). */
function unzipFirst(zip: Buffer): string {
  const nameLen = zip.readUInt16LE(26);
  const extraLen = zip.readUInt16LE(28);
  const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  const size = zip.readUInt32LE(cd + 20);
  const start = 30 + nameLen + extraLen;
  return inflateRawSync(zip.subarray(start, start + size)).toString('utf8');
}

async function details(): Promise<Record<string, string>[]> {
  const file = terminalBooks.map((r) => [r.setl_id, r.mdtrt_id, r.psn_no, formatYuan(r.medfee), formatYuan(r.fund), formatYuan(r.acct), r.refd].join('\t')).join('\n');
  const up = await client.ok('9101', { fsUploadIn: { in: new Uint8Array(Buffer.from(file, 'utf8')), filename: 'detail.txt', fixmedins_code: 'H31010100001' } });
  const out = await client.ok('3202', {
    data: { setl_optins: '310000', file_qury_no: up.file_qury_no, stmt_begndate: today(), stmt_enddate: today(), medfee_sumamt: sum('medfee'), fund_pay_sumamt: sum('fund'), cash_payamt: 0, fixmedins_setl_cnt: terminalBooks.length },
  });
  const text = unzipFirst(await client.download(out.fileinfo.file_qury_no, out.fileinfo.filename));
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => Object.fromEntries(l.split('\t').map((v, i) => [RECONCILE_RESULT_COLUMNS[i]!, v])));
}

describe('training hub reconciliation', () => {
  it('agrees with an honest terminal: 3201 stmt_rslt 0, every 3202 row 0 with its msgid', async () => {
    // 3201 compares one insutype; 张伟 is 310 like 刘洋, so all rows count.
    expect((await totals()).stmtinfo.stmt_rslt).toBe('0');
    const rows = await details();
    expect(rows).toHaveLength(terminalBooks.length);
    expect(rows.every((r) => r.stmt_rslt === '0')).toBe(true);
    expect(rows.every((r) => /^H31010100001\d{18}$/.test(r.msgid!))).toBe(true);
  });

  it('finds each injected disagreement, naming the msgid of settlements only the hub has', async () => {
    const [a, b] = terminalBooks;
    await client.admin('POST', '/admin/reconciliation/disagreements', { kind: 'hubLost', setl_id: a!.setl_id });
    await client.admin('POST', '/admin/reconciliation/disagreements', { kind: 'amountChanged', setl_id: b!.setl_id, deltaFen: 150 });
    const lost = await client.admin<{ setl_id: string; msgid: string }>('POST', '/admin/reconciliation/disagreements', { kind: 'terminalLost', psn_no: liu.psnNo });
    const t = await totals();
    expect(t.stmtinfo.stmt_rslt).toBe('1');
    expect(t.stmtinfo.stmt_rslt_dscr).toMatch(/对账不平/);
    const rows = await details();
    const by = (id: string) => rows.find((r) => r.setl_id === id)!;
    expect(by(a!.setl_id)).toMatchObject({ stmt_rslt: '1', msgid: '' });
    expect(by(a!.setl_id).memo).toMatch(/医保中心无记录/);
    expect(by(b!.setl_id).stmt_rslt).toBe('1');
    expect(by(b!.setl_id).memo).toMatch(/金额不一致/);
    expect(by(lost.setl_id)).toMatchObject({ stmt_rslt: '1', msgid: lost.msgid });
    // The terminal reverses the settlement it never knew, with the msgid from the result file.
    client.insuredArea = liu.insuredArea;
    const r = await client.call('2601', { data: { psn_no: liu.psnNo, omsgid: lost.msgid, oinfno: '2207' } });
    expect(r.infcode).toBe(0);
    expect((await details()).find((x) => x.setl_id === lost.setl_id)).toBeUndefined();
  });

  it('3203 applies for clearing only with the hub\'s fund total, once per month; 3204 cancels it', async () => {
    const month = today().slice(0, 7).replace('-', '');
    const base = { clr_type: '11', clr_way: '1', setlym: month, psntime: 3, medfee_sumamt: 0, med_sumfee: 0, cash_payamt: 0, acct_pay: 0, begndate: today(), enddate: today() };
    const wrong = await client.call('3203', { data: { ...base, fund_appy_sum: 1 } });
    expect(wrong.errMsg).toMatch(/请先完成对账/);
    const ledger = await client.admin<{ entries: unknown[] }>('GET', '/admin/ledger');
    expect(ledger.entries.length).toBeGreaterThan(0);
    const hubFund = await hubFundTotal();
    const ok = await client.ok('3203', { data: { ...base, fund_appy_sum: hubFund } });
    expect((await client.call('3203', { data: { ...base, fund_appy_sum: hubFund } })).errMsg).toMatch(/已申请清算/);
    expect((await client.call('3204', { data: { clr_appy_evt_id: ok.result.clr_appy_evt_id } })).infcode).toBe(0);
  });
});

async function hubFundTotal(): Promise<number> {
  const rows = await details();
  return rows.filter((r) => r.msgid !== '').reduce((s, r) => s + parseYuan(r.fund_pay_sumamt!), 0);
}
