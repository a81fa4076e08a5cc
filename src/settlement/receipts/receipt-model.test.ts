import { describe, expect, it } from 'vitest';
import type { SettlementRecord } from '@src/contract/methods/settlement';
import { buildReceipt, PAPER_COLUMNS } from './receipt-model';

const figures = {
  medfee_sumamt: 10_000, fulamt_ownpay_amt: 1_000, overlmt_selfpay: 0, preselfpay_amt: 500, inscp_scp_amt: 8_500, act_pay_dedc: 0, hifp_pay: 6_000,
  pool_prop_selfpay: 7000, cvlserv_pay: 0, hifes_pay: 0, hifmi_pay: 0, hifob_pay: 0, maf_pay: 0, oth_pay: 0, hifdm_pay: 0, fund_pay_sumamt: 6_000,
  psn_part_amt: 4_000, acct_pay: 1_000, psn_cash_pay: 3_000, hosp_part_amt: 0, acct_mulaid_pay: 0, balc: 12_345,
};
const record: SettlementRecord = {
  id: 1, kind: 'outpatient', state: 'settled', setlId: 'S1', msgid: 'H31010100001202611231200000100', mdtrtId: 'M1', psnNo: 'P1', medType: '11', insutype: '310',
  insuredArea: '320500', crossProvince: true, patientName: '张伟', idMasked: '320501********0018', midStay: false, figures,
  funds: [{ fundPayType: '310100', name: '职工基本医疗保险统筹基金', amountFen: 6_000 }, { fundPayType: '310200', name: '职工个人账户', amountFen: 1_000 }],
  operator: 'sy01', operatorName: '王小红', settledAt: '2026-11-23T04:00:00.000Z', refund: null, note: '结算成功',
};
const lines = [
  { feedetlSn: '1-1', code: 'A', name: '阿莫西林胶囊', quantity: 10_000, unitPrice: 60_000_000, amountFen: 6_000, chargeClass: '01', selfpayProp: 0, fulamtOwnpayFen: 0, overlmtFen: 0, preselfpayFen: 0, inscpScpFen: 6_000 },
  { feedetlSn: '1-2', code: 'B', name: '某乙类药', quantity: 10_000, unitPrice: 30_000_000, amountFen: 3_000, chargeClass: '02', selfpayProp: 1000, fulamtOwnpayFen: 0, overlmtFen: 0, preselfpayFen: 500, inscpScpFen: 2_500 },
  { feedetlSn: '1-3', code: 'C', name: '某丙类药', quantity: 10_000, unitPrice: 10_000_000, amountFen: 1_000, chargeClass: '03', selfpayProp: 10000, fulamtOwnpayFen: 1_000, overlmtFen: 0, preselfpayFen: 0, inscpScpFen: 0 },
];

describe('receipt model', () => {
  it('copies the hub figures and funds and summarises each class with the patient self-pay', () => {
    const r = buildReceipt(record, lines, '80mm', { name: '上海市训练示范医院', code: 'H31010100001' });
    expect(r.figures).toEqual(figures);
    expect(r.classSummary).toEqual([
      { label: '甲', amountFen: 6_000, selfPayFen: 0 },
      { label: '乙', amountFen: 3_000, selfPayFen: 500 },
      { label: '丙', amountFen: 1_000, selfPayFen: 1_000 },
    ]);
    expect(r.insuredAreaName).toBe('江苏省苏州市');
    expect(r.text.join('\n')).toContain('个人现金支付');
    expect(r.text.join('\n')).toContain('30.00');
  });

  it('fits thermal rows in the roll width (CJK counted double) and leaves A5 to the layout', () => {
    for (const paper of ['58mm', '80mm'] as const) {
      const r = buildReceipt(record, lines, paper, { name: '上海市训练示范医院', code: 'H31010100001' });
      const widthOf = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
      expect(r.text.filter((l) => widthOf(l) > PAPER_COLUMNS[paper])).toEqual([]);
    }
    expect(buildReceipt(record, lines, 'A5', { name: 'x', code: 'y' }).text).toEqual([]);
  });

  it('prints a refund slip from the refund figures', () => {
    const refunded = { ...record, state: 'refunded' as const, refund: { setlId: 'S2', msgid: 'M2', at: 'now', operator: 'sy01', reason: '退费', figures: { ...figures, medfee_sumamt: -10_000 } } };
    const r = buildReceipt(refunded, lines, '58mm', { name: 'x', code: 'y' }, { refund: true });
    expect([r.refund, r.setlId, r.figures.medfee_sumamt]).toEqual([true, 'S2', -10_000]);
  });
});
