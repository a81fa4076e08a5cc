import { afterEach, describe, expect, it } from 'vitest';
import { openTerminalDb } from '@src/database/terminal-db';
import type { Db } from '@src/platform/db/open';
import { COUNTERS_PER_SECOND, MsgidAllocator } from './msgid-allocator';

let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

function allocator(now: () => Date, slot = 7): MsgidAllocator {
  db ??= openTerminalDb(':memory:');
  return new MsgidAllocator({ db, fixmedinsCode: () => 'H31010100001', slot: () => slot, now });
}

describe('msgid allocation', () => {
  it('is fixmedins_code + China-time stamp + slot + counter', () => {
    const a = allocator(() => new Date('2024-03-01T00:30:05Z'));
    expect(a.next()).toBe('H31010100001202403010830050700');
    expect(a.next()).toBe('H31010100001202403010830050701');
  });

  it('starts the counter again in a new second', () => {
    let now = new Date('2024-03-01T00:30:05Z');
    const a = allocator(() => now);
    a.next();
    now = new Date('2024-03-01T00:30:06Z');
    expect(a.next()).toBe('H31010100001202403010830060700');
  });

  it('moves the stamp on by a second when a second\'s counters are used up', () => {
    const a = allocator(() => new Date('2024-03-01T00:30:05Z'));
    const ids = Array.from({ length: COUNTERS_PER_SECOND + 1 }, () => a.next());
    expect(ids[COUNTERS_PER_SECOND - 1]).toBe('H31010100001202403010830050799');
    expect(ids[COUNTERS_PER_SECOND]).toBe('H31010100001202403010830060700');
  });

  it('never goes back in time when the clock does', () => {
    let now = new Date('2024-03-01T00:30:05Z');
    const a = allocator(() => now);
    const first = a.next();
    now = new Date('2024-03-01T00:00:00Z');
    const second = a.next();
    expect(second > first).toBe(true);
    expect(second.slice(12, 26)).toBe('20240301083005');
    expect(a.state()).toEqual({ lastStamp: '20240301083005', allocated: 2 });
  });

  it('refuses a slot outside 0–99', () => {
    expect(() => allocator(() => new Date(), 100).next()).toThrow(RangeError);
  });
});
