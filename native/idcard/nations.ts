// 民族 codes on the ID card (GB/T 3304): 01 汉 … 56 基诺, 97 其他, 98 外国血统中国籍人士.
const NATIONS = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜',
  '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔',
  '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

/** '01' → '汉族'; unknown codes are shown as the code. */
export function nationName(code: string): string {
  if (code === '97') return '其他';
  if (code === '98') return '外国血统中国籍人士';
  const n = Number(code);
  const name = /^\d{2}$/.test(code) && n >= 1 && n <= NATIONS.length ? NATIONS[n - 1] : undefined;
  return name ? `${name}族` : code;
}

export function isNationCode(code: string): boolean {
  return /^\d{2}$/.test(code) && ((Number(code) >= 1 && Number(code) <= NATIONS.length) || code === '97' || code === '98');
}

/** 性别 codes (GB/T 2261.1). */
export function genderName(code: string): string {
  return { '0': '未知', '1': '男', '2': '女', '9': '未说明' }[code] ?? code;
}
