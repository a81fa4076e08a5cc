import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSettlementIdentities, SetlInfoSchema, CancelSetlInfoSchema, type SettlementAmounts } from './settlement';
import { parseWireJson } from './wire';

// The real Chongqing inpatient sample of interface.md §3 (only hifob_pay non-zero among funds).
const realInpatient = `{"mdtrt_id":"M1","setl_id":"S1","psn_no":"P1","medfee_sumamt":23442.46,"fulamt_ownpay_amt":2533.97,
  "overlmt_selfpay":1396.89,"preselfpay_amt":703.44,"inscp_scp_amt":18808.16,"hifp_pay":0,"cvlserv_pay":0,"hifes_pay":null,
  "hifmi_pay":0,"hifob_pay":18785.39,"maf_pay":0,"oth_pay":0,"fund_pay_sumamt":18785.39,"psn_part_amt":4152.06,
  "acct_pay":170.04,"psn_cash_pay":3982.02,"hosp_part_amt":505.01,"balc":0,"acct_mulaid_pay":0,"clr_type":"21"}`;

describe('settlement identities (interface.md §3)', () => {
  it('hold for the real inpatient sample, decoded from wire JSON', () => {
    const s = SetlInfoSchema.decode(parseWireJson(realInpatient) as never);
    expect(s.medfee_sumamt).toBe(2344246);
    expect(s.hifes_pay).toBe(0);
    expect(checkSettlementIdentities(s)).toEqual([]);
  });

  it('name each identity a settlement breaks, with both sides in fen', () => {
    const s = SetlInfoSchema.decode(parseWireJson(realInpatient) as never);
    const broken = checkSettlementIdentities({ ...s, psn_cash_pay: s.psn_cash_pay + 1 });
    expect(broken).toEqual([{ identity: 'personalPart', formula: 'psn_part_amt = acct_pay + psn_cash_pay', expected: 415206, actual: 415207 }]);
    expect(checkSettlementIdentities({ ...s, hifp_pay: 1 }).map((b) => b.identity)).toEqual(['fundSum']);
    expect(checkSettlementIdentities({ ...s, medfee_sumamt: 1 }).map((b) => b.identity)).toEqual(['splitByPolicy', 'splitByPayer']);
  });

  it('support the variant where the account payment counts inside fund_pay_sumamt', () => {
    const s = SetlInfoSchema.decode(parseWireJson(realInpatient) as never);
    const gd = { ...s, fund_pay_sumamt: s.fund_pay_sumamt + s.acct_pay };
    expect(checkSettlementIdentities(gd, { accountInFundSum: true })).toEqual([]);
    expect(checkSettlementIdentities(gd).map((b) => b.identity)).toEqual(['splitByPayer', 'fundSum']);
  });

  it('hold for any consistent split, negated for a cancellation', () => {
    const part = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(part, part, part, part, part, part, part, part, (ownpay, overlmt, preself, hifp, hifmi, acct, cash, hosp) => {
        const fund = hifp + hifmi;
        const psn = acct + cash;
        const medfee = fund + psn + hosp;
        const inscp = medfee - ownpay - overlmt - preself;
        const s: SettlementAmounts = {
          medfee_sumamt: medfee, fulamt_ownpay_amt: ownpay, overlmt_selfpay: overlmt, preselfpay_amt: preself, inscp_scp_amt: inscp,
          fund_pay_sumamt: fund, psn_part_amt: psn, hosp_part_amt: hosp, acct_pay: acct, psn_cash_pay: cash,
          hifp_pay: hifp, cvlserv_pay: 0, hifes_pay: 0, hifmi_pay: hifmi, hifob_pay: 0, maf_pay: 0, oth_pay: 0, hifdm_pay: 0,
        };
        const negated = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, -v])) as unknown as SettlementAmounts;
        return checkSettlementIdentities(s).length === 0 && checkSettlementIdentities(negated).length === 0;
      }),
    );
  });

  it('read 2208\'s pdn_cash_pay spelling as psn_cash_pay', () => {
    const text = realInpatient.replace('"psn_cash_pay":3982.02', '"pdn_cash_pay":-3982.02');
    const s = CancelSetlInfoSchema.decode(parseWireJson(text) as never);
    expect(s.psn_cash_pay).toBe(-398202);
  });
});
