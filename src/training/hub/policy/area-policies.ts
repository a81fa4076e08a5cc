// 参保地政策: the benefit rules of each insured area, as the training hub applies them.
//
// TRAINING DATA. The figures below are invented for training and testing; they are shaped like
// real policies (deductible, ratios by institution level, annual caps, retiree bonus, big-illness
// insurance, personal account use, chronic-disease rules, reduced ratios for temporary
// cross-province patients) but are not any area's real figures. docs/training-hub.md lists them.
//
// Amounts are fen; ratios are scale 4 (8500 = 85 %).
import type { ChronicDiseaseKey } from '@src/training/catalog/code-tables';

export type InstitutionLevel = '1' | '2' | '3';
export type Insutype = '310' | '390';

export interface PoolRule {
  /** 起付线 (fen): per year (outpatient, chronic) or per admission (inpatient). */
  deductibleFen: number;
  /** 统筹基金支付比例 by institution level (scale 4). */
  ratioByLevel: Readonly<Record<InstitutionLevel, number>>;
  /** 年度最高支付限额 of the pool fund (fen). */
  annualCapFen: number;
  /** Inpatient only: the deductible by institution level (first-level hospitals ask less). */
  deductibleByLevel?: Readonly<Record<InstitutionLevel, number>>;
}

export interface InsutypePolicy {
  /** 门诊统筹 (yearly deductible). */
  outpatient: PoolRule;
  /** 住院 (deductible per admission). */
  inpatient: PoolRule;
  /** 门诊慢特病: one rule, each disease with its own yearly cap. */
  chronic: PoolRule & { capByDisease?: Partial<Record<ChronicDiseaseKey, number>> };
  /** 定点药店购药: fund ratio (0 = personal account / cash only) within the outpatient pool. */
  pharmacyRatio: number;
  /** Extra ratio points for retirees (职工 only; the total is capped at 95 %). */
  retireeBonus: number;
  /** Above the pool cap: 职工大额医疗费用补助 (hifob, 310) or 居民大病保险 (hifmi, 390). */
  bigIllness: { ratio: number; annualCapFen: number };
  /**
   * 个人账户 (职工 only): may it pay, and may it pay the fully self-paid part (全自费, 超限价)
   * as well as the in-scope personal share. Cross-province settlement uses the insured area's rule.
   */
  account: { usable: boolean; coversOutOfScope: boolean };
}

export interface AreaPolicy {
  admdvs: string;
  name: string;
  employee: InsutypePolicy;
  resident: InsutypePolicy;
  /** Ratio points taken off for cross-province patients by filing kind (临时外出就医 pays less). */
  crossProvinceReduction: { temporary: number; referral: number };
}

const levels = (l1: number, l2: number, l3: number): Readonly<Record<InstitutionLevel, number>> => ({ '1': l1, '2': l2, '3': l3 });

/**
 * One insurance type's figures, abbreviated so each area fits on a few lines: outpatient
 * deductible, ratios by level and cap (od/or/oc); inpatient deductible and ratios by level and cap
 * (id/ir/ic); chronic ratio and cap (cr/cc); pharmacy ratio (ph); big-illness ratio and cap (big).
 */
interface InsutypeFigures {
  od: number;
  or: [number, number, number];
  oc: number;
  id: [number, number, number];
  ir: [number, number, number];
  ic: number;
  cr: number;
  cc: number;
  ph: number;
  big: [number, number];
}

interface Figures {
  name: string;
  /** 职工 (310) */
  e: InsutypeFigures;
  /** 城乡居民 (390) */
  r: InsutypeFigures;
  temp: number;
  refl: number;
  acctOutOfScope: boolean;
}

function build(admdvs: string, f: Figures): AreaPolicy {
  const insutype = (x: InsutypeFigures, employee: boolean): InsutypePolicy => ({
    outpatient: { deductibleFen: x.od, ratioByLevel: levels(...x.or), annualCapFen: x.oc },
    inpatient: { deductibleFen: x.id[2], ratioByLevel: levels(...x.ir), annualCapFen: x.ic, deductibleByLevel: levels(...x.id) },
    chronic: { deductibleFen: 0, ratioByLevel: levels(x.cr, x.cr, x.cr), annualCapFen: x.cc, capByDisease: { dialysis: x.cc * 4, cancerTherapy: x.cc * 5, transplantAntiRejection: x.cc * 3 } },
    pharmacyRatio: x.ph,
    retireeBonus: employee ? 500 : 0,
    bigIllness: { ratio: x.big[0], annualCapFen: x.big[1] },
    account: { usable: employee, coversOutOfScope: f.acctOutOfScope },
  });
  return { admdvs, name: f.name, employee: insutype(f.e, true), resident: insutype(f.r, false), crossProvinceReduction: { temporary: f.temp, referral: f.refl } };
}

/** The deductible that applies at an institution of this level. */
export function deductibleFor(rule: PoolRule, level: InstitutionLevel): number {
  return rule.deductibleByLevel ? rule.deductibleByLevel[level] : rule.deductibleFen;
}

const Y = 100; // fen per yuan, for readability below

