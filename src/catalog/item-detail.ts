// The published fields an item carries only to be shown (spec, maker, restriction text…), kept
// as one JSON array in item.detail (SQL can still read them: json_extract(detail, '$[0]')).
// Positions are fixed here; never reorder, only append.
export const DETAIL_FIELDS = ['spec', 'dosform', 'pack', 'unit', 'maker', 'aprvno', 'lmtUsedFlag', 'lmtUsedDscr', 'medChrgitmType', 'categoryCode', 'categoryName'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type ItemDetail = Record<DetailField, string>;

const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029]/;

/**
 * The JSON array text of the detail values, in DETAIL_FIELDS order. Written by hand because it
 * runs once per row of a 1.5-million-row load and JSON.stringify of a fresh array costs several
 * times more; a value that needs escaping goes through JSON.stringify.
 */
export function encodeDetailValues(values: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i > 0) out += ',';
    out += NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : '"' + v + '"';
  }
  return out + ']';
}

export function encodeDetail(detail: ItemDetail): string {
  return encodeDetailValues(DETAIL_FIELDS.map((f) => detail[f]));
}

export function decodeDetail(json: string): ItemDetail {
  let values: unknown;
  try {
    values = JSON.parse(json);
  } catch {
    values = [];
  }
  const list = Array.isArray(values) ? values : [];
  const out = {} as ItemDetail;
  DETAIL_FIELDS.forEach((f, i) => (out[f] = typeof list[i] === 'string' ? (list[i] as string) : ''));
  return out;
}
