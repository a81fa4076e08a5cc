// The training hub's clock: real time plus an offset that tests and drills move forward
// (expire a temporary filing, an ecToken, reach next year's accumulators) through /admin/clock.
// The offset is kept in the database so a restarted hub keeps its date.
import type { Db } from '@src/platform/db/open';
import { formatInfTime, formatWireDate } from '@src/hub/protocol/time';
import { getMeta, setMeta } from './state/hub-db';

const KEY = 'clock_offset_ms';
export const DAY_MS = 24 * 60 * 60 * 1000;

export class HubClock {
  private offsetMs: number;

  constructor(
    private readonly db: Db,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offsetMs = Number(getMeta(db, KEY) ?? 0);
  }

  nowMs(): number {
    return this.realNow() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Today in China time, yyyy-MM-dd. */
  today(): string {
    return formatWireDate(this.now());
  }

  /** yyyy-MM-dd HH:mm:ss, China time. */
  infTime(): string {
    return formatInfTime(this.now());
  }

  offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock by `ms` (may be negative). */
  advance(ms: number): void {
    this.setOffset(this.offsetMs + ms);
  }

  /** Sets the hub's time to `at`. */
  set(at: Date): void {
    this.setOffset(at.getTime() - this.realNow());
  }

  setOffset(ms: number): void {
    if (!Number.isSafeInteger(ms)) throw new RangeError('clock offset must be an integer number of ms');
    this.offsetMs = ms;
    setMeta(this.db, KEY, String(ms));
  }

  /** After a reset of the database: back to real time. */
  reload(): void {
    this.offsetMs = Number(getMeta(this.db, KEY) ?? 0);
  }
}
