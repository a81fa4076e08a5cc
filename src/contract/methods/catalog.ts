// The catalogue cache (src/catalog): search as you type, look-ups for fee lines and barcodes,
// status, sync from the hub, integrity. Documented in docs/catalog.md.
//
// Used by the settlement screens (catalog.search / catalog.lookup / catalog.byBarcode /
// catalog.localLookup) and by the IT admin's catalogue screen (status, sync, integrity).
import { z } from 'zod';
import { Empty, method, Ok, SerializedErrorSchema } from '../define';

/** The catalogue files the hub publishes (1301–1321 without the paged queries 1312/1316–1319). */
export const CATALOG_INFNO_LIST = ['1301', '1302', '1303', '1304', '1305', '1306', '1307', '1308', '1309', '1310', '1311', '1313', '1314', '1315', '1320', '1321'] as const;
export const CatalogInfnoSchema = z.enum(CATALOG_INFNO_LIST, { message: '目录编号应为 1301–1321 之一（不含 1312、1316–1319）' });
export type CatalogInfno = z.infer<typeof CatalogInfnoSchema>;

export const CATALOG_TITLES: Record<CatalogInfno, string> = {
  '1301': '西药中成药',
  '1302': '中药饮片',
  '1303': '医疗机构制剂',
  '1304': '民族药品',
  '1305': '医疗服务项目',
  '1306': '医用耗材',
  '1307': '疾病与诊断',
  '1308': '手术操作',
  '1309': '门诊慢特病种',
  '1310': '按病种付费病种',
  '1311': '日间手术治疗病种',
  '1313': '肿瘤形态学',
  '1314': '中医疾病',
  '1315': '中医证候',
  '1320': '中药配方颗粒',
  '1321': '医疗服务项目（新）',
};

/** Groups a search can be restricted to (the search component's `group` prop). */
export const CATALOG_GROUPS = {
  fee: ['1301', '1302', '1303', '1304', '1305', '1306', '1320', '1321'],
  drug: ['1301', '1302', '1303', '1304', '1320'],
  service: ['1305', '1321'],
  material: ['1306'],
  diagnosis: ['1307'],
  procedure: ['1308'],
  chronic: ['1309'],
  tcm: ['1314', '1315'],
  all: CATALOG_INFNO_LIST,
} as const satisfies Record<string, readonly CatalogInfno[]>;
export const CatalogGroupSchema = z.enum(['fee', 'drug', 'service', 'material', 'diagnosis', 'procedure', 'chronic', 'tcm', 'all']);
export type CatalogGroup = z.infer<typeof CatalogGroupSchema>;

/** list_type (interface.md §4). */
export const LIST_TYPE_LABELS: Record<string, string> = {
  '101': '西药',
  '102': '中成药',
  '103': '中药饮片',
  '104': '自制剂',
  '105': '民族药',
  '201': '服务项目',
  '301': '医用材料',
};
export const ListTypeSchema = z.string().regex(/^\d{3}$/, '目录类别应为3位数字，例如 101（西药）');

/** chrgitm_lv: 01 甲类, 02 乙类, 03 丙类. */
export const ChargeClassSchema = z.enum(['01', '02', '03']);
export type ChargeClass = z.infer<typeof ChargeClassSchema>;
export const CHARGE_CLASS_LABELS: Record<ChargeClass, string> = { '01': '甲', '02': '乙', '03': '丙' };

/** How an item was found: the ranking order of a search, best first. */
export const MatchKindSchema = z.enum(['code', 'codePrefix', 'name', 'namePrefix', 'pinyinInitials', 'pinyinFull', 'nameSubstring', 'lookup', 'barcode', 'local']);
export type MatchKind = z.infer<typeof MatchKindSchema>;

