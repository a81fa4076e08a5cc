// 参保地政策: what the funds pay for a settlement, by the insured area's policy.
//
// Pure: no I/O, no clock; every input is explicit (the offline-settlement estimator reuses it).
// Every result satisfies the settlement identities (interface.md §3):
//   (2) medfee = fund_pay_sumamt + psn_part_amt + hosp_part_amt
//   (3) psn_part_amt = acct_pay + psn_cash_pay
//   (4) fund_pay_sumamt = Σ fund fields
// The account payment is part of psn_part_amt, as in the real samples the interface notes checked
// (whether some provinces count it in fund_pay_sumamt is uncertain; the hub does not).
import { applyRatio, formatScaled, formatYuan, RATIO_ONE, type Fen } from '@src/common/money';
import type { ChronicDiseaseKey } from '@src/training/catalog/code-tables';
import { deductibleFor, type AreaPolicy, type InstitutionLevel, type Insutype, insutypePolicy, type PoolRule } from './area-policies';
import type { SplitTotals } from './fee-line-split';

export type VisitCategory = 'outpatient' | 'inpatient' | 'chronic' | 'pharmacy';
/** Why a cross-province patient may be treated here (the filing kind's benefit group). */
export type CrossProvinceStatus = 'local' | 'longTerm' | 'referral' | 'temporary';

/** What the insured area has already paid: the accumulators the hub keeps per person and year. */
export interface BenefitUsage {
  /** Deductible already met in this scope (year for outpatient/chronic; this admission for inpatient). */
  deductibleUsedFen: Fen;
  /** Pool fund already paid this year (this pool; per disease for chronic). */
  poolPaidFen: Fen;
  /** Big-illness / 大额 fund already paid this year. */
  bigIllnessPaidFen: Fen;
}

export interface BenefitInput {
  policy: AreaPolicy;
  insutype: Insutype;
  retired: boolean;
  category: VisitCategory;
  chronicDisease?: ChronicDiseaseKey | undefined;
  level: InstitutionLevel;
  crossProvince: CrossProvinceStatus;
  totals: SplitTotals;
  usage: BenefitUsage;
  /** Personal account balance (fen); 0 for 居民. */
  accountBalanceFen: Fen;
  /** acct_used_flag = '1' */
  useAccount: boolean;
}

export interface SetlDetailLine {
  fundPayType: string;
  fundPayTypeName: string;
  inscpScpAmt: Fen;
  /** 本次可支付限额 */
  crtPaybLmtAmt: Fen;
  fundPayamt: Fen;
  setlProcInfo: string;
}

export interface BenefitResult {
  medfee: Fen;
  fulamtOwnpay: Fen;
  overlmt: Fen;
  preselfpay: Fen;
  inscp: Fen;
  actPayDedc: Fen;
  hifpPay: Fen;
  /** The pool ratio applied (scale 4): pool_prop_selfpay, "统筹基金支付比例". */
  poolRatio: number;
  cvlservPay: Fen;
  hifesPay: Fen;
  hifmiPay: Fen;
  hifobPay: Fen;
  mafPay: Fen;
  othPay: Fen;
  hifdmPay: Fen;
  fundPaySumamt: Fen;
  psnPartAmt: Fen;
  acctPay: Fen;
  psnCashPay: Fen;
  hospPartAmt: Fen;
  acctMulaidPay: Fen;
  /** Account balance after this settlement. */
  balanceAfterFen: Fen;
  details: SetlDetailLine[];
  /** What to add to the accumulators (and subtract again on cancellation). */
  usageDelta: BenefitUsage & { accountFen: Fen };
}

const MAX_RATIO = 9500;

type PoolChoice = Pick<BenefitInput, 'policy' | 'insutype' | 'category' | 'chronicDisease'>;

function poolRuleOf(input: PoolChoice): PoolRule {
  const p = insutypePolicy(input.policy, input.insutype);
  switch (input.category) {
    case 'inpatient':
      return p.inpatient;
    case 'chronic': {
      const cap = input.chronicDisease ? p.chronic.capByDisease?.[input.chronicDisease] : undefined;
      return cap === undefined ? p.chronic : { ...p.chronic, annualCapFen: cap };
    }
    case 'pharmacy':
      return { ...p.outpatient, ratioByLevel: { '1': p.pharmacyRatio, '2': p.pharmacyRatio, '3': p.pharmacyRatio } };
    case 'outpatient':
      return p.outpatient;
  }
}

/** The pool ratio after the retiree bonus and the cross-province reduction, within [0, 95 %]. */
export function poolRatioFor(input: Pick<BenefitInput, 'policy' | 'insutype' | 'retired' | 'category' | 'chronicDisease' | 'level' | 'crossProvince'>): number {
  const p = insutypePolicy(input.policy, input.insutype);
  const base = poolRuleOf(input).ratioByLevel[input.level];
  if (base === 0) return 0;
  let ratio = base + (input.retired ? p.retireeBonus : 0);
  if (input.crossProvince === 'temporary') ratio -= input.policy.crossProvinceReduction.temporary;
  if (input.crossProvince === 'referral') ratio -= input.policy.crossProvinceReduction.referral;
  return Math.max(0, Math.min(MAX_RATIO, ratio));
}

function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

