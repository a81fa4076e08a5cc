// Chinese labels for codes shown on screens and receipts.
export const INSUTYPE_NAMES: Record<string, string> = { '310': '职工基本医疗保险', '320': '公务员医疗补助', '330': '大额医疗费用补助', '390': '城乡居民基本医疗保险', '392': '城乡居民大病医疗保险' };
export const PSN_TYPE_NAMES: Record<string, string> = { '1101': '在职职工', '1102': '退休人员', '1501': '城乡居民' };
export const MED_TYPE_NAMES: Record<string, string> = { '11': '普通门诊', '13': '急诊', '14': '门诊慢特病', '21': '普通住院', '41': '定点药店购药' };
export const KIND_NAMES: Record<string, string> = { outpatient: '门诊', pharmacy: '药店购药', inpatient: '住院' };
export const CHARGE_CLASS_NAMES: Record<string, string> = { '01': '甲', '02': '乙', '03': '丙' };
/** 参保地 names of the provinces' capitals and the areas the training data uses. */
export const AREA_NAMES: Record<string, string> = {
  '110000': '北京市',
  '310000': '上海市',
  '320500': '江苏省苏州市',
  '330400': '浙江省嘉兴市',
  '340100': '安徽省合肥市',
  '500000': '重庆市',
  '510100': '四川省成都市',
};
export function areaName(code: string): string {
  return AREA_NAMES[code] ?? code;
}
