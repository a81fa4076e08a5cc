// Generates one priced catalogue row (drug, herb, preparation, service item, consumable) from its
// index alone, deterministically. The index is embedded in the national code, so the hub can
// regenerate any row from a fee line's med_list_codg without storing the catalogue.
import { pinyin } from 'pinyin-pro';
import { RATIO_ONE } from '@src/common/money';
import type { CatalogInfno } from './catalog-kinds';
import type { CatalogRow, ChargeClass } from './catalog-row';
import { rowHash, saltedBase, SeededRandom } from './seeded-random';
import {
  DEVICE_MAKER_SUFFIXES, DRUG_MAKER_SUFFIXES, ETHNIC_MEDICINES, FORMS, HERB_PROCESSING, HERB_SPECS, HERBS, MAKER_PLACES, MAKER_SYLLABLES,
  PATENT_MEDICINES, PREPARATIONS, RESTRICTIONS, WESTERN_GENERICS, type DosageForm, type FormFamily,
} from './vocabulary-drugs';
import { CONSUMABLE_CATEGORIES, CONSUMABLES, SERVICE_ITEMS, SERVICE_SECTIONS } from './vocabulary-items';

/** Price scale 6: fen → scaled price. */
const FEN_TO_PRICE = 10_000;

const initialsCache = new Map<string, string>();
/** 拼音助记码: upper-case initials of the Chinese characters (cached: names repeat a lot). */
export function pinyinInitials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = pinyin(name, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'removed' }).toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
    if (initialsCache.size < 200_000) initialsCache.set(name, v);
  }
  return v;
}

function maker(rng: SeededRandom, device: boolean): string {
  const a = rng.pick(MAKER_SYLLABLES);
  let b = rng.pick(MAKER_SYLLABLES);
  if (b === a) b = '康';
  return rng.pick(MAKER_PLACES) + a + b + rng.pick(device ? DEVICE_MAKER_SUFFIXES : DRUG_MAKER_SUFFIXES);
}

function digits(rng: SeededRandom, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(10));
  return s;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Class and self-pay ratio, by the weights of each catalogue. */
function chargeClass(rng: SeededRandom, weights: readonly [number, number, number], secondClassRatios: readonly number[]): { lv: ChargeClass; prop: number } {
  const lv = rng.weighted<ChargeClass>([['01', weights[0]], ['02', weights[1]], ['03', weights[2]]]);
  if (lv === '01') return { lv, prop: 0 };
  if (lv === '03') return { lv, prop: RATIO_ONE };
  return { lv, prop: rng.pick(secondClassRatios) };
}

interface Draft {
  code: string;
  name: string;
  spec?: string;
  dosform?: string;
  pack?: string;
  unit: string;
  maker?: string;
  aprvno?: string;
  lv: ChargeClass;
  prop: number;
  priceCap: number | null;
  restricted?: string;
  medChrgitmType: string;
}

function restriction(rng: SeededRandom, lv: ChargeClass, perMille: number): string | undefined {
  return lv === '02' && rng.chance(perMille) ? rng.pick(RESTRICTIONS) : undefined;
}

function westernOrPatent(rng: SeededRandom, index: number): Draft {
  const patent = rng.chance(300);
  const list = patent ? PATENT_MEDICINES : WESTERN_GENERICS;
  const genericIdx = rng.int(list.length);
  const [generic, group, family] = list[genericIdx] as readonly [string, string, FormFamily];
  const form = rng.pick(FORMS[family]) as DosageForm;
  const { lv, prop } = chargeClass(rng, patent ? [30, 55, 15] : [40, 47, 13], [500, 1000, 1500, 2000]);
  const expensive = group.startsWith('L0') || group.startsWith('B05AA') || group.startsWith('A10A');
  const baseFen = expensive ? rng.between(5_000, 200_000) : family === 'injection' || family === 'infusion' ? rng.between(100, 8_000) : rng.between(5, 1_500);
  const genericCode = 'D' + pad(genericIdx, 3);
  const code = patent ? `${group}${genericCode}${form.code}${pad(index, 13)}` : `X${group}${genericCode}${form.code}${pad(index, 12)}`;
  return {
    code,
    name: generic + form.suffix,
    spec: rng.pick(form.specs),
    dosform: form.form,
    pack: rng.pick(form.packs),
    unit: form.unit,
    maker: maker(rng, false),
    aprvno: `国药准字${patent ? 'Z' : 'H'}${rng.pick(['1998', '2002', '2010', '2015', '2020'])}${digits(rng, 4)}`,
    lv,
    prop,
    priceCap: rng.chance(800) ? baseFen * FEN_TO_PRICE : null,
    restricted: restriction(rng, lv, 150),
    medChrgitmType: patent ? '10' : '09',
  };
}

