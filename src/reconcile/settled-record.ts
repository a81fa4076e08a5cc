// One settlement or cancellation as the terminal knows it: what reconciliation compares with the
// hub and what reports add up. Amounts are fen; cancellations carry negative amounts (as the hub
// answers them) and refd = '1'.
import type { Fen } from '@src/common/money';

export type SettledKind = 'settle' | 'cancel';

export interface SettledRecord {
  /** The hub's 结算ID (cancellations have their own). */
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  /** msgid of the request that settled (= setlinfo.medins_setl_id). */
  msgid: string;
  infno: string;
  kind: SettledKind;
  /** 退费结算标志 as in the 3202 detail file: '1' for cancellations. */
  refd: '0' | '1';
  insutype: string;
  /** 清算类别: 11 门诊, 21 住院, 41 药店, 99 其他 */
  clrType: string;
  medType: string;
  /** yyyy-MM-dd HH:mm:ss, China time (the hub's setl_time). */
  setlTime: string;
  /** yyyy-MM-dd, China time. */
  setlDate: string;
  /** 参保地医保区划 (6 digits) when known. */
  insuplcAdmdvs: string;
  /** Operator code that made the call ('' for system calls). */
  operator: string;
  medfee: Fen;
  fund: Fen;
  acct: Fen;
  cash: Fen;
  /** The hub journal entry it came from. */
  journalId: number;
  /** The local settlement record (src/settlement) this answer belongs to, when there is one (joined by msgid). */
  recordId?: number | undefined;
}

/** Where reconciliation and reports read the terminal's settlements from. */
export interface SettlementSource {
  /** Settlements and cancellations in force whose setl_time falls in [from, to] (yyyy-MM-dd, inclusive). */
  records(range: DateRange): SettledRecord[];
  /** Reversals (2601) confirmed in the range: the msgids they undid. */
  reversals(range: DateRange): { msgid: string; omsgid: string; oinfno: string; at: string; operator: string }[];
}

export interface DateRange {
  from: string;
  to: string;
}

/** 清算类别 implied by the settling transaction, for answers that omit clr_type. */
export function clrTypeOfInfno(infno: string): string {
  if (infno === '2207' || infno === '2208') return '11';
  if (infno === '2304' || infno === '2305') return '21';
  if (infno === '2102' || infno === '2103') return '41';
  return '99';
}
