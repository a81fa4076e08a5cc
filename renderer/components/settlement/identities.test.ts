import { describe, expect, it } from 'vitest';
import type { Figures } from '@src/contract/methods/settlement-schemas';
import { identityProblems } from './identities';

const base: Figures = {
  medfee_sumamt: 10000,
  fulamt_ownpay_amt: 1000,
  overlmt_selfpay: 500,
  preselfpay_amt: 500,
  inscp_scp_amt: 8000,
  act_pay_dedc: 0,
  hifp_pay: 5600,
  pool_prop_selfpay: 7000,
  cvlserv_pay: 0,
  hifes_pay: 0,
  hifmi_pay: 0,
  hifob_pay: 0,
  maf_pay: 0,
  oth_pay: 0,
  hifdm_pay: 0,
  fund_pay_sumamt: 5600,
  psn_part_amt: 4400,
  acct_pay: 4000,
  psn_cash_pay: 400,
  hosp_part_amt: 0,
  acct_mulaid_pay: 0,
  balc: 100,
};

describe('settlement identities on screen', () => {
  it('accepts figures whose parts add up', () => {
    expect(identityProblems(base)).toEqual([]);
  });

  it('names each identity that does not hold, with both sides', () => {
    const problems = identityProblems({ ...base, psn_cash_pay: 401, hifp_pay: 5599 });
    expect(problems.map((p) => p.identity)).toEqual([3, 4]);
    expect(problems[0]).toEqual({ identity: 3, expected: 4400, actual: 4401 });
  });

  it('holds for a refund, where every amount is negative', () => {
    const negated = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, typeof v === 'number' ? -v : v])) as Figures;
    expect(identityProblems(negated)).toEqual([]);
  });
});
