// The social security card's file layout and command forms: the one place where this code
// commits to facts and to choices on points devices.md §2 marks uncertain (?). docs/sscard.md
// lists every choice and why; change it here and nowhere else.
import { fromHex } from './bytes';

/** AID of the SSSE application: "sx1.sh." + GBK "社会保障" (devices.md §2, seen verbatim). */
export const SSSE_AID = fromHex('73 78 31 2E 73 68 2E C9 E7 BB E1 B1 A3 D5 CF');

export const EF05 = 0xef05;
export const EF06 = 0xef06;

/**
 * Spec versions this reader knows. 1.00 cards are read like 2.00 ones (no PSAM step): the records
 * read here are the same and no source says otherwise (choice, docs/sscard.md).
 */
export const KNOWN_SPEC_VERSIONS = ['1.00', '2.00', '3.00'] as const;
export type SpecVersion = (typeof KNOWN_SPEC_VERSIONS)[number];

/** 3.00 cards need RKSSSE external authentication before EF06 (devices.md §2 "3rd-gen differences"). */
export function needsExternalAuthentication(version: SpecVersion): boolean {
  return version === '3.00';
}

export type FieldEncoding =
  /** Raw bytes shown as uppercase hex (卡识别码, 初始化机构编号). */
  | 'hex'
  /** Printable ASCII, padding trimmed. */
  | 'ascii'
  /** GBK text, padding trimmed. */
  | 'gbk'
  /** 4 bytes BCD YYYYMMDD. */
  | 'bcdDate'
  /** Packed BCD digits, F-padded (民族 → 2 digits, 出生地 → 6 digits). */
  | 'bcd'
  /** One code character: ASCII digit, or a binary 0–9 some issuers write (性别). */
  | 'code';

export type SscardField =
  | 'cardIdCode'
  | 'cardType'
  | 'specVersion'
  | 'issuer'
  | 'issueDate'
  | 'expiryDate'
  | 'cardNumber'
  | 'ssn'
  | 'name'
  | 'nameExtension'
  | 'gender'
  | 'nation'
  | 'birthPlace'
  | 'birthDate';

export interface RecordSpec {
  field: SscardField;
  file: typeof EF05 | typeof EF06;
  /** The record's tag, which is also its record identifier for READ RECORD P2=00. */
  tag: number;
  /** Record number for READ RECORD P2=04 (virtual cards answer both forms). */
  recordNumber: number;
  /** Value length on the card. */
  length: number;
  /** Le sent: tag + length bytes + value. Seen values where known (devices.md [C20]). */
  le: number;
  encoding: FieldEncoding;
  /** Absent on some cards (姓名扩展 on 2nd generation): 6A83 means "empty", not an error. */
  optional?: boolean;
  /** Chinese label for errors and the UI. */
  label: string;
}

/**
 * The records read, in reading order. Where devices.md marks a length or format uncertain, the
 * value here is the choice documented in docs/sscard.md (cardType 1 char, issuer 12 bytes,
 * gender ASCII code, nation packed BCD, EF06 record numbers 3 and 6 inferred).
 */
export const SSSE_RECORDS: readonly RecordSpec[] = [
  { field: 'cardIdCode', file: EF05, tag: 0x01, recordNumber: 1, length: 16, le: 0x12, encoding: 'hex', label: '卡识别码' },
  { field: 'cardType', file: EF05, tag: 0x02, recordNumber: 2, length: 1, le: 0x03, encoding: 'ascii', label: '卡的类别' },
  { field: 'specVersion', file: EF05, tag: 0x03, recordNumber: 3, length: 4, le: 0x06, encoding: 'ascii', label: '规范版本' },
  { field: 'issuer', file: EF05, tag: 0x04, recordNumber: 4, length: 12, le: 0x0e, encoding: 'hex', label: '初始化机构编号' },
  { field: 'issueDate', file: EF05, tag: 0x05, recordNumber: 5, length: 4, le: 0x06, encoding: 'bcdDate', label: '发卡日期' },
  { field: 'expiryDate', file: EF05, tag: 0x06, recordNumber: 6, length: 4, le: 0x06, encoding: 'bcdDate', label: '卡有效期' },
  { field: 'cardNumber', file: EF05, tag: 0x07, recordNumber: 7, length: 9, le: 0x0b, encoding: 'ascii', label: '卡号' },
  { field: 'ssn', file: EF06, tag: 0x08, recordNumber: 1, length: 18, le: 0x14, encoding: 'ascii', label: '社会保障号码' },
  { field: 'name', file: EF06, tag: 0x09, recordNumber: 2, length: 30, le: 0x20, encoding: 'gbk', label: '姓名' },
  { field: 'nameExtension', file: EF06, tag: 0x4e, recordNumber: 3, length: 20, le: 0x16, encoding: 'gbk', optional: true, label: '姓名扩展' },
  { field: 'gender', file: EF06, tag: 0x0a, recordNumber: 4, length: 1, le: 0x03, encoding: 'code', label: '性别' },
  { field: 'nation', file: EF06, tag: 0x0b, recordNumber: 5, length: 1, le: 0x03, encoding: 'bcd', label: '民族' },
  { field: 'birthPlace', file: EF06, tag: 0x0c, recordNumber: 6, length: 3, le: 0x05, encoding: 'bcd', label: '出生地' },
  { field: 'birthDate', file: EF06, tag: 0x0d, recordNumber: 7, length: 4, le: 0x06, encoding: 'bcdDate', label: '出生日期' },
];

