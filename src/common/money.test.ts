import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyRatio, DecimalFormatError, formatMoney, formatYuan, lineAmount, parseScaled, parseYuan, sumFen } from './money';

describe('money is integer fen, converted from text exactly', () => {
  it('parses yuan strings without floats', () => {
    expect(parseYuan('23442.46')).toBe(2344246);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('-4.52')).toBe(-452);
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('1.2300')).toBe(123);
  });

  it('refuses amounts with more precision than the field allows', () => {
    expect(() => parseYuan('1.234')).toThrow(DecimalFormatError);
    expect(() => parseYuan('abc')).toThrow(DecimalFormatError);
    expect(() => parseYuan('')).toThrow(DecimalFormatError);
  });

  it('formats fen back to the same text', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => parseYuan(formatYuan(fen)) === fen));
    expect(formatYuan(-50)).toBe('-0.50');
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
  });

  it('reproduces the real inpatient identity from interface.md §3 exactly', () => {
    const parts = ['2533.97', '1396.89', '703.44', '18808.16'].map(parseYuan);
    expect(sumFen(parts)).toBe(parseYuan('23442.46'));
    expect(sumFen(['18785.39', '4152.06', '505.01'].map(parseYuan))).toBe(parseYuan('23442.46'));
  });

  it('computes line amounts from price (6 places) × quantity (4 places), rounding half away from zero', () => {
    expect(lineAmount(parseScaled('12.5', 6), parseScaled('3', 4))).toBe(3750);
    expect(lineAmount(parseScaled('0.333333', 6), parseScaled('3', 4))).toBe(100);
    expect(lineAmount(parseScaled('0.005', 6), parseScaled('1', 4))).toBe(1);
    expect(lineAmount(parseScaled('-0.005', 6), parseScaled('1', 4))).toBe(-1);
  });

  it('applies ratios to fen', () => {
    expect(applyRatio(10000, 500)).toBe(500);
    expect(applyRatio(333, 5000)).toBe(167);
    expect(applyRatio(-333, 5000)).toBe(-167);
  });
});
