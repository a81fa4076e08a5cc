// One line of a catalogue file → a validated record, or the reason it is refused.
//
// Nothing is guessed: a row with the wrong number of columns, no code, no name, no version, a
// class other than 甲乙丙, a ratio outside 0–1 or a price that is not a decimal is reported with
// its line number and skipped (the sync counts and shows them). Amounts become scaled integers
// here, through parseScaled (never a float): price caps at scale 6, self-pay ratios at scale 4.
//
// This runs once per row of loads of up to millions of rows, so column positions are resolved
// once, and the few distinct ratio, price and date texts of a catalogue are parsed once each.
import { DecimalFormatError, parseScaled, RATIO_ONE, SCALE } from '@src/common/money';
import type { CatalogKind } from '../catalog-kinds';
import { DETAIL_FIELDS, encodeDetailValues } from '../item-detail';
import type { ColumnLayout, RecordField } from './column-layout';

export interface CatalogRecord {
  code: string;
  name: string;
  listType: string;
  chargeClass: '' | '01' | '02' | '03';
  selfpayProp: number | null;
  priceCap: number | null;
  begndate: string;
  enddate: string;
  valiFlag: 0 | 1;
  version: string;
  /** The shown-only fields as item.detail's JSON array (item-detail.ts). */
  detail: string;
}

export type RowResult = { ok: true; record: CatalogRecord } | { ok: false; code: string; reason: string };

const MAX_CODE = 60;
const MAX_NAME = 200;
const MAX_VERSION = 30;
const CACHE_LIMIT = 100_000;

function reject(code: string, reason: string): RowResult {
  return { ok: false, code: code.slice(0, MAX_CODE), reason };
}

/** yyyy-MM-dd from '', 'yyyy-MM-dd', 'yyyy-MM-dd HH:mm:ss' or 'yyyyMMdd'; undefined when none of these. */
export function normalizeDate(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  return `${y}-${mo}-${d}`;
}

/** Memoises a text → value function (null/undefined results included), up to a bound. */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = fn(text);
      if (cache.size < CACHE_LIMIT) cache.set(text, v);
    }
    return v as T;
  };
}

function parseDecimal(text: string, scale: number): number | null | undefined {
  if (text === '') return null;
  try {
    return parseScaled(text, scale);
  } catch (e) {
    if (e instanceof DecimalFormatError) return undefined;
    throw e;
  }
}

const WHITESPACE = /\s/;
/** Characters JSON must escape (a TAB never reaches a field: it separates them). */
const NEEDS_ESCAPE = /["\\\u0000-\u0008\u000a-\u001f\u2028\u2029]/;
const LMT_FLAG_AT = DETAIL_FIELDS.indexOf('lmtUsedFlag');
const LIST_TYPE = /^\d{3}$/;

export class RowParser {
  private readonly columns: number;
  private readonly at: Record<RecordField, number>;
  private readonly detailAt: number[];
  // A catalogue has a handful of distinct ratios and dates; prices are mostly distinct.
  private readonly ratio = memo((t) => parseDecimal(t, SCALE.ratio));
  private readonly date = memo(normalizeDate);
  private readonly defaultListType: string;

  constructor(layout: ColumnLayout, kind: CatalogKind) {
    this.columns = layout.columns;
    this.at = layout.index;
    this.detailAt = DETAIL_FIELDS.map((f) => layout.index[f]);
    this.defaultListType = kind.listTypes[0] ?? '';
  }

  private get(cols: string[], i: number): string {
    return i < 0 ? '' : (cols[i] as string).trim();
  }

  parse(line: string): RowResult {
    const cols = line.split('\t');
    const at = this.at;
    const code = this.get(cols, at.code);
    if (cols.length !== this.columns) return reject(code, `列数为 ${cols.length}，表头为 ${this.columns} 列`);
    if (code === '') return reject('', '编码为空');
    if (code.length > MAX_CODE || WHITESPACE.test(code)) return reject(code, '编码过长或含空白字符');
    const name = this.get(cols, at.name);
    if (name === '') return reject(code, '名称为空');
    if (name.length > MAX_NAME) return reject(code, '名称超过200个字');
    const version = this.get(cols, at.version);
    if (version === '' || version.length > MAX_VERSION) return reject(code, '版本号为空或过长');

    let chargeClass = this.get(cols, at.chargeClass);
    if (chargeClass.length === 1 && chargeClass >= '1' && chargeClass <= '3') chargeClass = '0' + chargeClass;
    if (chargeClass !== '' && chargeClass !== '01' && chargeClass !== '02' && chargeClass !== '03') return reject(code, `收费项目等级“${chargeClass.slice(0, 8)}”不是甲乙丙类`);
    const selfpayProp = this.ratio(this.get(cols, at.selfpayProp));
    if (selfpayProp === undefined || (selfpayProp !== null && (selfpayProp < 0 || selfpayProp > RATIO_ONE))) return reject(code, '自付比例不是0到1之间的小数');
    const priceCap = parseDecimal(this.get(cols, at.priceCap), SCALE.price);
    if (priceCap === undefined || (priceCap !== null && priceCap < 0)) return reject(code, '限价不是非负小数（最多6位小数）');
    const valiText = this.get(cols, at.valiFlag);
    if (valiText !== '' && valiText !== '0' && valiText !== '1') return reject(code, '有效标志应为0或1');
    const begndate = this.date(this.get(cols, at.begndate));
    const enddate = this.date(this.get(cols, at.enddate));
    if (begndate === undefined || enddate === undefined) return reject(code, '开始或结束日期格式不正确');
    let listType = this.get(cols, at.listType);
    if (listType !== '' && !LIST_TYPE.test(listType)) return reject(code, `目录类别“${listType.slice(0, 8)}”不是3位数字`);
    if (listType === '') listType = this.defaultListType;

    return {
      ok: true,
      record: { code, name, listType, chargeClass: chargeClass as CatalogRecord['chargeClass'], selfpayProp, priceCap, begndate, enddate, valiFlag: valiText === '0' ? 0 : 1, version, detail: this.detail(cols, line) },
    };
  }

  /** item.detail's JSON array, concatenated directly when the line has nothing to escape (the usual case). */
  private detail(cols: string[], line: string): string {
    if (NEEDS_ESCAPE.test(line)) {
      const values = this.detailAt.map((i) => this.get(cols, i));
      values[LMT_FLAG_AT] = values[LMT_FLAG_AT] === '1' ? '1' : '0';
      return encodeDetailValues(values);
    }
    let out = '["';
    const at = this.detailAt;
    for (let k = 0; k < at.length; k++) {
      if (k > 0) out += '","';
      // lmtUsedFlag is a flag: anything but '1' means not restricted.
      out += k === LMT_FLAG_AT ? (this.get(cols, at[k]!) === '1' ? '1' : '0') : this.get(cols, at[k]!);
    }
    return out + '"]';
  }
}
