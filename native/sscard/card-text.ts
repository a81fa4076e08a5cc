// Text fields on the card: ASCII (card number, 社会保障号码, spec version) and GBK (names).
//
// Fixed-width fields are padded; cards seen in the field pad with 00, 20 or FF. None of these can
// be a GBK trail byte (0x40–0xFE except 0x7F), so stripping them from the end never cuts a
// character in half.
import iconv from 'iconv-lite';

export class CardTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CardTextError';
  }
}

const PAD = new Set([0x00, 0x20, 0xff]);

function trimPadding(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && PAD.has(bytes[end - 1] as number)) end--;
  let start = 0;
  while (start < end && bytes[start] === 0x20) start++;
  return bytes.subarray(start, end);
}

/** Printable ASCII, padding removed. Anything else (control bytes, 8-bit) is a CardTextError. */
export function decodeAsciiField(bytes: Uint8Array): string {
  const t = trimPadding(bytes);
  for (const b of t) if (b < 0x20 || b > 0x7e) throw new CardTextError(`non-ASCII byte ${b.toString(16)} in a text field`);
  return String.fromCharCode(...t);
}

/** GBK text, padding removed. Malformed sequences are a CardTextError, never replacement characters. */
export function decodeGbkField(bytes: Uint8Array): string {
  const t = trimPadding(bytes);
  const text = iconv.decode(Buffer.from(t), 'gbk');
  if (text.includes('\uFFFD')) throw new CardTextError('malformed GBK in a name field');
  for (const ch of text) if (ch < ' ') throw new CardTextError('control character in a name field');
  return text;
}

/** Encodes text into a fixed-width field padded with `pad` (virtual cards). Throws if it does not fit. */
export function encodeTextField(text: string, length: number, encoding: 'ascii' | 'gbk', pad = 0x00): Uint8Array {
  const raw = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'latin1');
  if (encoding === 'ascii' && !/^[\x20-\x7e]*$/.test(text)) throw new RangeError('ASCII field with non-ASCII text');
  if (raw.length > length) throw new RangeError(`text of ${raw.length} bytes does not fit in ${length}`);
  const out = new Uint8Array(length).fill(pad);
  out.set(raw, 0);
  return out;
}

/** GBK byte length of a text (the virtual card splits long names into 姓名 + 姓名扩展 by it). */
export function gbkByteLength(text: string): number {
  return iconv.encode(text, 'gbk').length;
}

/** Splits `text` so the first part fits in `length` GBK bytes without cutting a character. */
export function splitGbk(text: string, length: number): [string, string] {
  let used = 0;
  let i = 0;
  const chars = Array.from(text);
  for (; i < chars.length; i++) {
    const n = gbkByteLength(chars[i] as string);
    if (used + n > length) break;
    used += n;
  }
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}
