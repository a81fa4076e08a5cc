// Departments offered at the counter (科别 codes of the national classification). The hub takes
// the code and name as given; an institution with its own list changes it here.
export const DEPARTMENTS: readonly { code: string; name: string }[] = [
  { code: 'A03', name: '内科' },
  { code: 'A04', name: '外科' },
  { code: 'A05', name: '妇产科' },
  { code: 'A07', name: '儿科' },
  { code: 'A11', name: '眼科' },
  { code: 'A12', name: '耳鼻咽喉科' },
  { code: 'A13', name: '口腔科' },
  { code: 'A20', name: '急诊医学科' },
  { code: 'A50', name: '中医科' },
];

export function department(code: string): { code: string; name: string } | undefined {
  return DEPARTMENTS.find((d) => d.code === code);
}