function herb(rng: SeededRandom, index: number, granule: boolean): Draft {
  const name = rng.pick(HERB_PROCESSING) + rng.pick(HERBS);
  const { lv, prop } = chargeClass(rng, [55, 30, 15], [500, 1000]);
  const perGramMicro = rng.between(2, 300) * 1_000; // 0.002–0.3 yuan per g, scale 6
  return {
    code: granule ? `K${pad(index, 10)}` : `T${pad(index, 9)}`,
    name: granule ? `${name}配方颗粒` : name,
    spec: granule ? rng.pick(['每袋相当于饮片10g', '每袋相当于饮片6g', '每袋相当于饮片15g']) : rng.pick(HERB_SPECS),
    dosform: granule ? '颗粒剂' : '饮片',
    pack: granule ? '1袋' : '',
    unit: granule ? '袋' : 'g',
    maker: maker(rng, false).replace(/制药有限公司|药业股份有限公司|药业有限公司|制药厂|医药集团有限公司/, '中药饮片有限公司'),
    lv,
    prop,
    priceCap: (granule ? perGramMicro * 10 : perGramMicro) || null,
    medChrgitmType: '11',
  };
}

function preparation(rng: SeededRandom, index: number): Draft {
  const { lv, prop } = chargeClass(rng, [10, 70, 20], [1000, 2000]);
  return {
    code: `J310000${pad(index, 9)}`,
    name: rng.pick(PREPARATIONS),
    spec: rng.pick(['100ml', '20g', '0.3g', '10ml']),
    dosform: '医疗机构制剂',
    pack: '1瓶',
    unit: rng.pick(['瓶', '支', '盒']),
    maker: '上海市训练示范医院制剂室',
    aprvno: `沪药制字Z${digits(rng, 8)}`,
    lv,
    prop,
    priceCap: rng.between(300, 6_000) * FEN_TO_PRICE,
    medChrgitmType: '10',
  };
}

function ethnic(rng: SeededRandom, index: number): Draft {
  const { lv, prop } = chargeClass(rng, [20, 60, 20], [500, 1000]);
  return {
    code: `N${pad(index, 10)}`,
    name: rng.pick(ETHNIC_MEDICINES),
    spec: rng.pick(['每丸重1g', '0.25g', '每袋装10g']),
    dosform: rng.pick(['丸剂', '片剂', '颗粒剂']),
    pack: rng.pick(['10丸/盒', '24片/盒', '10袋/盒']),
    unit: rng.pick(['丸', '片', '袋']),
    maker: maker(rng, false),
    aprvno: `国药准字Z${digits(rng, 8)}`,
    lv,
    prop,
    priceCap: rng.between(50, 3_000) * FEN_TO_PRICE,
    medChrgitmType: '10',
  };
}

function service(rng: SeededRandom, index: number, newCodes: boolean): Draft {
  const [name, unit, [lo, hi], type] = rng.pick(SERVICE_ITEMS);
  const { lv, prop } = chargeClass(rng, [60, 30, 10], [500, 1000, 2000]);
  const section = SERVICE_SECTIONS[type] ?? '11';
  const variant = rng.pick(['', '', '', '（加收）', '（儿童）', '（床旁）']);
  return {
    code: `${newCodes ? '01' : '00'}${section}${pad(rng.int(100), 2)}${pad(index, 9)}`,
    name: name + variant,
    spec: '',
    dosform: '',
    unit,
    lv,
    prop,
    priceCap: rng.between(lo, hi) * FEN_TO_PRICE,
    restricted: restriction(rng, lv, 60),
    medChrgitmType: type,
  };
}

