// Which column holds which field, read from the file's header line.
//
// The training hub documents its header (docs/training-hub.md); real platform files are known
// to be TAB-separated with the national code first and a version column, but their exact column
// list is not published in a form we could check [uncertain, interface.md §2]. So columns are
// found by name, with the aliases seen in public implementations, and a file without a
// recognisable header is refused rather than guessed at (docs/catalog.md, "File format").
import { AppError } from '@src/common/errors';

export const RECORD_FIELDS = [
  'code', 'name', 'listType', 'spec', 'dosform', 'pack', 'unit', 'maker', 'aprvno', 'chargeClass', 'selfpayProp', 'priceCap',
  'lmtUsedFlag', 'lmtUsedDscr', 'medChrgitmType', 'categoryCode', 'categoryName', 'begndate', 'enddate', 'valiFlag', 'rid', 'updtTime', 'version',
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

const ALIASES: Record<RecordField, readonly string[]> = {
  code: ['med_list_codg', 'hilist_code', 'list_codg', 'code', '医保目录编码', '编码'],
  name: ['hilist_name', 'med_list_name', 'name', 'reg_nam', '医保目录名称', '名称'],
  listType: ['list_type'],
  spec: ['spec', 'drug_spec', '规格'],
  dosform: ['dosform', 'drug_dosform', '剂型'],
  pack: ['min_pacunt', 'pacunt', '包装'],
  unit: ['prcunt', 'min_prcunt', 'prcunt_name', '单位'],
  maker: ['prodentp_name', 'prodentp', '生产企业'],
  aprvno: ['aprvno', '批准文号'],
  chargeClass: ['chrgitm_lv'],
  selfpayProp: ['selfpay_prop'],
  priceCap: ['pric_uplmt_amt', 'hilist_pric_uplmt_amt'],
  lmtUsedFlag: ['lmt_used_flag'],
  lmtUsedDscr: ['lmt_used_dscr', 'lmt_usedscp'],
  medChrgitmType: ['med_chrgitm_type'],
  categoryCode: ['category_code'],
  categoryName: ['category_name'],
  begndate: ['begndate'],
  enddate: ['enddate'],
  valiFlag: ['vali_flag'],
  rid: ['rid'],
  updtTime: ['updt_time'],
  version: ['ver', 'version'],
};

export interface ColumnLayout {
  /** Columns in the header (every row must have exactly this many). */
  columns: number;
  /** Column index of each field, -1 when the file does not have it. */
  index: Record<RecordField, number>;
}

/** Reads the header line; throws CATALOG_FILE_FORMAT when it is not a header we can map. */
export function readHeader(line: string, file: string): ColumnLayout {
  const names = line.split('\t').map((n) => n.trim().toLowerCase());
  const index = {} as Record<RecordField, number>;
  for (const f of RECORD_FIELDS) index[f] = names.findIndex((n) => ALIASES[f].includes(n));
  const missing = (['code', 'name', 'version'] as const).filter((f) => index[f] < 0);
  if (missing.length > 0) {
    throw new AppError({
      code: 'CATALOG_FILE_FORMAT',
      message: '目录文件格式无法识别：第一行不是可识别的表头',
      hint: '文件应为制表符分隔、首行为列名（含编码、名称、版本号列）。请把文件交给信息科核对医保中心的文件格式。',
      detail: `${file}: header lacks ${missing.join(', ')}; first columns: ${names.slice(0, 6).join('|')}`,
    });
  }
  return { columns: names.length, index };
}
