import { describe, expect, it } from 'vitest';
import { checkRange, chinaDate, monthRange } from './date-range';

describe('reconciliation periods', () => {
  it('accepts a day or a range, refuses impossible dates, reversed and over-long ranges', () => {
    expect(checkRange({ from: '2026-11-23', to: '2026-11-23' })).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(() => checkRange({ from: '2026-02-30', to: '2026-03-01' })).toThrow(/无效/);
    expect(() => checkRange({ from: '2026-11-24', to: '2026-11-23' })).toThrow(/晚于/);
    expect(() => checkRange({ from: '2026-01-01', to: '2026-06-01' })).toThrow(/超过/);
  });

  it('uses the China calendar day whatever the machine zone', () => {
    expect(chinaDate(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(chinaDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  it('turns a settlement month into its first and last day', () => {
    expect(monthRange('202602')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('202412')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(() => monthRange('202613')).toThrow(/无效/);
  });
});
