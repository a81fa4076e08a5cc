import { describe, expect, it } from 'vitest';
import { money, percentText, priceText, quantityText } from './format';

describe('settlement display formats', () => {
  it('shows fen as yuan with the currency sign and thousands separators', () => {
    expect(money(356820)).toBe('¥3,568.20');
    expect(money(-1234)).toBe('-¥12.34');
  });
  it('shows quantities without trailing zeros', () => {
    expect(quantityText(20000)).toBe('2');
    expect(quantityText(15000)).toBe('1.5');
  });
  it('shows prices with at least two places and keeps finer digits', () => {
    expect(priceText(12500000)).toBe('12.50');
    expect(priceText(1234567)).toBe('1.234567');
  });
  it('shows ratios as percentages', () => {
    expect(percentText(500)).toBe('5%');
    expect(percentText(10000)).toBe('100%');
    expect(percentText(7250)).toBe('72.5%');
  });
});
