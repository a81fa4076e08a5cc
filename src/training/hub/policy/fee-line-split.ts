// 就医地目录: how one fee line splits by the treatment area's catalogue (2204/2301/2101 output).
//
// Pure: no I/O. The offline-settlement estimator reuses it. Every line splits exactly:
//   det_item_fee_sumamt = fulamt_ownpay_amt + overlmt_amt + preselfpay_amt + inscp_scp_amt
// so the settlement's first identity holds by construction, for refunds (negative cnt) too.
import { applyRatio, lineAmount, RATIO_ONE, type Fen } from '@src/common/money';
import type { CatalogRow, ChargeClass } from '@src/training/catalog/catalog-row';

export interface FeeLine {
  feedetlSn: string;
  /** Price, scale 6. */
  price: number;
  /** Quantity, scale 4 (negative for a refund line). */
  quantity: number;
  /** det_item_fee_sumamt */
  amount: Fen;
  /** hosp_appr_flag: '1' when the hospital approved a restricted-use item for this patient. */
  hospApprFlag?: string | undefined;
}

export interface LineSplit {
  feedetlSn: string;
  amount: Fen;
  price: number;
  quantity: number;
  fulamtOwnpay: Fen;
  overlmt: Fen;
  preselfpay: Fen;
  inscp: Fen;
  priceCap: number | null;
  selfpayProp: number;
  chrgitmLv: ChargeClass;
  medChrgitmType: string;
  lmtUsedFlag: '0' | '1';
  /** 明细分割信息: why the line was (partly) self-paid; empty when fully in scope. */
  memo: string;
}

/** Splits a line priced against a valid catalogue row. */
export function splitFeeLine(line: FeeLine, row: CatalogRow): LineSplit {
  const base = {
    feedetlSn: line.feedetlSn,
    amount: line.amount,
    price: line.price,
    quantity: line.quantity,
    priceCap: row.priceCap,
    selfpayProp: row.selfpayProp,
    chrgitmLv: (row.chrgitmLv || '03') as ChargeClass,
    medChrgitmType: row.medChrgitmType,
    lmtUsedFlag: row.lmtUsedFlag,
  };
  if (base.chrgitmLv === '03' || row.selfpayProp >= RATIO_ONE) {
    return { ...base, selfpayProp: RATIO_ONE, fulamtOwnpay: line.amount, overlmt: 0, preselfpay: 0, inscp: 0, memo: '丙类项目，全自费' };
  }
  if (row.lmtUsedFlag === '1' && line.hospApprFlag !== '1') {
    return { ...base, fulamtOwnpay: line.amount, overlmt: 0, preselfpay: 0, inscp: 0, memo: `限制使用（${row.lmtUsedDscr}），未经医院审批，按全自费` };
  }
  let allowed = line.amount;
  let memo = '';
  if (row.priceCap !== null && line.price > row.priceCap) {
    allowed = lineAmount(row.priceCap, line.quantity);
    memo = '单价超过支付标准，超出部分自费';
  }
  const overlmt = line.amount - allowed;
  const preselfpay = applyRatio(allowed, row.selfpayProp);
  return { ...base, fulamtOwnpay: 0, overlmt, preselfpay, inscp: allowed - preselfpay, memo };
}

export interface SplitTotals {
  medfee: Fen;
  fulamtOwnpay: Fen;
  overlmt: Fen;
  preselfpay: Fen;
  inscp: Fen;
}

export function sumSplits(lines: readonly LineSplit[]): SplitTotals {
  const t: SplitTotals = { medfee: 0, fulamtOwnpay: 0, overlmt: 0, preselfpay: 0, inscp: 0 };
  for (const l of lines) {
    t.medfee += l.amount;
    t.fulamtOwnpay += l.fulamtOwnpay;
    t.overlmt += l.overlmt;
    t.preselfpay += l.preselfpay;
    t.inscp += l.inscp;
  }
  return t;
}
