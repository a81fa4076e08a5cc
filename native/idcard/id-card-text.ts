// The 256-byte text block of a resident ID card: UCS-2 little-endian, each field padded with
// spaces (20 00) to a fixed width (devices.md §1, "256-byte text block").
//
// Decoding validates what the cashier will rely on: the ID number's check digit (GB 11643), real
// dates, and that the birth date inside the ID number matches the birth date field. A card that
// fails is refused with a clear message instead of settling under a mangled number.
import { AppError } from '@src/common/errors';
import { birthDateOf, idNumberProblem } from '@src/common/id-number';
import type { IdCardText } from './id-card';
import { isNationCode } from './nations';

export const TEXT_BLOCK_LENGTH = 256;

/** [field, byte offset, byte length] */
export const TEXT_FIELDS = [
  ['name', 0, 30],
  ['gender', 30, 2],
  ['nation', 32, 4],
  ['birthDate', 36, 16],
  ['address', 52, 70],
  ['idNumber', 122, 36],
  ['authority', 158, 30],
  ['validFrom', 188, 16],
  ['validTo', 204, 16],
] as const satisfies readonly (readonly [keyof IdCardText, number, number])[];

/**
 * Offset of the card-type marker inside the reserved area: 'I' on foreign permanent-residence
 * cards, 'J' on HK/Macao/Taiwan residence permits, a space on resident ID cards. The offset is
 * not confirmed by a public source (docs/devices.md, "Uncertain points").
 */
export const CARD_TYPE_OFFSET = 248;

const LONG_TERM = '长期';

export class IdCardDataError extends AppError {
  constructor(code: string, message: string, hint: string, detail: string) {
    super({ code, message, hint, detail });
    this.name = 'IdCardDataError';
  }
}

const REREAD = '请拿开身份证后重新放卡；如仍出错，请改用社保卡或医保电子凭证。';

function bad(field: string, detail: string): IdCardDataError {
  return new IdCardDataError('IDCARD_BAD_TEXT', `身份证信息有误（${field}）`, REREAD, detail);
}

const utf16 = new TextDecoder('utf-16le');

function field(block: Uint8Array, offset: number, length: number): string {
  // Trailing spaces pad the field; NULs appear on some readers' blank fields.
  return utf16.decode(block.subarray(offset, offset + length)).replace(/[\s\u0000]+$/u, '').replace(/^[\s\u0000]+/u, '');
}

function isoDate(yyyymmdd: string, what: string): string {
  if (!/^\d{8}$/.test(yyyymmdd)) throw bad(what, `${what} is not YYYYMMDD`);
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw bad(what, `${what} is not a real date`);
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Decodes and validates a text block. Throws IdCardDataError (an AppError) and nothing else. */
export function decodeIdCardText(block: Uint8Array): IdCardText {
  if (block.length !== TEXT_BLOCK_LENGTH) throw bad('长度', `text block of ${block.length} bytes, expected ${TEXT_BLOCK_LENGTH}`);
  const marker = field(block, CARD_TYPE_OFFSET, 2);
  if (marker === 'I' || marker === 'J') {
    throw new IdCardDataError(
      'IDCARD_UNSUPPORTED_CARD',
      marker === 'I' ? '暂不支持外国人永久居留身份证' : '暂不支持港澳台居民居住证',
      '请改用社保卡或医保电子凭证，或手工录入证件号码。',
      `card type marker ${marker}`,
    );
  }
  const raw = Object.fromEntries(TEXT_FIELDS.map(([name, offset, length]) => [name, field(block, offset, length)])) as unknown as IdCardText;

  if (!raw.name) throw bad('姓名', 'name is empty');
  if (!/^[0129]$/.test(raw.gender)) throw bad('性别', 'gender code is not 0/1/2/9');
  if (!isNationCode(raw.nation)) throw bad('民族', 'nation code is not a GB/T 3304 code');
  const birthDate = isoDate(raw.birthDate, '出生日期');
  const idNumber = raw.idNumber.toUpperCase();
  const problem = idNumberProblem(idNumber);
  if (problem) {
    throw new IdCardDataError('IDCARD_BAD_ID_NUMBER', '身份证号码校验错误', REREAD, `ID number fails validation: ${problem}`);
  }
  if (birthDateOf(idNumber) !== birthDate) throw bad('出生日期', 'birth date field differs from the ID number');
  if (!raw.address) throw bad('住址', 'address is empty');
  if (!raw.authority) throw bad('签发机关', 'authority is empty');
  const validFrom = isoDate(raw.validFrom, '有效期起始');
  const validTo = raw.validTo === LONG_TERM ? LONG_TERM : isoDate(raw.validTo, '有效期截止');
  return { name: raw.name, gender: raw.gender, nation: raw.nation, birthDate, address: raw.address, idNumber, authority: raw.authority, validFrom, validTo };
}

/** Builds a text block (virtual readers, tests). Dates as YYYY-MM-DD; throws RangeError if a field does not fit. */
export function encodeIdCardText(text: IdCardText, cardType: ' ' | 'I' | 'J' = ' '): Uint8Array {
  const block = new Uint8Array(TEXT_BLOCK_LENGTH);
  for (let i = 0; i < TEXT_BLOCK_LENGTH; i += 2) block[i] = 0x20;
  const put = (value: string, offset: number, length: number, name: string): void => {
    if (value.length * 2 > length) throw new RangeError(`${name} "${value}" does not fit in ${length / 2} characters`);
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      block[offset + 2 * i] = c & 0xff;
      block[offset + 2 * i + 1] = c >> 8;
    }
  };
  const compact = (date: string): string => (date === LONG_TERM ? date : date.replaceAll('-', ''));
  const values: IdCardText = { ...text, birthDate: compact(text.birthDate), validFrom: compact(text.validFrom), validTo: compact(text.validTo) };
  for (const [name, offset, length] of TEXT_FIELDS) put(values[name], offset, length, name);
  put(cardType, CARD_TYPE_OFFSET, 2, 'cardType');
  return block;
}
