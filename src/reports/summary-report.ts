// The day or range summary for finance: fund / account / cash, by insured province, by medical
// type, by insurance type and by day, the cross-province share, refunds and reversals.
import type { SummaryReport } from '@src/contract/methods/reports';
import type { DateRange, SettledRecord } from '@src/reconcile/settled-record';
import { insutypeName, medTypeName } from './labels';
import { isCrossProvince, provinceCode, provinceName } from './provinces';
import { bucketsOf, shareOf, totalsOf } from './totals';

export interface SummaryInput {
  range: DateRange;
  records: readonly SettledRecord[];
  reversals: number;
  institution: string;
  /** 就医地 (the institution's own area), for the cross-province test. */
  mdtrtareaAdmvs: string;
  now: Date;
}

export function buildSummary(input: SummaryInput): SummaryReport {
  const { records } = input;
  const cross = records.filter((r) => isCrossProvince(r.insuplcAdmdvs, input.mdtrtareaAdmvs));
  const total = totalsOf(records);
  const crossTotals = totalsOf(cross);
  return {
    from: input.range.from,
    to: input.range.to,
    institution: input.institution,
    generatedAt: input.now.toISOString(),
    total,
    settlements: totalsOf(records.filter((r) => r.kind === 'settle')),
    refunds: totalsOf(records.filter((r) => r.kind === 'cancel')),
    reversals: input.reversals,
    byProvince: bucketsOf(records, (r) => provinceCode(r.insuplcAdmdvs), provinceName),
    byMedType: bucketsOf(records, (r) => r.medType, medTypeName),
    byInsutype: bucketsOf(records, (r) => r.insutype, insutypeName),
    byDay: bucketsOf(records, (r) => r.setlDate, (d) => d).sort((a, b) => (a.key < b.key ? -1 : 1)),
    crossProvince: crossTotals,
    crossProvinceShare: shareOf(crossTotals.medfee, total.medfee),
  };
}
