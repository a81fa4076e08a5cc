import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReceipt } from './receipt-model';
import { CJK_FONT_CANDIDATES, findCjkFont, receiptPdf } from './receipt-pdf';

const haveFont = CJK_FONT_CANDIDATES.some((c) => existsSync(c.file));
if (!haveFont) console.warn('receipt-pdf.test: no CJK font installed (fonts-wqy-microhei); the PDF rendering test is skipped');

describe('receipt PDF', () => {
  it('fails with a Chinese message naming what to install when no CJK font exists', () => {
    expect(() => findCjkFont([{ file: '/nonexistent/font.ttc' }])).toThrow('找不到中文字体，无法生成PDF票据');
  });

  it.skipIf(!haveFont)('renders 58 mm, 80 mm and A5 PDFs with the embedded CJK font', async () => {
    const figures = { medfee_sumamt: 100, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 100, act_pay_dedc: 0, hifp_pay: 50, pool_prop_selfpay: null, cvlserv_pay: 0, hifes_pay: 0, hifmi_pay: 0, hifob_pay: 0, maf_pay: 0, oth_pay: 0, hifdm_pay: 0, fund_pay_sumamt: 50, psn_part_amt: 50, acct_pay: 0, psn_cash_pay: 50, hosp_part_amt: 0, acct_mulaid_pay: 0, balc: null };
    const rec = { id: 1, kind: 'outpatient' as const, state: 'settled' as const, setlId: 'S1', msgid: 'M1', mdtrtId: 'D1', psnNo: 'P1', medType: '11', insutype: '310', insuredArea: '320500', crossProvince: true, patientName: '张伟', idMasked: '3205**', midStay: false, figures, funds: [], operator: 'sy01', operatorName: '王小红', settledAt: 'now', refund: null, note: '' };
    for (const paper of ['58mm', '80mm', 'A5'] as const) {
      const pdf = await receiptPdf(buildReceipt(rec, [], paper, { name: '上海市训练示范医院', code: 'H31010100001' }));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/FontFile2|CIDFontType2/);
    }
  });
});
