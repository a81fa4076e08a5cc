// GTIN check digits (EAN-8, UPC-A, EAN-13, GTIN-14): GS1 mod-10, weights 3 and 1 from the right.
export function gtinCheckDigit(withoutCheck: string): number {
  let sum = 0;
  for (let i = 0; i < withoutCheck.length; i++) {
    const digit = Number(withoutCheck[withoutCheck.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(code: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/** Appends the check digit (tests and training data). */
export function withGtinCheckDigit(withoutCheck: string): string {
  return withoutCheck + String(gtinCheckDigit(withoutCheck));
}
