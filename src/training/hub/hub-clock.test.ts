import { describe, expect, it } from 'vitest';
import { DAY_MS, HubClock } from './hub-clock';
import { openHubDb } from './state/hub-db';

describe('HubClock', () => {
  it('moves with an offset that survives a restart, and reports China time', () => {
    const db = openHubDb(':memory:');
    const real = Date.UTC(2026, 0, 31, 17, 0, 0); // 2026-02-01 01:00 in China
    const clock = new HubClock(db, () => real);
    expect(clock.today()).toBe('2026-02-01');
    clock.advance(2 * DAY_MS);
    expect(clock.today()).toBe('2026-02-03');
    expect(new HubClock(db, () => real).today()).toBe('2026-02-03');
    clock.set(new Date(Date.UTC(2027, 5, 1, 0, 0, 0)));
    expect(clock.infTime()).toBe('2027-06-01 08:00:00');
  });
});
