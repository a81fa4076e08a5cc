// Packed BCD as the social security card stores dates (4 bytes, YYYYMMDD) and region codes
// (3 bytes, FF-padded). Invalid nibbles raise BcdFormatError so a damaged record never becomes
// a plausible-looking wrong date.

export class BcdFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BcdFormatError';
  }
}

/** Digits of packed BCD, stopping at the first F nibble (padding). Other nibbles > 9 are errors. */
export function decodeBcdDigits(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    for (const nibble of [b >> 4, b & 0x0f]) {
      if (nibble === 0x0f) return out;
      if (nibble > 9) throw new BcdFormatError(`nibble ${nibble.toString(16)} is not a BCD digit`);
      out += String(nibble);
    }
  }
  return out;
}

/** Packs digits into `length` bytes, padding with F nibbles. */
export function encodeBcdDigits(digits: string, length: number): Uint8Array {
  if (!/^\d*$/.test(digits)) throw new RangeError('BCD needs decimal digits');
  if (digits.length > length * 2) throw new RangeError(`${digits.length} digits do not fit in ${length} bytes`);
  const padded = digits.padEnd(length * 2, 'F');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** 4 bytes BCD YYYYMMDD → "YYYY-MM-DD"; rejects impossible dates (20230231). */
export function decodeBcdDate(bytes: Uint8Array): string {
  if (bytes.length !== 4) throw new BcdFormatError(`a BCD date has 4 bytes, got ${bytes.length}`);
  const digits = decodeBcdDigits(bytes);
  if (digits.length !== 8) throw new BcdFormatError('BCD date is padded');
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new BcdFormatError(`not a calendar date: ${digits}`);
  }
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** "YYYY-MM-DD" → 4 bytes BCD. */
export function encodeBcdDate(date: string): Uint8Array {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`expected YYYY-MM-DD, got ${date}`);
  return encodeBcdDigits(date.replaceAll('-', ''), 4);
}
