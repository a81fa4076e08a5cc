import { describe, expect, it } from 'vitest';
import { percentile } from './percentile';

describe('nearest-rank percentile of sorted timings', () => {
  const ms = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('picks the sample at rank ceil(p% of n)', () => {
    expect(percentile(ms, 50)).toBe(5);
    expect(percentile(ms, 99)).toBe(10);
    expect(percentile(ms, 10)).toBe(1);
  });

  it('stays inside the samples at the extremes', () => {
    expect(percentile(ms, 0)).toBe(1);
    expect(percentile(ms, 100)).toBe(10);
    expect(percentile([42], 99)).toBe(42);
  });
});