export function computeBenefit(input: BenefitInput): BenefitResult {
  const t = input.totals;
  if (t.medfee < 0 || t.inscp < 0) throw new RangeError('a settlement total cannot be negative');
  const ip = insutypePolicy(input.policy, input.insutype);
  const rule = poolRuleOf(input);
  const deductible = deductibleFor(rule, input.level);
  const ratio = poolRatioFor(input);

  const actPayDedc = Math.min(t.inscp, Math.max(0, deductible - input.usage.deductibleUsedFen));
  const fundable = t.inscp - actPayDedc;
  const uncapped = applyRatio(fundable, ratio);
  const capRemaining = Math.max(0, rule.annualCapFen - input.usage.poolPaidFen);
  const hifp = Math.min(uncapped, capRemaining);

  // Above the pool cap, the big-illness fund pays its own ratio of what the pool could not.
  let big = 0;
  let bigRemaining = 0;
  if (hifp < uncapped && ratio > 0) {
    const baseCovered = Math.min(fundable, ceilDiv(hifp * RATIO_ONE, ratio));
    bigRemaining = Math.max(0, ip.bigIllness.annualCapFen - input.usage.bigIllnessPaidFen);
    big = Math.min(applyRatio(fundable - baseCovered, ip.bigIllness.ratio), bigRemaining);
  }
  const employee = input.insutype === '310';
  const hifob = employee ? big : 0;
  const hifmi = employee ? 0 : big;

  const fundSum = hifp + hifob + hifmi;
  const hospPart = 0;
  const psnPart = t.medfee - fundSum - hospPart;

  let acct = 0;
  if (employee && input.useAccount && ip.account.usable && input.accountBalanceFen > 0) {
    const eligible = ip.account.coversOutOfScope ? psnPart : psnPart - t.fulamtOwnpay - t.overlmt;
    acct = Math.max(0, Math.min(input.accountBalanceFen, eligible));
  }
  const cash = psnPart - acct;

  const details: SetlDetailLine[] = [];
  if (hifp !== 0) {
    details.push({
      fundPayType: employee ? '310100' : '390100',
      fundPayTypeName: employee ? '职工基本医疗保险统筹基金' : '城乡居民基本医疗保险基金',
      inscpScpAmt: t.inscp,
      crtPaybLmtAmt: capRemaining,
      fundPayamt: hifp,
      setlProcInfo: `起付线${formatYuan(deductible)}元，本次支付起付线${formatYuan(actPayDedc)}元，支付比例${formatScaled(ratio, 2)}%`,
    });
  }
  if (big !== 0) {
    details.push({
      fundPayType: employee ? '330101' : '390200',
      fundPayTypeName: employee ? '职工大额医疗费用补助基金' : '城乡居民大病医疗保险资金',
      inscpScpAmt: t.inscp,
      crtPaybLmtAmt: bigRemaining,
      fundPayamt: big,
      setlProcInfo: `超过统筹基金年度最高支付限额部分按${formatScaled(ip.bigIllness.ratio, 2)}%支付`,
    });
  }
  if (acct !== 0) {
    details.push({
      fundPayType: '310200',
      fundPayTypeName: '城镇职工基本医疗保险个人账户基金',
      inscpScpAmt: 0,
      crtPaybLmtAmt: input.accountBalanceFen,
      fundPayamt: acct,
      setlProcInfo: '个人账户支付',
    });
  }

  return {
    medfee: t.medfee,
    fulamtOwnpay: t.fulamtOwnpay,
    overlmt: t.overlmt,
    preselfpay: t.preselfpay,
    inscp: t.inscp,
    actPayDedc,
    hifpPay: hifp,
    poolRatio: ratio,
    cvlservPay: 0,
    hifesPay: 0,
    hifmiPay: hifmi,
    hifobPay: hifob,
    mafPay: 0,
    othPay: 0,
    hifdmPay: 0,
    fundPaySumamt: fundSum,
    psnPartAmt: psnPart,
    acctPay: acct,
    psnCashPay: cash,
    hospPartAmt: hospPart,
    acctMulaidPay: 0,
    balanceAfterFen: input.accountBalanceFen - acct,
    details,
    usageDelta: { deductibleUsedFen: actPayDedc, poolPaidFen: hifp, bigIllnessPaidFen: big, accountFen: acct },
  };
}

/** The same settlement with every amount negated: what a cancellation (2208/2305/2103) returns. */
export function negateBenefit(r: BenefitResult, balanceAfterFen: Fen): BenefitResult {
  const n = (x: Fen): Fen => (x === 0 ? 0 : -x);
  return {
    ...r,
    medfee: n(r.medfee),
    fulamtOwnpay: n(r.fulamtOwnpay),
    overlmt: n(r.overlmt),
    preselfpay: n(r.preselfpay),
    inscp: n(r.inscp),
    actPayDedc: n(r.actPayDedc),
    hifpPay: n(r.hifpPay),
    cvlservPay: n(r.cvlservPay),
    hifesPay: n(r.hifesPay),
    hifmiPay: n(r.hifmiPay),
    hifobPay: n(r.hifobPay),
    mafPay: n(r.mafPay),
    othPay: n(r.othPay),
    hifdmPay: n(r.hifdmPay),
    fundPaySumamt: n(r.fundPaySumamt),
    psnPartAmt: n(r.psnPartAmt),
    acctPay: n(r.acctPay),
    psnCashPay: n(r.psnCashPay),
    hospPartAmt: n(r.hospPartAmt),
    acctMulaidPay: n(r.acctMulaidPay),
    balanceAfterFen,
    details: r.details.map((d) => ({ ...d, inscpScpAmt: n(d.inscpScpAmt), fundPayamt: n(d.fundPayamt), setlProcInfo: `撤销：${d.setlProcInfo}` })),
    usageDelta: {
      deductibleUsedFen: n(r.usageDelta.deductibleUsedFen),
      poolPaidFen: n(r.usageDelta.poolPaidFen),
      bigIllnessPaidFen: n(r.usageDelta.bigIllnessPaidFen),
      accountFen: n(r.usageDelta.accountFen),
    },
  };
}
