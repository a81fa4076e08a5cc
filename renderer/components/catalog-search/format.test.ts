import { describe, expect, it } from 'vitest';
import { chargeClassLabel, formatPriceCap, formatSelfpay, trimDecimals } from './format';

describe('catalogue amounts as the counter reads them', () => {
  it('shows the price cap in yuan with at least two decimals, and nothing without a cap', () => {
    expect(formatPriceCap(1_500_000)).toBe('1.50');
    expect(formatPriceCap(123_456_789)).toBe('123.456789');
    expect(formatPriceCap(0)).toBe('0.00');
    expect(formatPriceCap(null)).toBe('');
  });

  it('shows the self-pay ratio as a percentage', () => {
    expect(formatSelfpay(500)).toBe('5%');
    expect(formatSelfpay(1250)).toBe('12.5%');
    expect(formatSelfpay(10_000)).toBe('100%');
    expect(formatSelfpay(0)).toBe('0%');
    expect(formatSelfpay(null)).toBe('');
  });

  it('names the class 甲乙丙', () => {
    expect(chargeClassLabel({ chargeClass: '01' })).toBe('甲');
    expect(chargeClassLabel({ chargeClass: '03' })).toBe('丙');
    expect(chargeClassLabel({ chargeClass: '' })).toBe('');
    expect(trimDecimals('7')).toBe('7');
  });
});
