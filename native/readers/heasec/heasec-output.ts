// Parsing what the national card-reading library (HeaSecReadInfo) writes into its output buffers.
//
// ReadCardBas: 11 fields, each terminated by "|" (devices.md §2):
//   发卡地区行政区划代码 | 社会保障号码 | 卡号 | 卡识别码 | 姓名 | 卡复位信息 | 规范版本 | 发卡日期 |
//   卡有效期 | 终端机编号 | 终端设备号 |
// ReadSFZ: 姓名|性别|民族|出生|地址|身份证号|签发日期|有效期|签发机关
import { AppError } from '@src/common/errors';
import { birthDateOf, genderOf, idNumberProblem } from '@src/common/id-number';
import type { IdCardText } from '@native/idcard/id-card';
import { nationName } from '@native/idcard/nations';
import { CARD_NUMBER_LENGTH } from '@native/sscard/ssse-layout';
import type { SscardData } from '@native/sscard/sscard-data';
import { incompleteCardData } from '@native/sscard/sscard-errors';

export interface CardBasOutput {
  regionCode: string;
  card: SscardData;
  /** 卡复位信息 (the historical bytes the library reports), hex. */
  atr: string;
  terminalNumber: string | null;
  terminalDevice: string | null;
}

function badOutput(what: string, detail: string): AppError {
  return new AppError({
    code: 'SSCARD_LIBRARY_OUTPUT',
    message: `读卡组件返回的${what}格式不正确`,
    hint: '请重新读卡；仍失败请信息科核对读卡组件（HeaSecReadInfo）版本。',
    detail,
    data: { returnCode: -23 },
  });
}

/** YYYYMMDD (or YYYY-MM-DD) → YYYY-MM-DD; '' when empty; error when not a date. */
function date(value: string, label: string): string {
  const digits = value.replaceAll('-', '');
  if (digits === '') return '';
  if (!/^\d{8}$/.test(digits)) throw badOutput(label, `${label} is not YYYYMMDD (${value.length} chars)`);
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw badOutput(label, `${label} is not a calendar date`);
  return iso;
}

function fields(text: string, min: number, what: string): string[] {
  const parts = text.replace(/\0.*$/s, '').trim().split('|');
  // Each field is terminated by "|", so a complete output has one empty string at the end.
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < min) throw badOutput(what, `${parts.length} fields, at least ${min} expected`);
  return parts.map((p) => p.trim());
}

/** Parses ReadCardBas output. Empty protected fields (a 3.00 card read without PSAM) are an error. */
export function parseCardBasOutput(text: string): CardBasOutput {
  const f = fields(text, 9, '社保卡信息');
  const [region, ssnRaw, cardNumber, cardIdCode, name, atr, specVersion, issue, expiry, terminalNumber, terminalDevice] = f as [string, string, string, string, string, string, string, string, string, string?, string?];
  const ssn = ssnRaw.toUpperCase();
  const missing = [
    [cardIdCode, '卡识别码'],
    [cardNumber, '卡号'],
    [ssn, '社会保障号码'],
    [name, '姓名'],
  ]
    .filter(([v]) => !v)
    .map(([, label]) => label as string);
  if (missing.length > 0) throw incompleteCardData(missing);
  if (!/^[0-9A-Fa-f]{32}$/.test(cardIdCode)) throw badOutput('卡识别码', `card ID code of ${cardIdCode.length} characters`);
  const validId = idNumberProblem(ssn) === null;
  return {
    regionCode: region || cardIdCode.slice(0, 6),
    atr: atr.toUpperCase(),
    terminalNumber: terminalNumber || null,
    terminalDevice: terminalDevice || null,
    card: {
      cardIdCode: cardIdCode.toUpperCase(),
      cardType: null,
      specVersion,
      issuer: null,
      issueDate: date(issue, '发卡日期'),
      expiryDate: date(expiry, '卡有效期'),
      cardNumber: cardNumber.slice(0, CARD_NUMBER_LENGTH),
      ssn,
      name,
      // The library gives neither; for resident ID numbers both follow from the number itself.
      gender: validId ? genderOf(ssn) : null,
      nation: null,
      birthPlace: null,
      birthDate: validId ? birthDateOf(ssn) : null,
    },
  };
}

/** '汉' or '汉族' → '01' (the library writes names, the 1101 interface wants codes). */
function nationCode(name: string): string | undefined {
  const wanted = name.endsWith('族') ? name : `${name}族`;
  for (let n = 1; n <= 56; n++) {
    const code = String(n).padStart(2, '0');
    if (nationName(code) === wanted) return code;
  }
  if (name === '其他') return '97';
  if (name.startsWith('外国血统')) return '98';
  return undefined;
}

const GENDER_CODES: Readonly<Record<string, string>> = { 男: '1', 女: '2', 未知: '0', 未说明: '9' };

/** Parses ReadSFZ output into the ID-card shape the device layer uses (no photo: the library keeps it). */
export function parseSfzOutput(text: string): IdCardText {
  const f = fields(text, 9, '身份证信息');
  const [name, gender, nation, birth, address, idNumber, issue, validTo, authority] = f as [string, string, string, string, string, string, string, string, string];
  if (!name || !idNumber) throw incompleteCardData([!name ? '姓名' : '', !idNumber ? '身份证号' : ''].filter(Boolean));
  return {
    name,
    gender: GENDER_CODES[gender] ?? (/^[0129]$/.test(gender) ? gender : '0'),
    nation: /^\d{2}$/.test(nation) ? nation : (nationCode(nation) ?? '97'),
    birthDate: date(birth, '出生日期'),
    address,
    idNumber: idNumber.toUpperCase(),
    authority,
    validFrom: date(issue, '签发日期'),
    validTo: validTo === '长期' ? '长期' : date(validTo, '有效期'),
  };
}
