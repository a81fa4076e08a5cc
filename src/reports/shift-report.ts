// The shift hand-over (交班) of one cashier: what they settled and refunded between two instants,
// the cash to hand over, and any settlement call whose outcome is still unknown (to be resolved
// before the shift is closed).
import type { ShiftReport } from '@src/contract/methods/reports';
import type { SettledRecord } from '@src/reconcile/settled-record';
import { medTypeName } from './labels';
import { bucketsOf, totalsOf } from './totals';

/** 'yyyy-MM-dd HH:mm:ss' China time → epoch ms. */
export function chinaTimeToMs(setlTime: string): number {
  return Date.parse(`${setlTime.replace(' ', 'T')}+08:00`);
}

export interface ShiftInput {
  operator: string;
  operatorName: string;
  from: Date;
  to: Date;
  records: readonly SettledRecord[];
  reversals: number;
  unresolvedCalls: number;
  institution: string;
  now: Date;
}

/** The records of `operator` settled within [from, to]. */
export function shiftRecords(records: readonly SettledRecord[], operator: string, from: Date, to: Date): SettledRecord[] {
  return records.filter((r) => {
    const at = chinaTimeToMs(r.setlTime);
    return r.operator === operator && at >= from.getTime() && at <= to.getTime();
  });
}

export function buildShiftReport(input: ShiftInput): ShiftReport {
  const mine = shiftRecords(input.records, input.operator, input.from, input.to);
  const total = totalsOf(mine);
  return {
    operator: input.operator,
    operatorName: input.operatorName,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    institution: input.institution,
    generatedAt: input.now.toISOString(),
    settlements: totalsOf(mine.filter((r) => r.kind === 'settle')),
    refunds: totalsOf(mine.filter((r) => r.kind === 'cancel')),
    total,
    reversals: input.reversals,
    cashToHandOver: total.cash,
    byMedType: bucketsOf(mine, (r) => r.medType, medTypeName),
    unresolvedCalls: input.unresolvedCalls,
    rows: mine.map((r) => ({ setlTime: r.setlTime, setlId: r.setlId, ...(r.recordId === undefined ? {} : { recordId: r.recordId }), kind: r.kind, medType: r.medType, medTypeName: medTypeName(r.medType), insutype: r.insutype, medfee: r.medfee, fund: r.fund, acct: r.acct, cash: r.cash })),
  };
}
