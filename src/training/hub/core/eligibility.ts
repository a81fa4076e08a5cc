// May this person be settled here, for this kind of visit, on this day? Applies the insured
// area's existence, the insurance type, the cross-province filing rules and the chronic-disease
// filing rules; refuses with the Chinese reason the cashier reads out.
import { chronicDiseaseOfCode, type ChronicDiseaseDef } from '@src/training/catalog/code-tables';
import type { Db } from '@src/platform/db/open';
import { checkChronicFiling, checkCrossProvinceFiling } from '../filings/filing-rules';
import { areaPolicy, type AreaPolicy } from '../policy/area-policies';
import type { CrossProvinceStatus } from '../policy/benefit-engine';
import type { HubInstitution } from '../training-institutions';
import { refuse } from './hub-refusal';
import { chronicFilings, crossProvinceFilings, type PersonRow } from './persons';

export interface Eligibility {
  policy: AreaPolicy;
  status: CrossProvinceStatus;
  chronicDisease?: ChronicDiseaseDef;
}

export function checkInsutype(person: PersonRow, insutype: string): void {
  if (insutype !== person.insutype) refuse(`险种类型${insutype}与参保人参保险种${person.insutype}不符，请按【1101】返回的参保信息选择险种`);
}

/** The insured area's policy, or a refusal: the training hub only knows the areas it has policies for. */
export function policyFor(person: PersonRow): AreaPolicy {
  const policy = areaPolicy(person.insuplc_admdvs);
  if (!policy) refuse(`参保地${person.insuplc_admdvs}未开通跨省异地就医直接结算，不能直接结算`);
  return policy;
}

export function checkEligibility(
  db: Db,
  person: PersonRow,
  institution: HubInstitution,
  args: { visitDate: string; medType: string; diseaseCode?: string | undefined },
): Eligibility {
  const policy = policyFor(person);
  const verdict = checkCrossProvinceFiling({
    insuredArea: person.insuplc_admdvs,
    treatmentArea: institution.admdvs,
    visitDate: args.visitDate,
    filings: crossProvinceFilings(db, person.psn_no),
  });
  if (!verdict.ok) refuse(verdict.errMsg);
  if (args.medType !== '14') return { policy, status: verdict.status };

  const code = args.diseaseCode?.trim() ?? '';
  if (code === '') refuse('门诊慢特病（医疗类别14）须在就诊信息中上传病种编码（dise_codg）');
  const disease = chronicDiseaseOfCode(code);
  if (!disease) refuse(`病种${code}不在跨省门诊慢特病直接结算的病种范围内（高血压、糖尿病、恶性肿瘤门诊放化疗、尿毒症透析、器官移植术后抗排异治疗）`);
  const chronic = checkChronicFiling({ disease, visitDate: args.visitDate, filings: chronicFilings(db, person.psn_no) });
  if (!chronic.ok) refuse(chronic.errMsg);
  return { policy, status: verdict.status, chronicDisease: disease };
}
