// One row of a catalogue file, and the columns of each file shape (the documented header line).
//
// Amounts follow the interface's scales: prices are integers at scale 6 (pric_uplmt_amt 16,6),
// ratios at scale 4 (selfpay_prop 5,4). See docs/training-hub.md, "Catalogue files".
import { formatScaled, SCALE } from '@src/common/money';
import type { CatalogInfno, CatalogShape } from './catalog-kinds';

/** 甲类 01 / 乙类 02 / 丙类 03 (chrgitm_lv). */
export type ChargeClass = '01' | '02' | '03';

export interface CatalogRow {
  infno: CatalogInfno;
  /** National code (med_list_codg / diagnosis code…): the first column. */
  code: string;
  name: string;
  /** list_type: 101 西药… (fee items); '' for code tables. */
  listType: string;
  spec: string;
  dosform: string;
  /** 最小包装 */
  pack: string;
  /** 最小计价单位 */
  unit: string;
  maker: string;
  aprvno: string;
  chrgitmLv: ChargeClass | '';
  /** Self-pay ratio, scale 4 (500 = 0.05). */
  selfpayProp: number;
  /** Unit price cap (支付标准/最高限价), scale 6; null: no cap. */
  priceCap: number | null;
  lmtUsedFlag: '0' | '1';
  lmtUsedDscr: string;
  /** 医疗收费项目类别 */
  medChrgitmType: string;
  /** 拼音助记码 (initials). */
  pinyin: string;
  /** Code tables: category code and name (chapter, section…). */
  categoryCode: string;
  categoryName: string;
  begndate: string;
  enddate: string;
  valiFlag: '0' | '1';
  /** 唯一记录号 */
  rid: string;
  /** yyyy-MM-dd HH:mm:ss */
  updtTime: string;
  /** Release version (14 digits, sorts as text): the last column. */
  version: string;
}

export const FEE_ITEM_COLUMNS = [
  'med_list_codg', 'hilist_name', 'list_type', 'spec', 'dosform', 'min_pacunt', 'prcunt', 'prodentp_name', 'aprvno',
  'chrgitm_lv', 'selfpay_prop', 'pric_uplmt_amt', 'lmt_used_flag', 'lmt_used_dscr', 'med_chrgitm_type', 'pinyin',
  'begndate', 'enddate', 'vali_flag', 'rid', 'updt_time', 'ver',
] as const;

export const CODE_TABLE_COLUMNS = ['code', 'name', 'category_code', 'category_name', 'begndate', 'enddate', 'vali_flag', 'rid', 'updt_time', 'ver'] as const;

export function columnsOf(shape: CatalogShape): readonly string[] {
  return shape === 'feeItem' ? FEE_ITEM_COLUMNS : CODE_TABLE_COLUMNS;
}

export function headerLine(shape: CatalogShape): string {
  return columnsOf(shape).join('\t');
}

/** Tabs and line breaks cannot appear inside a field; real code tables might carry them. */
function clean(text: string): string {
  return /[\t\r\n]/.test(text) ? text.replace(/[\t\r\n]/g, ' ') : text;
}

/**
 * The row as one TAB-separated line (no line break). Fee items are generated from word lists
 * without tabs or line breaks, so only code-table text (possibly from a real file) is cleaned:
 * this runs 1.5 million times for the catalogue benchmark.
 */
export function formatRow(row: CatalogRow, shape: CatalogShape): string {
  if (shape === 'codeTable') {
    return `${clean(row.code)}\t${clean(row.name)}\t${row.categoryCode}\t${row.categoryName}\t${row.begndate}\t${row.enddate}\t${row.valiFlag}\t${row.rid}\t${row.updtTime}\t${row.version}`;
  }
  const cap = row.priceCap === null ? '' : formatScaled(row.priceCap, SCALE.price);
  return (
    `${row.code}\t${row.name}\t${row.listType}\t${row.spec}\t${row.dosform}\t${row.pack}\t${row.unit}\t${row.maker}\t${row.aprvno}\t` +
    `${row.chrgitmLv}\t${formatScaled(row.selfpayProp, SCALE.ratio)}\t${cap}\t${row.lmtUsedFlag}\t${row.lmtUsedDscr}\t${row.medChrgitmType}\t${row.pinyin}\t` +
    `${row.begndate}\t${row.enddate}\t${row.valiFlag}\t${row.rid}\t${row.updtTime}\t${row.version}`
  );
}
