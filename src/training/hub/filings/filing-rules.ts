// 跨省异地就医备案 rules, as the training hub applies them. Pure: dates in, verdict out.
//
// - The four crowds: 异地安置退休, 异地长期居住, 常驻异地工作 are long-term filings, valid until
//   revoked; 异地转诊 and 临时外出就医 are temporary, valid for 6 months from their start.
// - The check uses the visit's start date (registration, admission, purchase): an inpatient
//   admitted inside the validity settles even when discharged after it ends.
// - 门诊慢特病 needs a filing per disease (the five pilot diseases).
// - Local patients (insured in the treatment province) need no filing. "Cross-province" compares
//   the first two digits of the areas (the interface notes call this an inference; see
//   docs/training-hub.md, "Decisions").
import type { ChronicDiseaseDef, ChronicDiseaseKey } from '@src/training/catalog/code-tables';
import type { FilingKind } from '@src/training/fixtures/training-patients';
import type { CrossProvinceStatus } from '../policy/benefit-engine';

export const FILING_LABELS: Readonly<Record<FilingKind, string>> = {
  retiredResettled: '异地安置退休',
  longTermResident: '异地长期居住',
  postedWorker: '常驻异地工作',
  referral: '异地转诊',
  temporary: '临时外出就医',
};

/** Filing kinds valid until revoked. */
export const LONG_TERM_KINDS: readonly FilingKind[] = ['retiredResettled', 'longTermResident', 'postedWorker'];
/** Months a temporary filing (临时外出就医, 异地转诊) stays valid. */
export const TEMPORARY_VALIDITY_MONTHS = 6;

export interface CrossProvinceFiling {
  kind: FilingKind;
  /** yyyy-MM-dd */
  begndate: string;
  /** yyyy-MM-dd inclusive; null: long-term. */
  enddate: string | null;
  /** 备案就医地 (6 digits): the area the patient filed to be treated in. */
  mdtrtareaAdmdvs: string;
  revoked: boolean;
}

export interface ChronicFiling {
  disease: ChronicDiseaseKey;
  begndate: string;
  enddate: string | null;
}

/** Adds months to a yyyy-MM-dd date, clamping to the month's last day (Aug 31 + 6 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** The last valid day of a filing started on `begndate` (null: long-term). */
export function filingEndDate(kind: FilingKind, begndate: string): string | null {
  if (LONG_TERM_KINDS.includes(kind)) return null;
  return addDays(addMonths(begndate, TEMPORARY_VALIDITY_MONTHS), -1);
}

export function isCrossProvince(insuredArea: string, treatmentArea: string): boolean {
  return insuredArea.slice(0, 2) !== treatmentArea.slice(0, 2);
}

export type FilingVerdict = { ok: true; status: CrossProvinceStatus; filing?: CrossProvinceFiling } | { ok: false; errMsg: string };

function statusOf(kind: FilingKind): CrossProvinceStatus {
  if (kind === 'temporary') return 'temporary';
  if (kind === 'referral') return 'referral';
  return 'longTerm';
}

function inForce(f: { begndate: string; enddate: string | null }, visitDate: string): 'before' | 'valid' | 'expired' {
  if (visitDate < f.begndate) return 'before';
  if (f.enddate !== null && visitDate > f.enddate) return 'expired';
  return 'valid';
}

/**
 * May a patient insured in `insuredArea` settle directly for a visit in `treatmentArea` that
 * started on `visitDate` (yyyy-MM-dd)? Picks the best filing in force when several exist.
 */
export function checkCrossProvinceFiling(args: {
  insuredArea: string;
  treatmentArea: string;
  visitDate: string;
  filings: readonly CrossProvinceFiling[];
}): FilingVerdict {
  if (!isCrossProvince(args.insuredArea, args.treatmentArea)) return { ok: true, status: 'local' };
  const active = args.filings.filter((f) => !f.revoked);
  if (active.length === 0) {
    return { ok: false, errMsg: '参保人未办理跨省异地就医备案，不能直接结算。请参保人通过国家医保服务平台APP或参保地经办机构办理备案后再就医结算，或本次按全自费结算后回参保地报销。' };
  }
  const here = active.filter((f) => f.mdtrtareaAdmdvs.slice(0, 2) === args.treatmentArea.slice(0, 2));
  if (here.length === 0) {
    const f = active[0] as CrossProvinceFiling;
    return { ok: false, errMsg: `参保人跨省异地就医备案（${FILING_LABELS[f.kind]}）的备案就医地为${f.mdtrtareaAdmdvs}，与本次就医地${args.treatmentArea}不符，不能直接结算。请参保人变更备案就医地后再结算。` };
  }
  const valid = here.filter((f) => inForce(f, args.visitDate) === 'valid');
  // Long-term filings first: they carry the better benefit.
  const best = valid.find((f) => statusOf(f.kind) === 'longTerm') ?? valid.find((f) => f.kind === 'referral') ?? valid[0];
  if (best) return { ok: true, status: statusOf(best.kind), filing: best };
  const latest = [...here].sort((a, b) => (a.begndate < b.begndate ? 1 : -1))[0] as CrossProvinceFiling;
  if (inForce(latest, args.visitDate) === 'before') {
    return { ok: false, errMsg: `参保人跨省异地就医备案（${FILING_LABELS[latest.kind]}）自${latest.begndate}起生效，本次就诊日期${args.visitDate}不在备案有效期内，不能直接结算。` };
  }
  return {
    ok: false,
    errMsg: `参保人跨省异地就医备案（${FILING_LABELS[latest.kind]}，${latest.begndate}至${latest.enddate ?? ''}）已过期，不能直接结算。请参保人重新办理备案后再结算。`,
  };
}

/** May the visit be settled as 门诊慢特病 for `disease`? Needs a chronic filing for that disease in force. */
export function checkChronicFiling(args: { disease: ChronicDiseaseDef; visitDate: string; filings: readonly ChronicFiling[] }): { ok: true } | { ok: false; errMsg: string } {
  const mine = args.filings.filter((f) => f.disease === args.disease.key);
  if (mine.length === 0) {
    return { ok: false, errMsg: `参保人未办理门诊慢特病（${args.disease.name}）备案，不能按门诊慢特病结算。请参保人在参保地办理该病种备案，或改按普通门诊结算。` };
  }
  if (mine.some((f) => inForce(f, args.visitDate) === 'valid')) return { ok: true };
  return { ok: false, errMsg: `参保人门诊慢特病（${args.disease.name}）备案不在有效期内，不能按门诊慢特病结算。` };
}
