import { describe, expect, it } from 'vitest';
import { hashOf, SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and row', () => {
    const a = SeededRandom.forRow(1, '1301', 42);
    const b = SeededRandom.forRow(1, '1301', 42);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
    expect(hashOf(1, '1301', 42)).not.toBe(hashOf(1, '1301', 43));
  });

  it('stays inside its ranges and honours weights', () => {
    const r = new SeededRandom(9);
    for (let i = 0; i < 1000; i++) {
      const n = r.between(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
    expect(r.weighted([['only', 1], ['never', 0]])).toBe('only');
  });
});
