import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSettlementIdentities } from '@src/hub/protocol/settlement';
import { AREA_POLICIES, areaPolicy } from './area-policies';
import { computeBenefit, negateBenefit, poolRatioFor, type BenefitInput, type BenefitResult } from './benefit-engine';

function asAmounts(r: BenefitResult) {
  return {
    medfee_sumamt: r.medfee, fulamt_ownpay_amt: r.fulamtOwnpay, overlmt_selfpay: r.overlmt, preselfpay_amt: r.preselfpay, inscp_scp_amt: r.inscp,
    fund_pay_sumamt: r.fundPaySumamt, psn_part_amt: r.psnPartAmt, hosp_part_amt: r.hospPartAmt, acct_pay: r.acctPay, psn_cash_pay: r.psnCashPay,
    hifp_pay: r.hifpPay, cvlserv_pay: r.cvlservPay, hifes_pay: r.hifesPay, hifmi_pay: r.hifmiPay, hifob_pay: r.hifobPay, maf_pay: r.mafPay, oth_pay: r.othPay, hifdm_pay: r.hifdmPay,
  };
}

/** Random patients (area, insurance type, retirement, filing status, usage, balance) and random bills. */
const inputArb: fc.Arbitrary<BenefitInput> = fc
  .record({
    policy: fc.constantFrom(...AREA_POLICIES),
    insutype: fc.constantFrom<'310' | '390'>('310', '390'),
    retired: fc.boolean(),
    category: fc.constantFrom<BenefitInput['category']>('outpatient', 'inpatient', 'chronic', 'pharmacy'),
    chronicDisease: fc.constantFrom(undefined, 'hypertension', 'dialysis'),
    level: fc.constantFrom<'1' | '2' | '3'>('1', '2', '3'),
    crossProvince: fc.constantFrom<BenefitInput['crossProvince']>('local', 'longTerm', 'referral', 'temporary'),
    parts: fc.tuple(fc.nat(20_000_000), fc.nat(5_000_000), fc.nat(5_000_000), fc.nat(200_000_000)),
    usage: fc.record({ deductibleUsedFen: fc.nat(300_000), poolPaidFen: fc.nat(70_000_000), bigIllnessPaidFen: fc.nat(60_000_000) }),
    accountBalanceFen: fc.nat(2_000_000),
    useAccount: fc.boolean(),
  })
  .map(({ parts: [fulamtOwnpay, overlmt, preselfpay, inscp], ...rest }) => ({
    ...rest,
    totals: { medfee: fulamtOwnpay + overlmt + preselfpay + inscp, fulamtOwnpay, overlmt, preselfpay, inscp },
  }));

describe('computeBenefit (参保地政策)', () => {
  it('satisfies every settlement identity for random patients and bills, and its cancellation does too', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeBenefit(input);
        expect(checkSettlementIdentities(asAmounts(r))).toEqual([]);
        expect(checkSettlementIdentities(asAmounts(negateBenefit(r, input.accountBalanceFen)))).toEqual([]);
        for (const v of [r.hifpPay, r.hifobPay, r.hifmiPay, r.acctPay, r.psnCashPay, r.actPayDedc]) expect(v).toBeGreaterThanOrEqual(0);
        expect(r.acctPay).toBeLessThanOrEqual(input.accountBalanceFen);
        if (input.insutype === '390' || !input.useAccount) expect(r.acctPay).toBe(0);
        expect(r.fundPaySumamt).toBeLessThanOrEqual(input.totals.inscp);
        expect(r.details.filter((d) => d.fundPayType !== '310200').reduce((s, d) => s + d.fundPayamt, 0)).toBe(r.fundPaySumamt);
      }),
      { numRuns: 500 },
    );
  });

  it('applies the deductible, then the ratio by institution level', () => {
    const policy = areaPolicy('320500')!;
    const r = computeBenefit({
      policy, insutype: '310', retired: false, category: 'outpatient', level: '3', crossProvince: 'longTerm',
      totals: { medfee: 200_000, fulamtOwnpay: 0, overlmt: 0, preselfpay: 0, inscp: 200_000 }, usage: { deductibleUsedFen: 0, poolPaidFen: 0, bigIllnessPaidFen: 0 },
      accountBalanceFen: 0, useAccount: false,
    });
    // Suzhou employees, training figures: 1200 yuan deductible, 65 % at a level-3 hospital.
    expect(r.actPayDedc).toBe(120_000);
    expect(r.hifpPay).toBe(52_000);
    expect(r.poolRatio).toBe(6500);
  });

  it('stops the pool at its annual cap and lets the big-illness fund pay beyond it', () => {
    const policy = areaPolicy('310000')!;
    const r = computeBenefit({
      policy, insutype: '310', retired: false, category: 'inpatient', level: '3', crossProvince: 'local',
      totals: { medfee: 10_000_000, fulamtOwnpay: 0, overlmt: 0, preselfpay: 0, inscp: 10_000_000 },
      usage: { deductibleUsedFen: 150_000, poolPaidFen: policy.employee.inpatient.annualCapFen - 1_000_000, bigIllnessPaidFen: 0 },
      accountBalanceFen: 0, useAccount: false,
    });
    expect(r.hifpPay).toBe(1_000_000);
    expect(r.hifobPay).toBeGreaterThan(0);
    expect(r.hifmiPay).toBe(0);
  });

  it('gives retirees a bonus and takes points off temporary cross-province patients', () => {
    const policy = areaPolicy('340100')!;
    const base = { policy, insutype: '310' as const, category: 'inpatient' as const, level: '3' as const };
    expect(poolRatioFor({ ...base, retired: false, crossProvince: 'longTerm' })).toBe(8000);
    expect(poolRatioFor({ ...base, retired: true, crossProvince: 'longTerm' })).toBe(8500);
    expect(poolRatioFor({ ...base, retired: false, crossProvince: 'temporary' })).toBe(7000);
    expect(poolRatioFor({ ...base, retired: false, crossProvince: 'referral' })).toBe(7500);
  });

  it('lets the personal account pay out-of-scope costs only where the insured area allows it', () => {
    const totals = { medfee: 10_000, fulamtOwnpay: 10_000, overlmt: 0, preselfpay: 0, inscp: 0 };
    const usage = { deductibleUsedFen: 0, poolPaidFen: 0, bigIllnessPaidFen: 0 };
    const common = { insutype: '310' as const, retired: false, category: 'outpatient' as const, level: '3' as const, crossProvince: 'longTerm' as const, totals, usage, accountBalanceFen: 50_000, useAccount: true };
    expect(computeBenefit({ ...common, policy: areaPolicy('310000')! }).acctPay).toBe(10_000);
    expect(computeBenefit({ ...common, policy: areaPolicy('330400')! }).acctPay).toBe(0);
  });
});
