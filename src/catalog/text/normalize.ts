// One normal form for names and queries, so what the cashier types matches what the hub wrote:
// full-width letters, digits and brackets fold to half-width (NFKC: "（Ⅱ）" → "(II)"), Latin
// letters to lower case, runs of white space to one space. Names are shown as published; only
// the search keys use this form.

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Any CJK ideograph (basic block and extension A, where every catalogue name lives). */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Codes are upper-case letters, digits and the punctuation of ICD codes (A01.000x005+J17.0*). */
const CODE_LIKE = /^[0-9a-z.+*\-/]+$/i;
export function looksLikeCode(text: string): boolean {
  return CODE_LIKE.test(text);
}

/** Pinyin queries are Latin letters (digits allowed: 2型糖尿病 → 2XTNB). */
const PINYIN_LIKE = /^[a-z0-9]*[a-z][a-z0-9]*$/i;
export function looksLikePinyin(text: string): boolean {
  return PINYIN_LIKE.test(text);
}

/** Characters of a string as code points (a CJK extension character is one character, not two). */
export function chars(text: string): string[] {
  return Array.from(text);
}