export const AREA_POLICIES: readonly AreaPolicy[] = [
  build('310000', {
    name: '上海市',
    e: { od: 1500 * Y, or: [7500, 7000, 6500], oc: 30_000 * Y, id: [500 * Y, 1000 * Y, 1500 * Y], ir: [9000, 8500, 8000], ic: 600_000 * Y, cr: 8500, cc: 20_000 * Y, ph: 5000, big: [8500, 400_000 * Y] },
    r: { od: 500 * Y, or: [7000, 6000, 5000], oc: 8_000 * Y, id: [50 * Y, 300 * Y, 800 * Y], ir: [8000, 7000, 6000], ic: 300_000 * Y, cr: 7000, cc: 10_000 * Y, ph: 0, big: [6000, 300_000 * Y] },
    temp: 1000, refl: 500, acctOutOfScope: true,
  }),
  build('320500', {
    name: '苏州市',
    e: { od: 1200 * Y, or: [7500, 7000, 6500], oc: 25_000 * Y, id: [400 * Y, 800 * Y, 1200 * Y], ir: [9000, 8800, 8500], ic: 450_000 * Y, cr: 8500, cc: 15_000 * Y, ph: 5000, big: [8000, 350_000 * Y] },
    r: { od: 300 * Y, or: [6500, 6000, 5500], oc: 6_000 * Y, id: [300 * Y, 600 * Y, 1000 * Y], ir: [8000, 7000, 6000], ic: 250_000 * Y, cr: 6500, cc: 8_000 * Y, ph: 0, big: [6000, 250_000 * Y] },
    temp: 1000, refl: 500, acctOutOfScope: true,
  }),
  build('330400', {
    name: '嘉兴市',
    e: { od: 1000 * Y, or: [7500, 7000, 6000], oc: 20_000 * Y, id: [300 * Y, 700 * Y, 1000 * Y], ir: [9000, 8500, 8000], ic: 400_000 * Y, cr: 8000, cc: 12_000 * Y, ph: 5000, big: [8000, 300_000 * Y] },
    r: { od: 300 * Y, or: [6000, 5500, 5000], oc: 5_000 * Y, id: [300 * Y, 600 * Y, 900 * Y], ir: [8000, 7000, 6000], ic: 250_000 * Y, cr: 6000, cc: 6_000 * Y, ph: 0, big: [6000, 200_000 * Y] },
    temp: 1500, refl: 500, acctOutOfScope: false,
  }),
  build('340100', {
    name: '合肥市',
    e: { od: 800 * Y, or: [7000, 6500, 6000], oc: 15_000 * Y, id: [400 * Y, 600 * Y, 800 * Y], ir: [9000, 8500, 8000], ic: 350_000 * Y, cr: 8000, cc: 10_000 * Y, ph: 4000, big: [8000, 300_000 * Y] },
    r: { od: 200 * Y, or: [6000, 5500, 5000], oc: 4_000 * Y, id: [300 * Y, 500 * Y, 800 * Y], ir: [8000, 7000, 6000], ic: 200_000 * Y, cr: 6000, cc: 5_000 * Y, ph: 0, big: [6000, 200_000 * Y] },
    temp: 1000, refl: 500, acctOutOfScope: false,
  }),
  build('510100', {
    name: '成都市',
    e: { od: 1000 * Y, or: [7000, 6500, 6000], oc: 18_000 * Y, id: [200 * Y, 500 * Y, 800 * Y], ir: [9000, 8500, 8000], ic: 400_000 * Y, cr: 8500, cc: 12_000 * Y, ph: 5000, big: [8500, 300_000 * Y] },
    r: { od: 200 * Y, or: [6000, 5500, 5000], oc: 4_000 * Y, id: [200 * Y, 400 * Y, 700 * Y], ir: [8000, 7000, 6000], ic: 200_000 * Y, cr: 6500, cc: 5_000 * Y, ph: 0, big: [6000, 200_000 * Y] },
    temp: 1000, refl: 500, acctOutOfScope: true,
  }),
  build('500000', {
    name: '重庆市',
    e: { od: 800 * Y, or: [7000, 6500, 6000], oc: 15_000 * Y, id: [300 * Y, 600 * Y, 900 * Y], ir: [9000, 8700, 8500], ic: 400_000 * Y, cr: 8000, cc: 10_000 * Y, ph: 4000, big: [8000, 300_000 * Y] },
    r: { od: 200 * Y, or: [6000, 5500, 5000], oc: 4_000 * Y, id: [200 * Y, 500 * Y, 800 * Y], ir: [8000, 7000, 6000], ic: 200_000 * Y, cr: 6000, cc: 5_000 * Y, ph: 0, big: [6000, 200_000 * Y] },
    temp: 1000, refl: 500, acctOutOfScope: true,
  }),
  build('110000', {
    name: '北京市',
    e: { od: 1800 * Y, or: [9000, 8500, 8000], oc: 20_000 * Y, id: [1300 * Y, 1300 * Y, 1300 * Y], ir: [9000, 8700, 8500], ic: 500_000 * Y, cr: 8500, cc: 20_000 * Y, ph: 5000, big: [8500, 500_000 * Y] },
    r: { od: 100 * Y, or: [5500, 5500, 5000], oc: 4_000 * Y, id: [300 * Y, 800 * Y, 1300 * Y], ir: [8000, 7500, 7000], ic: 250_000 * Y, cr: 6000, cc: 6_000 * Y, ph: 0, big: [6000, 300_000 * Y] },
    temp: 1000, refl: 500, acctOutOfScope: false,
  }),
];

export function areaPolicy(admdvs: string): AreaPolicy | undefined {
  return AREA_POLICIES.find((p) => p.admdvs === admdvs);
}

export function insutypePolicy(area: AreaPolicy, insutype: Insutype): InsutypePolicy {
  return insutype === '310' ? area.employee : area.resident;
}