export const CatalogItemSchema = z.object({
  infno: CatalogInfnoSchema,
  /** National code (med_list_codg, diagnosis code…). */
  code: z.string(),
  name: z.string(),
  /** list_type ('' for code tables). */
  listType: z.string(),
  spec: z.string(),
  dosform: z.string(),
  /** 最小包装 */
  pack: z.string(),
  /** 最小计价单位 */
  unit: z.string(),
  maker: z.string(),
  aprvno: z.string(),
  /** 甲乙丙 (chrgitm_lv); '' when not published (code tables). */
  chargeClass: z.union([ChargeClassSchema, z.literal('')]),
  /** Self-pay ratio, integer at scale 4 (500 = 5 %); null when not published. */
  selfpayProp: z.number().int().nullable(),
  /** Unit price cap, integer at scale 6 (pric_uplmt_amt); null: no cap. */
  priceCap: z.number().int().nullable(),
  /** 限制使用 (lmt_used_flag) and its text. */
  restricted: z.boolean(),
  restriction: z.string(),
  medChrgitmType: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  begndate: z.string(),
  enddate: z.string(),
  /** Published as valid (vali_flag 1) and today inside begndate…enddate (China time). */
  valid: z.boolean(),
  version: z.string(),
  match: MatchKindSchema,
  /** The institution's own code (medins_list_codg) mapped to this national code, when one is. */
  localCode: z.string().optional(),
  localName: z.string().optional(),
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

export const CatalogSearchInputSchema = z
  .object({
    text: z.string().max(100, '查询内容不超过100个字'),
    /** A preset group; combined with `catalogs` when both are given (intersection). */
    group: CatalogGroupSchema.optional(),
    catalogs: z.array(CatalogInfnoSchema).max(16).optional(),
    listTypes: z.array(ListTypeSchema).max(10).optional(),
    classes: z.array(ChargeClassSchema).max(3).optional(),
    /** Only items valid today (default). */
    validToday: z.boolean().default(true),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type CatalogSearchInput = z.input<typeof CatalogSearchInputSchema>;

export const CatalogSearchResultSchema = z.object({
  items: z.array(CatalogItemSchema),
  /** More items matched than were returned: type more to narrow. */
  truncated: z.boolean(),
  tookMs: z.number(),
});
export type CatalogSearchResult = z.infer<typeof CatalogSearchResultSchema>;

export const LocalItemSchema = z.object({
  /** 医疗机构目录编码 */
  medinsListCodg: z.string(),
  name: z.string(),
  /** 医保目录编码 (national) it is mapped to. */
  medListCodg: z.string(),
  spec: z.string(),
  unit: z.string(),
  /** The institution's price, integer at scale 6; null when the list does not say. */
  price: z.number().int().nullable(),
});
export type LocalItem = z.infer<typeof LocalItemSchema>;

export const SyncPhaseSchema = z.enum(['planning', 'downloading', 'staging', 'indexing', 'applying', 'done', 'failed', 'cancelled']);
export type SyncPhase = z.infer<typeof SyncPhaseSchema>;

export const SyncProgressSchema = z.object({
  runId: z.number().int(),
  phase: SyncPhaseSchema,
  infno: CatalogInfnoSchema.optional(),
  /** Rows read so far (all files of the run). */
  rows: z.number().int(),
  /** Rows the hub announced for the whole run (data_cnt), when known. */
  totalRows: z.number().int().optional(),
  percent: z.number().min(0).max(100),
  rowsPerSec: z.number().optional(),
  etaSeconds: z.number().optional(),
  invalidRows: z.number().int(),
  /** Chinese, one line: what is happening. */
  message: z.string(),
  error: SerializedErrorSchema.optional(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

export const InvalidRowSampleSchema = z.object({ line: z.number().int(), code: z.string(), reason: z.string() });

export const CatalogFileSummarySchema = z.object({
  infno: CatalogInfnoSchema,
  full: z.boolean(),
  fromVersion: z.string(),
  toVersion: z.string(),
  rows: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  invalidSamples: z.array(InvalidRowSampleSchema),
});
export type CatalogFileSummary = z.infer<typeof CatalogFileSummarySchema>;

export const SyncRunSchema = z.object({
  runId: z.number().int(),
  state: z.enum(['running', 'applied', 'failed', 'cancelled', 'abandoned']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  catalogs: z.array(CatalogInfnoSchema),
  files: z.array(CatalogFileSummarySchema),
  error: SerializedErrorSchema.optional(),
  tookMs: z.number().optional(),
});
export type SyncRun = z.infer<typeof SyncRunSchema>;

export const IntegrityResultSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  tookMs: z.number(),
  /** SQLite's findings (first few) or what the consistency checks found. */
  problems: z.array(z.string()),
});
export type IntegrityResult = z.infer<typeof IntegrityResultSchema>;

export const CatalogStatusSchema = z.object({
  catalogs: z.array(
    z.object({
      infno: CatalogInfnoSchema,
      title: z.string(),
      version: z.string(),
      rows: z.number().int(),
      syncedAt: z.string().optional(),
    }),
  ),
  totalRows: z.number().int(),
  /** The newest version of any catalogue ('' before the first sync). */
  version: z.string(),
  syncing: z.boolean(),
  progress: SyncProgressSchema.optional(),
  lastRun: SyncRunSchema.optional(),
  /** An interrupted sync that the next sync will resume. */
  resumable: z.boolean(),
  localItems: z.number().int(),
  barcodes: z.number().int(),
  dbBytes: z.number().int(),
  integrity: IntegrityResultSchema.optional(),
});
export type CatalogStatus = z.infer<typeof CatalogStatusSchema>;

export const catalogMethods = {
  'catalog.search': method({
    summary: 'Search as you type: code, name substring, pinyin; ranked exact code → prefix → name',
    input: CatalogSearchInputSchema,
    output: CatalogSearchResultSchema,
    access: 'signedIn',
  }),
  'catalog.lookup': method({
    summary: 'One item by its national code (exact); null when the cache does not have it',
    input: z.object({ code: z.string().trim().min(1, '请填写编码').max(60), infno: CatalogInfnoSchema.optional() }).strict(),
    output: CatalogItemSchema.nullable(),
    access: 'signedIn',
  }),
  'catalog.byBarcode': method({
    summary: 'The drug item of a package barcode (pharmacy scanner); null when unknown',
    input: z.object({ barcode: z.string().trim().min(6, '条码至少6位').max(40, '条码不超过40位') }).strict(),
    output: CatalogItemSchema.nullable(),
    access: 'signedIn',
  }),
  'catalog.localLookup': method({
    summary: "The institution's own item (medins_list_codg) and the national item it maps to",
    input: z.object({ medinsListCodg: z.string().trim().min(1, '请填写院内编码').max(60) }).strict(),
    output: z.object({ local: LocalItemSchema, item: CatalogItemSchema.nullable() }).nullable(),
    access: 'signedIn',
  }),
  'catalog.status': method({ summary: 'Versions, row counts, last sync, progress, integrity', input: Empty, output: CatalogStatusSchema, access: 'signedIn' }),
  'catalog.sync': method({
    summary: 'Start a sync from the hub in the background (resumes an interrupted one); progress as catalog.syncProgress events',
    input: z.object({ only: z.array(CatalogInfnoSchema).max(16).optional(), full: z.boolean().default(false) }).strict(),
    output: z.object({ runId: z.number().int(), resumed: z.boolean() }),
    access: ['it_admin'],
  }),
  'catalog.cancelSync': method({ summary: 'Stop the running sync; the live catalogue stays as it was', input: Empty, output: Ok, access: ['it_admin'] }),
  'catalog.checkIntegrity': method({ summary: 'PRAGMA integrity_check plus consistency checks of the catalogue', input: Empty, output: IntegrityResultSchema, access: ['it_admin'] }),
  'catalog.rebuild': method({
    summary: 'Discard the cache file and download every catalogue again (terminal.db is not touched)',
    input: Empty,
    output: z.object({ runId: z.number().int(), resumed: z.boolean() }),
    access: ['it_admin'],
  }),
};

export const catalogEvents = {
  /** Progress of a catalogue sync (rows, %, rate, ETA), a few per second, to every window. */
  'catalog.syncProgress': SyncProgressSchema,
};
