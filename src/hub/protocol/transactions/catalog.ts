// Catalogues, dictionaries and files (interface.md §2):
// - 1301–1311, 1313–1315, 1320, 1321: a catalogue file is prepared; then 9102 downloads it (a zip
//   of TAB-separated text). Input `data{ver}` = the local maximum version.
// - 1312, 1316–1319: paged queries.
// - 1901: dictionary. 9101: upload a file (3202's detail file). 9102: download.
import { z } from 'zod';
import { list, wire } from '../codecs';

export const CATALOG_FILE_INFNOS = ['1301', '1302', '1303', '1304', '1305', '1306', '1307', '1308', '1309', '1310', '1311', '1313', '1314', '1315', '1320', '1321'] as const;
export type CatalogFileInfno = (typeof CATALOG_FILE_INFNOS)[number];
export const CATALOG_PAGE_INFNOS = ['1312', '1316', '1317', '1318', '1319'] as const;
export type CatalogPageInfno = (typeof CATALOG_PAGE_INFNOS)[number];

/** What the catalogue infnos hold (names as the spec uses them). */
export const CATALOG_NAMES: Record<CatalogFileInfno | CatalogPageInfno, string> = {
  '1301': '西药中成药目录',
  '1302': '中药饮片目录',
  '1303': '医疗机构制剂目录',
  '1304': '民族药品目录',
  '1305': '医疗服务项目目录',
  '1306': '医用耗材目录',
  '1307': '疾病与诊断目录',
  '1308': '手术操作目录',
  '1309': '门诊慢特病种目录',
  '1310': '按病种付费病种目录',
  '1311': '日间手术治疗病种目录',
  '1312': '医保目录信息查询',
  '1313': '肿瘤形态学目录',
  '1314': '中医疾病目录',
  '1315': '中医证候目录',
  '1316': '医疗目录与医保目录匹配信息查询',
  '1317': '医药机构目录匹配信息查询',
  '1318': '医保目录限价信息查询',
  '1319': '医保目录先自付比例信息查询',
  '1320': '中药配方颗粒目录',
  '1321': '医疗服务项目（新）目录',
};

export const CatalogFileInputSchema = z.object({
  data: z.object({
    /** 本地最大版本号; the hub answers rows newer than it. */
    ver: wire.text,
  }),
});
export const CatalogFileOutputSchema = z.object({
  /** 文件查询号, passed to 9102. */
  file_qury_no: wire.text,
  filename: wire.text,
  /** 下载截止时间 (both spellings are seen) */
  dld_end_time: wire.textOpt,
  dld_endtime: wire.textOpt,
  /** rows in the file */
  data_cnt: wire.intOpt,
});

export const CatalogPageInputSchema = z.object({
  data: z.object({
    query_date: wire.textOpt,
    hilist_code: wire.textOpt,
    insu_admdvs: wire.textOpt,
    begndate: wire.textOpt,
    vali_flag: wire.textOpt,
    /** 更新时间: rows updated after it. */
    updt_time: wire.text,
    page_num: wire.int,
    page_size: wire.int,
  }),
});
/** One row of a paged catalogue: columns vary per infno, values kept as text (numbers as decimal text). */
export const CatalogRowSchema = z.record(z.string(), wire.textOpt);
export const CatalogPageOutputSchema = z.object({
  firstPage: z.unknown().optional(),
  lastPage: z.unknown().optional(),
  size: wire.intOpt,
  startRow: wire.intOpt,
  endRow: wire.intOpt,
  pageSize: wire.intOpt,
  pageNum: wire.intOpt,
  recordCounts: wire.intOpt,
  pages: wire.intOpt,
  data: list(CatalogRowSchema),
});

/** 9102: the 1301–1319 files pass filename "plc". Output is the file itself (application/octet-stream). */
export const FileDownloadInputSchema = z.object({
  fsDownloadIn: z.object({
    file_qury_no: wire.text,
    filename: wire.text,
    fixmedins_code: wire.text,
  }),
});
export const CATALOG_DOWNLOAD_FILENAME = 'plc';

export const FileUploadInputSchema = z.object({
  fsUploadIn: z.object({
    /** file bytes (base64 on the wire) */
    in: wire.bytes,
    filename: wire.text,
    fixmedins_code: wire.text,
  }),
});
export const FileUploadOutputSchema = z.object({
  file_qury_no: wire.text,
  filename: wire.textOpt,
  dld_endtime: wire.textOpt,
});

export const DictionaryInputSchema = z.object({
  data: z.object({
    /** 字典类型, e.g. psn_type, med_type, insutype */
    type: wire.text,
    parentValue: wire.textOpt,
    admdvs: wire.textOpt,
    date: wire.textOpt,
    valiFlag: wire.textOpt,
  }),
});
export const DictionaryEntrySchema = z.object({
  type: wire.textOpt,
  label: wire.text,
  value: wire.text,
  parentValue: wire.textOpt,
  sort: wire.intOpt,
  valiFlag: wire.textOpt,
  createUser: wire.textOpt,
  createDate: wire.textOpt,
  version: wire.textOpt,
});
export const DictionaryOutputSchema = z.object({ list: list(DictionaryEntrySchema) });
