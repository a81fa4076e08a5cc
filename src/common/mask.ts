// Masking of patient identifiers for screens, receipts and logs (rule 5: patient data is protected).

/** 320501197203150018 → 320501********0018 (region and last four kept, birth date hidden). */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** 张伟 → 张*, 欧阳娜娜 → 欧***: the family name stays readable for the cashier. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name.length === 0 ? '' : '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Card numbers and tokens: keep the first 2 and last 3 characters. */
export function maskCardNumber(value: string): string {
  if (value.length <= 5) return '*'.repeat(value.length);
  return value.slice(0, 2) + '*'.repeat(value.length - 5) + value.slice(-3);
}

/** Finds 18-character resident ID numbers in free text and masks them. */
export function maskIdNumbersInText(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g, (_m, a: string, b: string, c: string) => a + '*'.repeat(b.length) + c);
}
