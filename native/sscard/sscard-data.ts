// What a social security card read yields, whichever driver read it.

/**
 * The card holder and card facts. Fields a driver cannot know are null: the national library
 * (HeaSecReadInfo) returns 11 fields and no card type, issuer, nation or birth place.
 */
export interface SscardData {
  /** 卡识别码: 32 uppercase hex characters (region(6) + D156000005 + 16). */
  cardIdCode: string;
  /** 卡的类别 */
  cardType: string | null;
  /** 规范版本: "1.00" | "2.00" | "3.00" */
  specVersion: string;
  /** 初始化机构编号 (hex) */
  issuer: string | null;
  /** 发卡日期 YYYY-MM-DD */
  issueDate: string;
  /** 卡有效期 YYYY-MM-DD */
  expiryDate: string;
  /** 卡号: the first 9 characters. */
  cardNumber: string;
  /** 社会保障号码 (the resident ID number for nationals). */
  ssn: string;
  /** 姓名 + 姓名扩展 */
  name: string;
  /** GB/T 2261.1: 1 男, 2 女, 0 未知, 9 未说明. */
  gender: string | null;
  /** Nation code, 2 digits (01 汉). */
  nation: string | null;
  /** 出生地: region code. */
  birthPlace: string | null;
  /** 出生日期 YYYY-MM-DD */
  birthDate: string | null;
}

export type SscardDriverKind = 'pcsc' | 'serial' | 'hid' | 'virtual' | 'heasec';

/** One successful read: the data plus how it was obtained (never patient data here). */
export interface SscardRead {
  card: SscardData;
  /** 发卡地区行政区划代码: the first 6 characters of 卡识别码. */
  regionCode: string;
  /** ATR (or the historical bytes the national library reports), hex. */
  atr: string;
  /** 终端机编号 from the PSAM, when one took part. */
  terminalNumber: string | null;
  /** 终端设备号 (reader serial) when the driver knows it. */
  terminalDevice: string | null;
  /** Which checks ran: none (2.00 without PSAM), the card's internal authentication, and RKSSSE. */
  authentication: 'none' | 'internal' | 'internal+external' | 'library';
  driver: SscardDriverKind;
  /** The reader's name or path (not patient data). */
  reader: string;
}

/** The 13 fields `yikatong devices read --driver sscard` prints, in that order. */
export const SSCARD_PRINTED_FIELDS = [
  'cardIdCode',
  'cardType',
  'specVersion',
  'issuer',
  'issueDate',
  'expiryDate',
  'cardNumber',
  'ssn',
  'name',
  'gender',
  'nation',
  'birthPlace',
  'birthDate',
] as const satisfies readonly (keyof SscardData)[];
