// Which 医疗类别 (med_type) belongs to which kind of visit, and which benefit pool it uses.
import type { VisitCategory } from '../policy/benefit-engine';
import { refuse } from './hub-refusal';

export type VisitKind = 'outpatient' | 'inpatient' | 'pharmacy';

const OUTPATIENT = ['11', '12', '13', '14', '15', '16', '51'];
const INPATIENT = ['21', '22', '23', '24', '25', '26', '27', '28', '52'];
const PHARMACY = ['41'];

export function checkMedType(kind: VisitKind, medType: string): void {
  const allowed = kind === 'outpatient' ? OUTPATIENT : kind === 'inpatient' ? INPATIENT : PHARMACY;
  if (!allowed.includes(medType)) {
    const what = kind === 'outpatient' ? '门诊' : kind === 'inpatient' ? '住院' : '药店购药';
    refuse(`医疗类别${medType}不适用于${what}，应为${allowed.join('、')}之一`);
  }
}

export function categoryOf(kind: VisitKind, medType: string): VisitCategory {
  if (kind === 'inpatient') return 'inpatient';
  if (kind === 'pharmacy') return 'pharmacy';
  return medType === '14' ? 'chronic' : 'outpatient';
}

export function clrTypeOf(kind: VisitKind): string {
  return kind === 'inpatient' ? '21' : kind === 'pharmacy' ? '41' : '11';
}
