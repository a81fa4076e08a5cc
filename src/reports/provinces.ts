// Province-level divisions by the first two digits of a 6-digit administrative code (GB/T 2260),
// for the "by insured province" figures. Names are the short forms a counter report uses.
const PROVINCES: Record<string, string> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古',
  '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东',
  '41': '河南', '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南',
  '50': '重庆', '51': '四川', '52': '贵州', '53': '云南', '54': '西藏',
  '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆',
};

/** '320500' → '32'; '' when the code is unknown. */
export function provinceCode(admdvs: string): string {
  return /^\d{2}/.test(admdvs) ? admdvs.slice(0, 2) : '';
}

export function provinceName(code: string): string {
  return PROVINCES[code] ?? (code === '' ? '未知' : `区划${code}`);
}

/** Cross-province = the first two digits of the insured and treatment areas differ (interface.md §5 [U]). */
export function isCrossProvince(insuplcAdmdvs: string, mdtrtareaAdmvs: string): boolean {
  return provinceCode(insuplcAdmdvs) !== '' && provinceCode(insuplcAdmdvs) !== provinceCode(mdtrtareaAdmvs);
}
