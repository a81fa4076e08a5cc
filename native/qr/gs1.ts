// GS1 element strings, as drug packages carry them (GS1-128 / GS1 DataMatrix): (01) GTIN,
// (17) expiry, (10) batch, (21) serial, … A scanner may send them with an AIM prefix (]C1, ]d2,
// ]Q3), with FNC1 as the GS character (0x1D), in the human-readable "(01)…(17)…" form, or as
// bare digits; all four are accepted. Only the AIs a pharmacy needs are known; an unknown AI
// ends parsing (the code is then not treated as GS1).

const GS = '\u001d';

/** AI → fixed length, or max length for variable fields (ended by GS or the end). */
const AIS: Readonly<Record<string, { fixed?: number; max?: number }>> = {
  '00': { fixed: 18 },
  '01': { fixed: 14 },
  '02': { fixed: 14 },
  '10': { max: 20 },
  '11': { fixed: 6 },
  '13': { fixed: 6 },
  '15': { fixed: 6 },
  '17': { fixed: 6 },
  '21': { max: 20 },
  '30': { max: 8 },
  '240': { max: 30 },
  '241': { max: 30 },
};

export type Gs1Fields = Record<string, string>;

const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

function aiAt(text: string, at: number): string | undefined {
  for (const len of [2, 3]) {
    const ai = text.slice(at, at + len);
    if (AIS[ai]) return ai;
  }
  return undefined;
}

/** Parses an element string; undefined when it is not one. */
export function parseGs1(input: string): Gs1Fields | undefined {
  let text = input.trim();
  if (AIM_PREFIX.test(text)) text = text.slice(3);
  if (text.startsWith(GS)) text = text.slice(1);
  if (text.startsWith('(')) {
    const fields: Gs1Fields = {};
    const re = /\((\d{2,4})\)([^(]*)/gy;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = re.exec(text))) {
      const ai = m[1] as string;
      const value = m[2] as string;
      const spec = AIS[ai];
      if (!spec || (spec.fixed !== undefined && value.length !== spec.fixed) || (spec.max !== undefined && (value.length === 0 || value.length > spec.max))) return undefined;
      fields[ai] = value;
      consumed = re.lastIndex;
    }
    return consumed === text.length && Object.keys(fields).length > 0 ? fields : undefined;
  }
  const fields: Gs1Fields = {};
  let at = 0;
  while (at < text.length) {
    const ai = aiAt(text, at);
    if (!ai) return undefined;
    const spec = AIS[ai] as { fixed?: number; max?: number };
    at += ai.length;
    let value: string;
    if (spec.fixed !== undefined) {
      value = text.slice(at, at + spec.fixed);
      if (value.length !== spec.fixed || !/^\d+$/.test(value)) return undefined;
      at += spec.fixed;
      if (text[at] === GS) at++;
    } else {
      const end = text.indexOf(GS, at);
      value = text.slice(at, end < 0 ? text.length : end);
      if (value.length === 0 || value.length > (spec.max ?? 0)) return undefined;
      at = end < 0 ? text.length : end + 1;
    }
    fields[ai] = value;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** YYMMDD → YYYY-MM-DD (GS1: DD 00 means the month's last day; years within -49/+50 of now). */
export function gs1Date(yymmdd: string, now = new Date()): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12) return undefined;
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  let year = century + yy;
  const diff = year - now.getUTCFullYear();
  if (diff > 50) year -= 100;
  else if (diff < -49) year += 100;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd === 0) dd = lastDay;
  if (dd > lastDay) return undefined;
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
