// Message identifiers of the envelope (interface.md §1).
//
// msgid (sender's message id), 30 characters: fixmedins_code (12) + yyyyMMddHHmmss (14, China
// time) + a 4-digit sequence. The terminal allocates them in src/hub/msgid/ (unique across
// restarts and processes); this file only knows the format, so the training hub can check it.
//
// inf_refmsgid (receiver's message id), 30 characters: the hub's area code (6) + yyyyMMddHHmmss
// (14) + a 10-digit sequence, e.g. 310000202309201823500002516630.

export const MSGID_LENGTH = 30;
export const MSGID_PATTERN = /^([0-9A-Z]{12})(\d{14})(\d{4})$/;
export const INF_REFMSGID_PATTERN = /^(\d{6})(\d{14})(\d{10})$/;

export interface MsgidParts {
  fixmedinsCode: string;
  /** yyyyMMddHHmmss, China time. */
  stamp: string;
  /** 0–9999 */
  sequence: number;
}

export function buildMsgid(fixmedinsCode: string, stamp: string, sequence: number): string {
  if (!/^[0-9A-Z]{12}$/.test(fixmedinsCode)) throw new RangeError(`fixmedins_code must be 12 characters for a 30-character msgid: ${fixmedinsCode}`);
  if (!/^\d{14}$/.test(stamp)) throw new RangeError(`stamp must be yyyyMMddHHmmss: ${stamp}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9999) throw new RangeError(`msgid sequence out of range: ${sequence}`);
  return fixmedinsCode + stamp + String(sequence).padStart(4, '0');
}

export function parseMsgid(msgid: string): MsgidParts | null {
  const m = MSGID_PATTERN.exec(msgid);
  if (!m) return null;
  return { fixmedinsCode: m[1]!, stamp: m[2]!, sequence: Number(m[3]) };
}

export function isMsgid(value: unknown): value is string {
  return typeof value === 'string' && MSGID_PATTERN.test(value);
}

/** For the hub side: area (6 digits) + stamp (14) + sequence (0 ≤ n < 10¹⁰). */
export function buildInfRefmsgid(area: string, stamp: string, sequence: number): string {
  if (!/^\d{6}$/.test(area)) throw new RangeError(`area must be 6 digits: ${area}`);
  if (!/^\d{14}$/.test(stamp)) throw new RangeError(`stamp must be yyyyMMddHHmmss: ${stamp}`);
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= 1e10) throw new RangeError(`inf_refmsgid sequence out of range: ${sequence}`);
  return area + stamp + String(sequence).padStart(10, '0');
}
