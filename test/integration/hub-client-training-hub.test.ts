// The terminal's hub client against the real training hub (src/training/hub), in-process: a whole
// outpatient settlement, a refusal, the e-voucher, and the double-charge trap (the hub commits a
// settlement, then the connection drops) resolved without settling twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lineAmount } from '@src/common/money';
import { HubBusinessError, HubConnectionLostError } from '@src/hub/errors';
import { insuplcAdmdvsOf } from '@src/hub/hub';
import { checkSettlementIdentities, formatInfTime, type TxOutput } from '@src/hub/protocol';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS, type TrainingPatient } from '@src/training/fixtures/training-patients';
import { TrainingHub } from '@src/training/hub/training-hub';
import { findRows, lineFromCatalog } from '@src/training/hub/testing/visit-scenarios';
import type { CallOptions } from '@src/hub/client/call-options';
import { createTestHub, type TestHub } from './hub-client-test-kit';

const catalog = new TrainingCatalog({ feeItemRows: 3_000 });
const patient = (name: string): TrainingPatient => TRAINING_PATIENTS.find((p) => p.name === name)!;
const cashier = { id: 1, username: 'sy01', displayName: '王小红', role: 'cashier' as const };

let hub: TrainingHub;
let t: TestHub;

beforeAll(async () => {
  hub = await TrainingHub.start({ dbFile: ':memory:', catalog });
  t = createTestHub('http://127.0.0.1:9/unused', { config: { timeouts: { callTimeoutMs: 3000 } } });
  t.hub.setEndpointOverride(hub.callServiceUrl);
});
afterAll(async () => {
  t.close();
  await hub.close();
});
beforeEach(() => {
  hub.reset();
});

async function signedIn(): Promise<CallOptions['operator']> {
  const { signNo } = await t.hub.signIn.signIn(cashier);
  return { code: cashier.username, name: cashier.displayName, signNo };
}

/** Person → register → visit info → fees → pre-settle; returns what 2207 needs. */
async function prepareVisit(p: TrainingPatient, operator: CallOptions['operator']) {
  const budget = t.hub.settlementBudget();
  const person = await t.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, psn_cert_type: '01', certno: p.idNumber } }, { operator, budget });
  const insuplcAdmdvs = insuplcAdmdvsOf(person.output, p.insutype);
  expect(insuplcAdmdvs).toBe(p.insuredArea);
  const opts = { operator, budget, insuplcAdmdvs, context: `test:${p.name}` };
  const psn = person.output.baseinfo.psn_no;
  const begntime = formatInfTime(hub.clock.now());
  const reg = await t.hub.register({ data: { psn_no: psn, insutype: p.insutype, begntime, mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, ipt_otp_no: `MZ${Date.now()}${Math.random()}`, dept_code: '0101', dept_name: '内科门诊', caty: 'A03' } }, opts);
  const mdtrtId = reg.output.data.mdtrt_id;
  await t.hub.uploadVisitInfo({ mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: psn, med_type: '11', begntime }, diseinfo: [{ diag_type: '1', diag_srt_no: 1, diag_code: 'J06.900', diag_name: '急性上呼吸道感染' }] }, opts);
  const rows = findRows(catalog, '1305', 2, (r) => r.chrgitmLv === '01' && r.lmtUsedFlag === '0');
  const lines = rows.map((i, n) => lineFromCatalog(catalog, '1305', i, (n + 1) * 10_000));
  const feedetail = lines.map((l, i) => ({ feedetl_sn: `1-${i + 1}`, mdtrt_id: mdtrtId, psn_no: psn, chrg_bchno: '1', fee_ocur_time: begntime, med_list_codg: l.code, medins_list_codg: l.code, det_item_fee_sumamt: lineAmount(l.price, l.quantity), cnt: l.quantity, pric: l.price }));
  const fees = await t.hub.uploadOutpatientFees({ feedetail }, opts);
  expect(fees.output.result).toHaveLength(2);
  const total = feedetail.reduce((s, f) => s + f.det_item_fee_sumamt, 0);
  const base = { psn_no: psn, mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, med_type: '11', medfee_sumamt: total, psn_setlway: '01', mdtrt_id: mdtrtId, chrg_bchno: '1', acct_used_flag: '1', insutype: p.insutype };
  const pre = await t.hub.preSettleOutpatient({ data: base }, opts);
  const s = pre.output.setlinfo;
  const settleInput = { data: { ...base, fulamt_ownpay_amt: s.fulamt_ownpay_amt, overlmt_selfpay: s.overlmt_selfpay, preselfpay_amt: s.preselfpay_amt, inscp_scp_amt: s.inscp_scp_amt } };
  return { opts, pre: pre.output, settleInput, mdtrtId, psn };
}

async function ledger(): Promise<{ summary: { settlements: number; reversals: number; inForce: number; msgidsSettledTwice: string[]; visitsSettledTwice: string[] } }> {
  return (await fetch(`${hub.baseUrl}/admin/ledger`)).json() as never;
}

