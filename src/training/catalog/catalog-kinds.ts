// The catalogue files the national platform serves (1301–1321, downloaded through 9102), and how
// the training catalogue fills each one.

export type CatalogInfno =
  | '1301' | '1302' | '1303' | '1304' | '1305' | '1306' | '1307' | '1308'
  | '1309' | '1310' | '1311' | '1313' | '1314' | '1315' | '1320' | '1321';

/** feeItem: priced items a fee line can reference; codeTable: codes only (diagnoses, diseases…). */
export type CatalogShape = 'feeItem' | 'codeTable';

export interface CatalogKind {
  infno: CatalogInfno;
  /** Chinese title, as in the interface's transaction list. */
  title: string;
  shape: CatalogShape;
  /** list_type of its rows (fee items only). */
  listType?: string;
  /** Share of the generated rows, in parts per thousand (fee items only; they add up to 1000). */
  share?: number;
}

export const CATALOG_KINDS: readonly CatalogKind[] = [
  { infno: '1301', title: '西药中成药目录', shape: 'feeItem', listType: '101', share: 450 },
  { infno: '1302', title: '中药饮片目录', shape: 'feeItem', listType: '103', share: 50 },
  { infno: '1303', title: '医疗机构制剂目录', shape: 'feeItem', listType: '104', share: 15 },
  { infno: '1304', title: '民族药品目录', shape: 'feeItem', listType: '105', share: 10 },
  { infno: '1305', title: '医疗服务项目目录', shape: 'feeItem', listType: '201', share: 150 },
  { infno: '1306', title: '医用耗材目录', shape: 'feeItem', listType: '301', share: 280 },
  { infno: '1307', title: '疾病与诊断目录', shape: 'codeTable' },
  { infno: '1308', title: '手术操作目录', shape: 'codeTable' },
  { infno: '1309', title: '门诊慢特病种目录', shape: 'codeTable' },
  { infno: '1310', title: '按病种付费病种目录', shape: 'codeTable' },
  { infno: '1311', title: '日间手术治疗病种目录', shape: 'codeTable' },
  { infno: '1313', title: '肿瘤形态学目录', shape: 'codeTable' },
  { infno: '1314', title: '中医疾病目录', shape: 'codeTable' },
  { infno: '1315', title: '中医证候目录', shape: 'codeTable' },
  { infno: '1320', title: '中药配方颗粒目录', shape: 'feeItem', listType: '103', share: 25 },
  { infno: '1321', title: '医疗服务项目（新）目录', shape: 'feeItem', listType: '201', share: 20 },
];

export const CATALOG_INFNOS: readonly CatalogInfno[] = CATALOG_KINDS.map((k) => k.infno);

export function isCatalogInfno(infno: string): infno is CatalogInfno {
  return (CATALOG_INFNOS as readonly string[]).includes(infno);
}

export function catalogKind(infno: CatalogInfno): CatalogKind {
  return CATALOG_KINDS.find((k) => k.infno === infno) as CatalogKind;
}

/** Fee-item row counts for a total of generated rows (the remainder goes to 1301). */
export function feeItemCounts(totalRows: number): Map<CatalogInfno, number> {
  const counts = new Map<CatalogInfno, number>();
  let assigned = 0;
  for (const k of CATALOG_KINDS) {
    if (k.shape !== 'feeItem' || k.share === undefined) continue;
    const n = Math.floor((totalRows * k.share) / 1000);
    counts.set(k.infno, n);
    assigned += n;
  }
  counts.set('1301', (counts.get('1301') ?? 0) + (totalRows - assigned));
  return counts;
}
