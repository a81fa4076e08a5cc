// What a patient who paid everything themselves (the hub unreachable, or past the offline limits)
// takes home to claim reimbursement (手工报销) at the insured area's agency. Standard across
// provinces in substance; the agency may ask for more, which the slip tells the patient.
export const REIMBURSEMENT_DOCUMENTS: readonly string[] = [
  '医疗收费票据（发票）原件',
  '费用明细清单（加盖医院收费章）',
  '门诊病历或诊断证明书',
  '身份证或社会保障卡复印件',
  '跨省异地就医备案凭证（如已备案）',
  '本院出具的“未能直接结算”说明（本单）',
];

export const REIMBURSEMENT_NOTE = '请持以上材料到参保地医保经办机构申请手工报销；具体要求以参保地规定为准。';