export function recordSpec(field: SscardField): RecordSpec {
  const spec = SSSE_RECORDS.find((r) => r.field === field);
  if (!spec) throw new Error(`no record spec for ${field}`);
  return spec;
}

// ---- Commands (all CLA 00 unless stated) -------------------------------------------------------

export const INS = {
  select: 0xa4,
  readRecord: 0xb2,
  readBinary: 0xb0,
  getResponse: 0xc0,
  getChallenge: 0x84,
  internalAuthenticate: 0x88,
  externalAuthenticate: 0x82,
  /** PSAM: initialise a cryptographic computation with a diversified key (PBOC PSAM "80 1A"). */
  psamInitCompute: 0x1a,
  /** PSAM: compute (PBOC PSAM "80 FA"). */
  psamCompute: 0xfa,
} as const;

/** SELECT EF under the current DF: `00 A4 02 00 02 EF 05` (devices.md [C18][C19]). */
export const SELECT_EF_P1 = 0x02;

/**
 * READ RECORD by record identifier in the current EF: `00 B2 <tag> 00 <Le>` — the form the
 * national control uses ([C20]). Chosen over record numbers because EF06 numbers 3 and 6 are
 * inferred, while the tags are certain.
 */
export const READ_RECORD_BY_IDENTIFIER_P2 = 0x00;
export const READ_RECORD_BY_NUMBER_P2 = 0x04;

/** Challenges: GET CHALLENGE `00 84 00 00 08` (seen verbatim, [C19][C20]). */
export const CHALLENGE_LENGTH = 8;

/**
 * INTERNAL AUTHENTICATE: `00 88 00 00 10 <8-byte process factor || 8-byte raw data>`. The data
 * layout (two 8-byte values, 16 bytes) is seen in [C20]; P1/P2 were not found (devices.md), 00 00
 * is this code's choice. The card answers one 16-byte SM4 block.
 */
export const INTERNAL_AUTH_P1 = 0x00;
export const INTERNAL_AUTH_P2 = 0x00;

/** EXTERNAL AUTHENTICATE with RKSSSE: `00 82 00 0A 10 <16 bytes>` (seen verbatim, [C20]). */
export const EXTERNAL_AUTH_P1 = 0x00;
export const EXTERNAL_AUTH_P2_RKSSSE = 0x0a;

/**
 * FCI: the algorithm identifier sits in `9F0C 03 86 01 xx`, default 01 when absent ([C20]).
 * The terminal does not interpret it: it hands it to the PSAM, which knows which of its keys
 * (SSF33, SM4, …) the identifier selects.
 */
export const FCI_PROPRIETARY_TAG = 0x9f0c;
export const FCI_ALGORITHM_TAG = 0x86;
export const FCI_DF_NAME_TAG = 0x84;
export const DEFAULT_ALGORITHM_ID = 0x01;

// ---- PSAM --------------------------------------------------------------------------------------

/**
 * The PSAM's social-security application is selected by the same SSSE AID (choice: no source
 * names the PSAM's DF; docs/sscard.md).
 */
export const PSAM_APPLICATION_AID = SSSE_AID;

/** PSAM key usages for `80 1A <usage> <algorithm> 10 <卡识别码>` (choice, docs/sscard.md). */
export const PSAM_KEY_USAGE = {
  /** Verifies the card's INTERNAL AUTHENTICATE answer. */
  internalAuth: 0x01,
  /** RKSSSE: computes the EXTERNAL AUTHENTICATE cryptogram for 3.00 cards. */
  rkssse: 0x02,
} as const;

/** PSAM terminal number (终端机编号): READ BINARY SFI 16h, 6 bytes BCD, as PBOC PSAMs keep it. */
export const PSAM_TERMINAL_NUMBER_SFI = 0x16;
export const PSAM_TERMINAL_NUMBER_LENGTH = 6;

/** Only the first 9 characters of 卡号 count (devices.md §2, step 4). */
export const CARD_NUMBER_LENGTH = 9;
