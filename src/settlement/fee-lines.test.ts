import { describe, expect, it } from 'vitest';
import { linesDigest, prepareLines, totalOf } from './fee-lines';

describe('fee lines', () => {
  it('computes each amount as price × quantity in fen (half away from zero) and numbers lines per batch', () => {
    const lines = prepareLines(
      [
        { code: 'A', name: '甲药', quantity: 15_000, unitPrice: 12_345_678 },
        { code: 'B', name: '乙药', quantity: 10_000, unitPrice: 0 },
      ],
      3,
    );
    expect(lines.map((l) => [l.feedetlSn, l.amountFen])).toEqual([
      ['3-1', 1852],
      ['3-2', 0],
    ]);
    expect(lines[0]!.localCode).toBe('A');
    expect(totalOf(lines)).toBe(1852);
  });

  it('refuses a priced line whose amount rounds to nothing', () => {
    expect(() => prepareLines([{ code: 'B', name: '乙药', quantity: 10_000, unitPrice: 5 }], 1)).toThrow('第1条费用金额不足1分');
  });

  it('changes its digest when any billed value changes, so only edited visits are re-uploaded', () => {
    const a = [{ code: 'A', name: 'x', quantity: 1, unitPrice: 1 }];
    expect(linesDigest(a)).toBe(linesDigest([{ ...a[0]!, name: 'renamed' }]));
    expect(linesDigest(a)).not.toBe(linesDigest([{ ...a[0]!, quantity: 2 }]));
  });
});
