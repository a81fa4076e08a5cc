// Names of the codes reports show (interface.md §4).
const MED_TYPES: Record<string, string> = {
  '11': '普通门诊', '12': '门诊挂号', '13': '急诊', '14': '门诊慢特病', '15': '特药', '16': '中医特色门诊',
  '21': '普通住院', '22': '外伤住院', '23': '转外诊治住院', '24': '急诊转住院', '25': '异地住院', '26': '单病种住院', '27': '自主就医', '28': '日间手术',
  '41': '定点药店购药', '51': '生育门诊', '52': '生育住院',
};
const INSUTYPES: Record<string, string> = {
  '310': '职工基本医疗保险', '320': '公务员医疗补助', '330': '大额医疗费用补助', '340': '离休人员医疗保障', '390': '城乡居民基本医疗保险', '510': '生育保险',
};
const CLR_TYPES: Record<string, string> = { '11': '门诊', '21': '住院', '41': '药店购药', '99': '其他' };

export const medTypeName = (code: string): string => MED_TYPES[code] ?? (code === '' ? '未知' : code);
export const insutypeName = (code: string): string => INSUTYPES[code] ?? (code === '' ? '未知' : code);
export const clrTypeName = (code: string): string => CLR_TYPES[code] ?? code;
