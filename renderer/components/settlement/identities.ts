// The settlement identities (interface.md §3), checked again where the figures are shown: the core
// checks them before it answers, but a screen that shows a breakdown whose parts do not add up
// would mislead the cashier, so a mismatch is named on screen instead of silently displayed.
import type { Figures } from '@src/contract/methods/settlement-schemas';

export interface IdentityProblem {
  /** Which identity: 1 split, 2 payers, 3 personal part, 4 fund sum. */
  identity: 1 | 2 | 3 | 4;
  expected: number;
  actual: number;
}

export function identityProblems(f: Figures): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const check = (identity: IdentityProblem['identity'], expected: number, actual: number): void => {
    if (expected !== actual) problems.push({ identity, expected, actual });
  };
  check(1, f.medfee_sumamt, f.fulamt_ownpay_amt + f.overlmt_selfpay + f.preselfpay_amt + f.inscp_scp_amt);
  check(2, f.medfee_sumamt, f.fund_pay_sumamt + f.psn_part_amt + f.hosp_part_amt);
  check(3, f.psn_part_amt, f.acct_pay + f.psn_cash_pay);
  check(4, f.fund_pay_sumamt, f.hifp_pay + f.cvlserv_pay + f.hifes_pay + f.hifmi_pay + f.hifob_pay + f.maf_pay + f.oth_pay + f.hifdm_pay);
  return problems;
}
