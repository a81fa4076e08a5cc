import { describe, expect, it } from 'vitest';
import type { PreSetlInfo } from '@src/hub/protocol';
import { assertIdentities, figuresOf, fundLinesOf, lineSplitsOf } from './figures';

const consistent: PreSetlInfo = {
  mdtrt_id: 'M1',
  psn_no: 'P1',
  medfee_sumamt: 10_000,
  fulamt_ownpay_amt: 1_000,
  overlmt_selfpay: 500,
  preselfpay_amt: 500,
  inscp_scp_amt: 8_000,
  act_pay_dedc: 0,
  hifp_pay: 5_000,
  cvlserv_pay: 0,
  hifes_pay: 0,
  hifmi_pay: 0,
  hifob_pay: 1_000,
  maf_pay: 0,
  oth_pay: 0,
  hifdm_pay: 0,
  fund_pay_sumamt: 6_000,
  psn_part_amt: 4_000,
  acct_pay: 1_500,
  psn_cash_pay: 2_500,
  hosp_part_amt: 0,
  acct_mulaid_pay: 0,
  balc: 20_000,
};

describe('settlement figures', () => {
  it('keeps the hub figures as integers with the interface names, balance included', () => {
    const f = figuresOf(consistent);
    expect(f.medfee_sumamt).toBe(10_000);
    expect(f.balc).toBe(20_000);
    expect(f.pool_prop_selfpay).toBeNull();
  });

  it('refuses figures that break an identity with a plain Chinese protocol error', () => {
    expect(() => assertIdentities(consistent, '结算')).not.toThrow();
    try {
      assertIdentities({ ...consistent, psn_cash_pay: 2_501 }, '结算');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'SETTLEMENT_IDENTITY', message: '医保中心返回的结算金额不一致（各项之和与总额不符）' });
    }
  });

  it('names funds the hub left unnamed and joins line splits by feedetl_sn', () => {
    expect(fundLinesOf([{ fund_pay_type: '310100', fund_payamt: 5_000, inscp_scp_amt: 0 }])[0]!.name).toBe('职工基本医疗保险统筹基金');
    const [line] = lineSplitsOf([{ feedetlSn: '1-1', code: 'X', name: '药', quantity: 10_000, unitPrice: 1_000_000, amountFen: 100 }], [
      { feedetl_sn: '1-1', det_item_fee_sumamt: 100, cnt: 10_000, pric: 1_000_000, chrgitm_lv: '02', selfpay_prop: 1000, fulamt_ownpay_amt: 0, overlmt_amt: 0, preselfpay_amt: 10, inscp_scp_amt: 90 },
    ]);
    expect(line).toMatchObject({ chargeClass: '02', selfpayProp: 1000, preselfpayFen: 10, inscpScpFen: 90 });
  });
});
