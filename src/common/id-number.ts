// Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date,
// 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character the first 17 digits call for. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

/** Returns null when the number is valid, otherwise what is wrong with it. */
export function idNumberProblem(idNumber: string): IdNumberProblem | null {
  const id = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birthDate';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

export function isValidIdNumber(idNumber: string): boolean {
  return idNumberProblem(idNumber) === null;
}

/** Chinese explanation of a problem, for the counter. */
export function describeIdNumberProblem(problem: IdNumberProblem): string {
  switch (problem) {
    case 'format':
      return '身份证号应为18位：17位数字加1位数字或X';
    case 'birthDate':
      return '身份证号中的出生日期不存在，请核对';
    case 'checkDigit':
      return '身份证号校验位不正确，请核对后重新输入';
  }
}

/** Birth date YYYY-MM-DD from a valid number. */
export function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** '1' male, '2' female (GB/T 2261.1), from the sequence digit's parity. */
export function genderOf(idNumber: string): '1' | '2' {
  return Number(idNumber[16]) % 2 === 1 ? '1' : '2';
}