function consumable(rng: SeededRandom, index: number): Draft {
  const [name, specs, unit, [lo, hi], tier] = rng.pick(CONSUMABLES);
  const { lv, prop } = tier === 'highValue' ? chargeClass(rng, [5, 80, 15], [1000, 2000, 3000]) : chargeClass(rng, [35, 45, 20], [500, 1000]);
  const makerName = maker(rng, true);
  return {
    code: `C${rng.pick(CONSUMABLE_CATEGORIES)}${pad(index, 11)}`,
    name,
    spec: rng.pick(specs),
    dosform: '',
    pack: rng.pick(['1个/包', '10个/盒', '50个/盒', '1套/袋']),
    unit,
    maker: makerName,
    aprvno: `国械注准${rng.pick(['2019', '2021', '2023'])}3${digits(rng, 6)}`,
    lv,
    prop,
    priceCap: rng.between(lo, hi) * FEN_TO_PRICE,
    restricted: restriction(rng, lv, 80),
    medChrgitmType: '08',
  };
}

function draftOf(infno: CatalogInfno, rng: SeededRandom, index: number): Draft {
  switch (infno) {
    case '1301':
      return westernOrPatent(rng, index);
    case '1302':
      return herb(rng, index, false);
    case '1320':
      return herb(rng, index, true);
    case '1303':
      return preparation(rng, index);
    case '1304':
      return ethnic(rng, index);
    case '1305':
      return service(rng, index, false);
    case '1321':
      return service(rng, index, true);
    case '1306':
      return consumable(rng, index);
    default:
      throw new RangeError(`${infno} is not a fee-item catalogue`);
  }
}

/** Code patterns; the captured group is the row index. They never overlap between catalogues. */
export const FEE_ITEM_CODE_PATTERNS: readonly (readonly [CatalogInfno, RegExp])[] = [
  ['1301', /^X[A-Z]\d{2}[A-Z]{2}D\d{3}[A-Z](\d{12})$/],
  ['1301', /^ZA\d{2}[A-Z]D\d{3}[A-Z](\d{13})$/],
  ['1302', /^T(\d{9})$/],
  ['1320', /^K(\d{10})$/],
  ['1303', /^J310000(\d{9})$/],
  ['1304', /^N(\d{10})$/],
  ['1305', /^00\d{4}(\d{9})$/],
  ['1321', /^01\d{4}(\d{9})$/],
  ['1306', /^C\d{8}(\d{11})$/],
];

/** Which catalogue and row index a code claims to be (not yet checked against the catalogue). */
export function parseFeeItemCode(code: string): { infno: CatalogInfno; index: number } | undefined {
  for (const [infno, re] of FEE_ITEM_CODE_PATTERNS) {
    const m = re.exec(code);
    if (m) return { infno, index: Number(m[1]) };
  }
  return undefined;
}

/** The row as first published (at its birth release; version and dates are set by the caller). */
export function generateFeeItem(seed: number, infno: CatalogInfno, index: number): CatalogRow {
  return generateFeeItemFrom(saltedBase(seed, infno), infno, index);
}

/** generateFeeItem with the catalogue's per-infno hash base already computed (the hot path). */
export function generateFeeItemFrom(base: number, infno: CatalogInfno, index: number): CatalogRow {
  const rng = new SeededRandom(rowHash(base, index));
  const d = draftOf(infno, rng, index);
  return {
    infno,
    code: d.code,
    name: d.name,
    listType: infno === '1301' ? (d.code.startsWith('Z') ? '102' : '101') : feeListType(infno),
    spec: d.spec ?? '',
    dosform: d.dosform ?? '',
    pack: d.pack ?? '',
    unit: d.unit,
    maker: d.maker ?? '',
    aprvno: d.aprvno ?? '',
    chrgitmLv: d.lv,
    selfpayProp: d.prop,
    priceCap: d.priceCap,
    lmtUsedFlag: d.restricted ? '1' : '0',
    lmtUsedDscr: d.restricted ?? '',
    medChrgitmType: d.medChrgitmType,
    pinyin: pinyinInitials(d.name),
    categoryCode: '',
    categoryName: '',
    begndate: '',
    enddate: '',
    valiFlag: '1',
    rid: `${infno}${pad(index, 12)}`,
    updtTime: '',
    version: '',
  };
}

function feeListType(infno: CatalogInfno): string {
  switch (infno) {
    case '1302':
    case '1320':
      return '103';
    case '1303':
      return '104';
    case '1304':
      return '105';
    case '1306':
      return '301';
    default:
      return '201';
  }
}
