// The envelope: what the hub checks before any transaction, the answer's header fields, 1101 by
// each kind of 就诊凭证, and the e-voucher (ec.query) with expiring tokens.
import { parse } from 'lossless-json';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INF_REFMSGID_PATTERN } from '@src/hub/protocol/msgid';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import type { TrainingHub } from '@src/training/hub/training-hub';
import type { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { signedInClient, startTempTrainingHub, type TempTrainingHub } from '@src/training/hub/testing/temp-training-hub';

const zhang = TRAINING_PATIENTS.find((p) => p.name === '张伟')!;
let fixture: TempTrainingHub;
let hub: TrainingHub;
let client: MinimalHubClient;

beforeAll(async () => {
  fixture = await startTempTrainingHub('training-hub-envelope-', new TrainingCatalog({ feeItemRows: 1_000 }));
  hub = fixture.hub;
});
afterAll(() => fixture.close());
beforeEach(async () => {
  client = await signedInClient(hub, { reset: true });
});

const person02 = { data: { mdtrt_cert_type: '02', mdtrt_cert_no: zhang.idNumber } };

async function rawCall(mutate: (envelope: Record<string, unknown>) => void): Promise<{ infcode: number; err_msg: string }> {
  const { text } = client.body('1101', person02);
  const env = JSON.parse(text) as Record<string, unknown>;
  mutate(env);
  const res = await client.post('/fsi/api/rsfComIfsService/callService', JSON.stringify(env));
  return JSON.parse(await res.text()) as { infcode: number; err_msg: string };
}

describe('training hub envelope checks', () => {
  it('answers carry infcode, inf_refmsgid (area + time + 10 digits), refmsg_time and respond_time', async () => {
    const r = await client.call('1101', person02);
    expect(r.infcode).toBe(0);
    expect(r.infRefmsgid).toMatch(INF_REFMSGID_PATTERN);
    expect(r.infRefmsgid!.startsWith('310000')).toBe(true);
    const env = parse(r.text) as Record<string, unknown>;
    expect(String(env.refmsg_time)).toMatch(/^\d{17}$/);
    expect(String(env.respond_time)).toMatch(/^\d{17}$/);
    expect(env.err_msg).toBeNull();
  });

  it.each([
    ['garbage', '{not json', /不是有效的JSON/],
    ['a msgid of the wrong shape', (e: Record<string, unknown>) => (e.msgid = '123'), /msgid/],
    ['a msgid of another institution', (e: Record<string, unknown>) => (e.msgid = 'H99999999999' + String(e.msgid).slice(12)), /前12位/],
    ['an unknown institution', (e: Record<string, unknown>) => { e.fixmedins_code = 'H99999999999'; e.msgid = 'H99999999999' + String(e.msgid).slice(12); }, /不存在或未开通/],
    ['another treatment area', (e: Record<string, unknown>) => (e.mdtrtarea_admvs = '320500'), /就医地医保区划/],
    ['no sign_no', (e: Record<string, unknown>) => (e.sign_no = ''), /请先签到/],
    ['an invalid sign_no', (e: Record<string, unknown>) => (e.sign_no = '310000000000'), /sign_no无效/],
    ['an unknown infno', (e: Record<string, unknown>) => (e.infno = '7777'), /交易编号7777不存在/],
    ['a malformed input', (e: Record<string, unknown>) => (e.input = { data: { mdtrt_cert_type: '02' } }), /交易输入校验失败/],
  ])('refuses %s with infcode -1 and a Chinese err_msg', async (_what, mutate, message) => {
    let r: { infcode: number; err_msg: string };
    if (typeof mutate === 'string') {
      const res = await client.post('/fsi/api/rsfComIfsService/callService', mutate);
      r = JSON.parse(await res.text()) as { infcode: number; err_msg: string };
    } else {
      r = await rawCall(mutate);
    }
    expect(r.infcode).toBe(-1);
    expect(r.err_msg).toMatch(message);
  });

  it('refuses calls after 9002 sign-out', async () => {
    await client.ok('9002', { signOut: { sign_no: client.signNo!, opter_no: 'sy01' } });
    const r = await client.call('1101', person02);
    expect(r.errMsg).toMatch(/已签退/);
  });

  it('insuplc_admdvs must be the patient\'s insured area when the input names a psn_no', async () => {
    const r = await client.call('5301', { data: { psn_no: zhang.psnNo } }, { insuplcAdmdvs: '310000' });
    expect(r.infcode).toBe(-1);
    expect(r.errMsg).toContain('参保地医保区划insuplc_admdvs应为参保人的参保地320500');
    expect((await client.call('5301', { data: { psn_no: zhang.psnNo } }, { insuplcAdmdvs: '320500' })).infcode).toBe(0);
  });
});

describe('training hub 1101 and ec.query', () => {
  it('1101 by ID number returns base, insurance (insured area, balance) info', async () => {
    const out = await client.ok('1101', person02);
    expect(out.baseinfo.psn_no).toBe(zhang.psnNo);
    expect(out.baseinfo.certno).toBe(zhang.idNumber);
    expect(out.insuinfo[0]).toMatchObject({ insutype: '310', insuplc_admdvs: '320500', balc: zhang.accountBalanceFen });
  });

  it('1101 by social security card needs the right 卡识别码', async () => {
    const ok = await client.call('1101', { data: { mdtrt_cert_type: '03', mdtrt_cert_no: zhang.card.cardNumber, card_sn: zhang.card.cardIdCode } });
    expect(ok.output?.baseinfo.psn_no).toBe(zhang.psnNo);
    const missing = await client.call('1101', { data: { mdtrt_cert_type: '03', mdtrt_cert_no: zhang.card.cardNumber } });
    expect(missing.errMsg).toMatch(/card_sn必填/);
    const wrong = await client.call('1101', { data: { mdtrt_cert_type: '03', mdtrt_cert_no: zhang.card.cardNumber, card_sn: '320500D156000005FFFFFFFFFFFFFFFF' } });
    expect(wrong.infcode).toBe(-1);
    expect(wrong.errMsg).toMatch(/卡识别码与卡号不符/);
  });

  it('ec.query turns a QR payload into an ecToken for 1101 type 01; the token expires', async () => {
    const ec = await client.ecQuery(zhang.ecQrPayload);
    expect(ec.code).toBe(0);
    expect(ec.data).toMatchObject({ idNo: zhang.idNumber, userName: zhang.name, insuOrg: '320500' });
    const token = ec.data!.ecToken;
    const out = await client.ok('1101', { data: { mdtrt_cert_type: '01', mdtrt_cert_no: token } });
    expect(out.baseinfo.psn_no).toBe(zhang.psnNo);
    await client.admin('POST', '/admin/clock', { advanceMs: 31 * 60 * 1000 });
    const late = await client.call('1101', { data: { mdtrt_cert_type: '01', mdtrt_cert_no: token } });
    expect(late.errMsg).toMatch(/电子凭证令牌已过期/);
  });

  it('ec.query refuses an unknown QR payload', async () => {
    const ec = await client.ecQuery('EC01-not-a-voucher');
    expect(ec.code).not.toBe(0);
    expect(ec.message).toMatch(/二维码无效/);
  });

  it('5301 lists chronic-disease filings; 5304 lists referral filings', async () => {
    const wang = TRAINING_PATIENTS.find((p) => p.name === '王芳')!;
    const chronic = await client.ok('5301', { data: { psn_no: wang.psnNo } }, { insuplcAdmdvs: wang.insuredArea });
    expect(chronic.feedetail.map((f) => f.opsp_dise_name)).toEqual(['高血压']);
    const zhao = TRAINING_PATIENTS.find((p) => p.name === '赵敏')!;
    const refl = await client.ok('5304', { data: { psn_no: zhao.psnNo } }, { insuplcAdmdvs: zhao.insuredArea });
    expect(refl.refmedin).toHaveLength(1);
    expect(refl.refmedin[0]!.mdtrtarea_admdvs).toBe('310000');
  });

  it('1901 answers dictionaries and refuses an unknown type', async () => {
    const d = await client.ok('1901', { data: { type: 'med_type' } });
    expect(d.list.find((x) => x.value === '14')?.label).toBe('门诊慢特病');
    expect((await client.call('1901', { data: { type: 'nope' } })).errMsg).toMatch(/字典类型nope不存在/);
  });
});
