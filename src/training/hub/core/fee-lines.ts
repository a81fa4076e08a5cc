// Fee lines: priced and split against the treatment area's catalogue (就医地目录) when uploaded,
// stored with their split, and turned into the 2204/2301/2101 `result` rows.
import { formatYuan, lineAmount } from '@src/common/money';
import type { FeeResult } from '@src/hub/protocol/settlement';
import type { Db } from '@src/platform/db/open';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { splitFeeLine, type FeeLine, type LineSplit } from '../policy/fee-line-split';
import { refuse } from './hub-refusal';

export interface IncomingLine {
  feedetl_sn: string;
  med_list_codg: string;
  det_item_fee_sumamt: number;
  cnt: number;
  pric: number;
  hosp_appr_flag?: string | undefined;
}

/** Validates and splits lines; refuses the whole upload on the first bad line (nothing is stored). */
export function splitIncoming(catalog: TrainingCatalog, lines: readonly IncomingLine[]): LineSplit[] {
  if (lines.length === 0) refuse('费用明细不能为空');
  const seen = new Set<string>();
  return lines.map((l, i) => {
    const where = `第${i + 1}条明细（流水号${l.feedetl_sn}）`;
    if (l.feedetl_sn.trim() === '') refuse(`${where}：费用明细流水号不能为空`);
    if (seen.has(l.feedetl_sn)) refuse(`${where}：费用明细流水号在本次上传中重复`);
    seen.add(l.feedetl_sn);
    if (l.cnt === 0) refuse(`${where}：数量不能为0`);
    if (l.pric < 0) refuse(`${where}：单价不能为负数`);
    const expected = lineAmount(l.pric, l.cnt);
    if (expected !== l.det_item_fee_sumamt) {
      refuse(`${where}：明细项目费用总额与单价×数量不符（应为${formatYuan(expected)}元）`);
    }
    const row = catalog.lookup(l.med_list_codg);
    if (!row) refuse(`${where}：医疗目录编码${l.med_list_codg}在就医地医保目录中不存在，请更新目录后重新对照`);
    if (row.valiFlag !== '1') refuse(`${where}：医疗目录编码${l.med_list_codg}（${row.name}）已于${row.enddate}停用，请更新目录后重新对照`);
    const line: FeeLine = { feedetlSn: l.feedetl_sn, price: l.pric, quantity: l.cnt, amount: l.det_item_fee_sumamt, hospApprFlag: l.hosp_appr_flag };
    return splitFeeLine(line, row);
  });
}

export function feeResultOf(s: LineSplit): FeeResult {
  return {
    feedetl_sn: s.feedetlSn,
    det_item_fee_sumamt: s.amount,
    cnt: s.quantity,
    pric: s.price,
    pric_uplmt_amt: s.priceCap ?? undefined,
    selfpay_prop: s.selfpayProp,
    fulamt_ownpay_amt: s.fulamtOwnpay,
    overlmt_amt: s.overlmt,
    preselfpay_amt: s.preselfpay,
    inscp_scp_amt: s.inscp,
    chrgitm_lv: s.chrgitmLv,
    med_chrgitm_type: s.medChrgitmType,
    bas_medn_flag: '0',
    hi_nego_drug_flag: '0',
    chld_medc_flag: '0',
    list_sp_item_flag: '0',
    lmt_used_flag: s.lmtUsedFlag,
    drt_reim_flag: '0',
    memo: s.memo === '' ? undefined : s.memo,
  };
}

export interface StoredLine {
  feedetl_sn: string;
  chrg_bchno: string;
  amount_fen: number;
  split: LineSplit;
  setl_id: string | null;
}

export interface LineToStore {
  split: LineSplit;
  code: string;
  chrgBchno: string;
  hospApprFlag?: string | undefined;
}

/** Stores split lines; refuses a feedetl_sn already uploaded for the visit. */
export function storeLines(db: Db, mdtrtId: string, lines: readonly LineToStore[], msgid: string): void {
  const exists = db.prepare('SELECT 1 FROM fee_lines WHERE mdtrt_id = ? AND feedetl_sn = ?');
  const insert = db.prepare(`INSERT INTO fee_lines (mdtrt_id, feedetl_sn, chrg_bchno, med_list_codg, price, quantity, amount_fen, hosp_appr_flag, split, msgid)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const l of lines) {
    const s = l.split;
    if (exists.get(mdtrtId, s.feedetlSn)) refuse(`费用明细流水号${s.feedetlSn}已上传，不能重复上传；如需修改请先撤销该明细`);
    insert.run(mdtrtId, s.feedetlSn, l.chrgBchno, l.code, s.price, s.quantity, s.amount, l.hospApprFlag ?? null, JSON.stringify(s), msgid);
  }
}

/** Unsettled lines of a visit (of one charge batch unless `chrgBchno` is empty or "0000"). */
export function unsettledLines(db: Db, mdtrtId: string, chrgBchno?: string): StoredLine[] {
  const all = chrgBchno === undefined || chrgBchno === '' || chrgBchno === '0000';
  const rows = (
    all
      ? db.prepare('SELECT feedetl_sn, chrg_bchno, amount_fen, split, setl_id FROM fee_lines WHERE mdtrt_id = ? AND setl_id IS NULL ORDER BY rowid').all(mdtrtId)
      : db.prepare('SELECT feedetl_sn, chrg_bchno, amount_fen, split, setl_id FROM fee_lines WHERE mdtrt_id = ? AND chrg_bchno = ? AND setl_id IS NULL ORDER BY rowid').all(mdtrtId, chrgBchno)
  ) as { feedetl_sn: string; chrg_bchno: string; amount_fen: number; split: string; setl_id: string | null }[];
  return rows.map((r) => ({ ...r, split: JSON.parse(r.split) as LineSplit }));
}
