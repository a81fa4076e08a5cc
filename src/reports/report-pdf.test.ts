import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CJK_FONT_CANDIDATES } from '@src/settlement/receipts/receipt-pdf';
import { reportPdf } from './report-pdf';

const hasFont = CJK_FONT_CANDIDATES.some((c) => existsSync(c.file));
if (!hasFont) console.warn('report-pdf.test: skipped — no CJK font installed (Debian: fonts-wqy-microhei)');

describe('report PDF', () => {
  it.skipIf(!hasFont)('renders the report rows with the embedded CJK font, breaking pages as needed', async () => {
    const lines = [['结算汇总', '训练医院'], [], ['项目', '笔数', '医疗费总额'], ...Array.from({ length: 60 }, (_, i) => [`第${i}行`, String(i), '12.34'])];
    const pdf = await reportPdf({ title: '结算汇总 2026-11-23', lines });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2|FontFile/);
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});
