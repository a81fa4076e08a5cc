import { describe, expect, it } from 'vitest';
import { Budget } from './budget';

function fakeClock(start = 1000) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => void (now += ms) };
}

describe('deadline budget', () => {
  it('counts down on a monotonic clock and never goes negative', () => {
    const c = fakeClock();
    const b = Budget.start(10_000, c.clock);
    c.advance(2500);
    expect(b.remainingMs()).toBe(7500);
    expect(b.elapsedMs()).toBe(2500);
    c.advance(9000);
    expect(b.remainingMs()).toBe(0);
    expect(b.expired()).toBe(true);
  });

  it('gives children at most what the parent has left', () => {
    const c = fakeClock();
    const parent = Budget.start(10_000, c.clock);
    c.advance(7000);
    const capped = parent.child(8000);
    expect(capped.totalMs).toBe(3000);
    const small = parent.child(1000);
    c.advance(1500);
    expect(small.remainingMs()).toBe(0);
    expect(parent.remainingMs()).toBe(1500);
  });

  it('refuses nonsense totals', () => {
    expect(() => Budget.start(-1)).toThrow(RangeError);
    expect(() => Budget.start(Number.NaN)).toThrow(RangeError);
  });
});
