// Whole visits against the training hub through the minimal client: the sequences a terminal
// sends (person → register → upload → pre-settle → settle), for tests, drills and benchmarks.
import { lineAmount } from '@src/common/money';
import type { TxOutput } from '@src/hub/protocol/transactions';
import { formatInfTime } from '@src/hub/protocol/time';
import type { CatalogInfno } from '@src/training/catalog/catalog-kinds';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import type { TrainingPatient } from '@src/training/fixtures/training-patients';
import type { MinimalHubClient } from './minimal-hub-client';

export interface BillLine {
  code: string;
  /** scale 6 */
  price: number;
  /** scale 4 */
  quantity: number;
  hospApprFlag?: string;
}

/** A bill line at the row's price cap (or a given price) from a catalogue row. */
export function lineFromCatalog(catalog: TrainingCatalog, infno: CatalogInfno, index: number, quantity: number, priceOverride?: number): BillLine {
  const row = catalog.feeItem(infno, index);
  const price = priceOverride ?? row.priceCap ?? 1_000_000;
  return { code: row.code, price, quantity };
}

/** The first valid rows of a catalogue matching a predicate. */
export function findRows(catalog: TrainingCatalog, infno: CatalogInfno, count: number, pred: (r: ReturnType<TrainingCatalog['feeItem']>) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < catalog.count(infno) && out.length < count; i++) {
    const r = catalog.feeItem(infno, i);
    if (r.valiFlag === '1' && pred(r)) out.push(i);
  }
  return out;
}

export function billTotal(lines: readonly BillLine[]): number {
  return lines.reduce((s, l) => s + lineAmount(l.price, l.quantity), 0);
}

/** 就诊凭证 of a training patient: ID number by default. */
export function certOf(p: TrainingPatient): { mdtrt_cert_type: string; mdtrt_cert_no: string } {
  return { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber };
}

export interface OutpatientOptions {
  medType?: string;
  diseaseCode?: string;
  useAccount?: boolean;
  begntime?: string;
  iptOtpNo?: string;
}

export interface OutpatientResult {
  mdtrtId: string;
  fees: TxOutput<'2204'>;
  pre: TxOutput<'2206'>;
  settled: TxOutput<'2207'>;
  settleMsgid: string;
}

let otpCounter = 0;

export async function registerOutpatient(client: MinimalHubClient, p: TrainingPatient, o: OutpatientOptions = {}): Promise<string> {
  client.insuredArea = p.insuredArea;
  const begntime = o.begntime ?? formatInfTime(new Date());
  const reg = await client.ok('2201', {
    data: { psn_no: p.psnNo, insutype: p.insutype, begntime, ...certOf(p), ipt_otp_no: o.iptOtpNo ?? `MZ${Date.now()}${otpCounter++}`, dept_code: '0101', dept_name: '内科门诊', caty: 'A03' },
  });
  const mdtrtId = reg.data.mdtrt_id;
  await client.ok('2203', {
    mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: p.psnNo, med_type: o.medType ?? '11', begntime, dise_codg: o.diseaseCode },
    diseinfo: [{ diag_type: '1', diag_srt_no: 1, diag_code: o.diseaseCode ?? 'J06.900', diag_name: '诊断' }],
  });
  return mdtrtId;
}

export function feeLines(mdtrtId: string, p: TrainingPatient, lines: readonly BillLine[], batch = '1') {
  return lines.map((l, i) => ({
    feedetl_sn: `${batch}-${i + 1}`,
    mdtrt_id: mdtrtId,
    psn_no: p.psnNo,
    chrg_bchno: batch,
    fee_ocur_time: formatInfTime(new Date()),
    med_list_codg: l.code,
    medins_list_codg: l.code,
    det_item_fee_sumamt: lineAmount(l.price, l.quantity),
    cnt: l.quantity,
    pric: l.price,
    hosp_appr_flag: l.hospApprFlag,
  }));
}

export function settleInput(p: TrainingPatient, mdtrtId: string, pre: TxOutput<'2206'>, o: OutpatientOptions = {}) {
  const s = pre.setlinfo;
  return {
    data: {
      psn_no: p.psnNo, ...certOf(p), med_type: o.medType ?? '11', medfee_sumamt: s.medfee_sumamt, psn_setlway: '01', mdtrt_id: mdtrtId, chrg_bchno: '1',
      acct_used_flag: o.useAccount === false ? '0' : '1', insutype: p.insutype,
      fulamt_ownpay_amt: s.fulamt_ownpay_amt, overlmt_selfpay: s.overlmt_selfpay, preselfpay_amt: s.preselfpay_amt, inscp_scp_amt: s.inscp_scp_amt,
    },
  };
}

/** A whole outpatient visit: register, visit info, fees, pre-settle, settle. */
export async function settleOutpatient(client: MinimalHubClient, p: TrainingPatient, lines: readonly BillLine[], o: OutpatientOptions = {}): Promise<OutpatientResult> {
  const mdtrtId = await registerOutpatient(client, p, o);
  const fees = await client.ok('2204', { feedetail: feeLines(mdtrtId, p, lines) });
  const input = settleInput(p, mdtrtId, { setlinfo: { mdtrt_id: mdtrtId, psn_no: p.psnNo, medfee_sumamt: billTotal(lines), fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 0 } } as TxOutput<'2206'>, o);
  const pre = await client.ok('2206', { data: { ...input.data } });
  const settleBody = settleInput(p, mdtrtId, pre, o);
  const r = await client.call('2207', settleBody);
  if (r.infcode !== 0) throw new Error(`2207 refused: ${r.errMsg ?? ''}`);
  return { mdtrtId, fees, pre, settled: r.output as TxOutput<'2207'>, settleMsgid: r.msgid };
}
