// Time stamps as the interface writes them, always in China Standard Time (UTC+8, no daylight
// saving), whatever the machine's time zone: the hub compares inf_time and the msgid's stamp with
// its own clock, and a terminal set to UTC would otherwise send times eight hours off.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

interface Parts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
  ms: string;
}

function partsOf(date: Date): Parts {
  const t = new Date(date.getTime() + CST_OFFSET_MS);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return {
    y: String(t.getUTCFullYear()).padStart(4, '0'),
    mo: p2(t.getUTCMonth() + 1),
    d: p2(t.getUTCDate()),
    h: p2(t.getUTCHours()),
    mi: p2(t.getUTCMinutes()),
    s: p2(t.getUTCSeconds()),
    ms: String(t.getUTCMilliseconds()).padStart(3, '0'),
  };
}

/** inf_time, setl_time, fee_ocur_time…: `yyyy-MM-dd HH:mm:ss`. */
export function formatInfTime(date: Date): string {
  const p = partsOf(date);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
}

/** Dates (begndate, brdy, stmt_begndate…): `yyyy-MM-dd`. */
export function formatWireDate(date: Date): string {
  const p = partsOf(date);
  return `${p.y}-${p.mo}-${p.d}`;
}

/** The 14-digit stamp inside msgid and inf_refmsgid: `yyyyMMddHHmmss`. */
export function formatStamp(date: Date): string {
  const p = partsOf(date);
  return `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`;
}

/** refmsg_time / respond_time: `yyyyMMddHHmmssSSS`. */
export function formatRespondTime(date: Date): string {
  const p = partsOf(date);
  return `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}${p.ms}`;
}

/** The instant a 14-digit stamp names (China time). Throws on a malformed stamp. */
export function parseStamp(stamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) throw new RangeError(`not a yyyyMMddHHmmss stamp: ${stamp}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const utc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - CST_OFFSET_MS;
  const date = new Date(utc);
  if (formatStamp(date) !== stamp) throw new RangeError(`not a real time: ${stamp}`);
  return date;
}

/** The instant an inf_time (`yyyy-MM-dd HH:mm:ss`, China time) names. Throws when malformed. */
export function parseInfTime(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a yyyy-MM-dd HH:mm:ss time: ${text}`);
  return parseStamp(m.slice(1).join(''));
}

/** Adds seconds to a 14-digit stamp (used when the msgid sequence of one second is used up). */
export function addSecondsToStamp(stamp: string, seconds: number): string {
  return formatStamp(new Date(parseStamp(stamp).getTime() + seconds * 1000));
}
