// Test kit for reconciliation: real outpatient settlements through the terminal's own hub client
// (so the hub journal records them, as at the counter), against the embedded training hub, and
// the hub's admin endpoints to inject disagreements.
import { lineAmount, parseScaled, SCALE } from '@src/common/money';
import type { HubOperator } from '@src/hub/client/call-options';
import { insuplcAdmdvsOf } from '@src/hub/hub';
import { formatInfTime, type SetlInfo } from '@src/hub/protocol';
import { TRAINING_PATIENTS, type TrainingPatient } from '@src/training/fixtures/training-patients';
import type { TestHost } from '../helpers/test-host';

export const patient = (name: string): TrainingPatient => TRAINING_PATIENTS.find((p) => p.name === name)!;

export async function hubOperator(host: TestHost, username = 'sy01', displayName = '王小红'): Promise<HubOperator> {
  const { signNo } = await host.services.hub.signIn.signIn({ id: 1, username, displayName, role: 'cashier' });
  return { code: username, name: displayName, signNo };
}

export async function admin<T>(host: TestHost, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(path, host.services.hub.endpoint()), { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`admin ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

let serial = 0;

/** A whole outpatient visit (1101 by ID number → 2201 → 2203 → 2204 → 2206 → 2207); returns the setlinfo. */
export async function settle(host: TestHost, op: HubOperator, p: TrainingPatient, lineCount = 2): Promise<SetlInfo> {
  const hub = host.services.hub;
  const budget = hub.settlementBudget();
  const person = await hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber } }, { operator: op, budget });
  const opts = { operator: op, budget, insuplcAdmdvs: insuplcAdmdvsOf(person.output, p.insutype), context: `test:${++serial}` };
  const psn = person.output.baseinfo.psn_no;
  const begntime = formatInfTime(new Date());
  const cert = { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber };
  const reg = await hub.register({ data: { psn_no: psn, insutype: p.insutype, begntime, ...cert, ipt_otp_no: `RC${Date.now()}${serial}`, dept_code: '0101', dept_name: '内科门诊', caty: 'A03' } }, opts);
  const mdtrtId = reg.output.data.mdtrt_id;
  await hub.uploadVisitInfo({ mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: psn, med_type: '11', begntime }, diseinfo: [] }, opts);
  const sample = await admin<{ rows: { code: string; priceCap: string | null }[] }>(host, 'GET', `/admin/catalog/sample?infno=1301&count=${lineCount + serial}&class=01`);
  const lines = sample.rows.slice(serial).map((r, i) => {
    const price = r.priceCap === null ? 1_500_000 : parseScaled(r.priceCap, SCALE.price);
    return { feedetl_sn: `${i + 1}`, mdtrt_id: mdtrtId, psn_no: psn, chrg_bchno: '1', fee_ocur_time: begntime, med_list_codg: r.code, medins_list_codg: r.code, det_item_fee_sumamt: lineAmount(price, 20_000), cnt: 20_000, pric: price, hosp_appr_flag: '1' };
  });
  await hub.uploadOutpatientFees({ feedetail: lines }, opts);
  const total = lines.reduce((s, l) => s + l.det_item_fee_sumamt, 0);
  const base = { psn_no: psn, ...cert, med_type: '11', medfee_sumamt: total, psn_setlway: '01', mdtrt_id: mdtrtId, chrg_bchno: '1', acct_used_flag: '1', insutype: p.insutype };
  const pre = (await hub.preSettleOutpatient({ data: base }, opts)).output.setlinfo;
  const done = await hub.settleOutpatient({ data: { ...base, fulamt_ownpay_amt: pre.fulamt_ownpay_amt, overlmt_selfpay: pre.overlmt_selfpay, preselfpay_amt: pre.preselfpay_amt, inscp_scp_amt: pre.inscp_scp_amt } }, opts);
  return done.output.setlinfo;
}

/** 2208 of a settlement; returns the cancellation's setlinfo (negative amounts). */
export async function cancel(host: TestHost, op: HubOperator, s: SetlInfo, p: TrainingPatient): Promise<SetlInfo> {
  const r = await host.services.hub.cancelOutpatientSettlement({ data: { setl_id: s.setl_id, mdtrt_id: s.mdtrt_id, psn_no: s.psn_no } }, { operator: op, insuplcAdmdvs: p.insuredArea, context: `test-refund:${s.setl_id}` });
  return r.output.setlinfo;
}