async function fault(spec: Record<string, unknown>): Promise<void> {
  const r = await fetch(`${hub.baseUrl}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) });
  expect(r.ok).toBe(true);
}

describe('hub client ↔ training hub', () => {
  it('settles a cross-province outpatient visit within the budget; amounts consistent, pre-settle equals settle', async () => {
    const operator = await signedIn();
    const v = await prepareVisit(patient('张伟'), operator);
    const settled = await t.hub.settleOutpatient(v.settleInput, v.opts);
    expect(checkSettlementIdentities(settled.output.setlinfo)).toEqual([]);
    expect(settled.output.setlinfo.medins_setl_id).toBe(settled.msgid);
    expect(settled.output.setlinfo.medfee_sumamt).toBe(v.pre.setlinfo.medfee_sumamt);
    expect(settled.output.setlinfo.fund_pay_sumamt).toBe(v.pre.setlinfo.fund_pay_sumamt);
    expect(settled.remainingMs).toBeGreaterThan(0);
    expect(t.hub.journal.byContext('test:张伟').map((e) => [e.infno, e.state])).toEqual([
      ['2201', 'ok'],
      ['2203', 'ok'],
      ['2204', 'ok'],
      ['2207', 'ok'],
    ]);
  });

  it('shows the hub\'s refusal as is for a patient without a filing', async () => {
    const operator = await signedIn();
    const p = patient('陈刚');
    const person = await t.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber } }, { operator });
    const e = await t.hub
      .register(
        { data: { psn_no: person.output.baseinfo.psn_no, insutype: p.insutype, begntime: formatInfTime(hub.clock.now()), mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, ipt_otp_no: `MZ${Date.now()}`, dept_code: '0101', dept_name: '内科门诊', caty: 'A03' } },
        { operator, insuplcAdmdvs: insuplcAdmdvsOf(person.output, p.insutype) },
      )
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubBusinessError);
    expect((e as HubBusinessError).message).toContain('备案');
  });

  it('decodes the e-voucher QR into an ecToken that 1101 accepts', async () => {
    const operator = await signedIn();
    const p = patient('李娜');
    const id = await t.hub.ecQuery({ orgId: 'H31010100001', transType: 'ec.query', data: { orgId: 'H31010100001', businessType: '01301', operatorId: 'sy01', operatorName: '王小红', officeId: 'MZ', officeName: '门诊收费', ecQrCode: p.ecQrPayload } });
    expect(id).toMatchObject({ idNo: p.idNumber, insuOrg: p.insuredArea });
    const person = await t.hub.personInfo({ data: { mdtrt_cert_type: '01', mdtrt_cert_no: id.ecToken } }, { operator });
    expect(person.output.baseinfo.psn_no).toBe(p.psnNo);
  });

  it('the double-charge trap: the hub settles, the answer is lost; 5203 finds it, nothing settles twice', async () => {
    const operator = await signedIn();
    const v = await prepareVisit(patient('刘洋'), operator);
    await fault({ kind: 'drop-after-commit', infno: '2207', count: 1 });
    const e = await t.hub.settleOutpatient(v.settleInput, v.opts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubConnectionLostError);
    const [entry] = t.hub.resolver.listUnresolved();
    expect(entry).toMatchObject({ infno: '2207', mdtrtId: v.mdtrtId });
    const report = await t.hub.resolver.query(entry!.id, { operator });
    expect(report.result).toBe('confirmed');
    expect(checkSettlementIdentities((report.output as TxOutput<'2207'>).setlinfo)).toEqual([]);
    const l = await ledger();
    expect(l.summary).toMatchObject({ settlements: 1, inForce: 1, msgidsSettledTwice: [], visitsSettledTwice: [] });
  });

  it('resending the same msgid after a lost answer returns the first answer, without a second settlement', async () => {
    const operator = await signedIn();
    const v = await prepareVisit(patient('张伟'), operator);
    await fault({ kind: 'drop-after-commit', infno: '2207', count: 1 });
    await expect(t.hub.settleOutpatient(v.settleInput, v.opts)).rejects.toBeInstanceOf(HubConnectionLostError);
    const [entry] = t.hub.resolver.listUnresolved();
    const report = await t.hub.resolver.resend(entry!.id, { operator });
    expect(report.result).toBe('confirmed');
    expect((report.output as TxOutput<'2207'>).setlinfo.medins_setl_id).toBe(entry!.msgid);
    expect((await ledger()).summary).toMatchObject({ settlements: 1, msgidsSettledTwice: [] });
  });

  it('reversing (2601) a settlement whose answer was lost undoes it at the hub', async () => {
    const operator = await signedIn();
    const v = await prepareVisit(patient('张伟'), operator);
    await fault({ kind: 'drop-after-commit', infno: '2207', count: 1 });
    await expect(t.hub.settleOutpatient(v.settleInput, v.opts)).rejects.toBeInstanceOf(HubConnectionLostError);
    const [entry] = t.hub.resolver.listUnresolved();
    const report = await t.hub.resolver.reverse(entry!.id, { operator });
    expect(report.result).toBe('reversed');
    const l = await ledger();
    expect(l.summary).toMatchObject({ settlements: 1, reversals: 1, inForce: 0 });
    // 2601 is idempotent: a second reversal of the same original changes nothing.
    await t.hub.reverse({ data: { psn_no: v.psn, omsgid: entry!.msgid, oinfno: '2207' } }, v.opts);
    expect((await ledger()).summary).toMatchObject({ reversals: 1, inForce: 0 });
  });
});
