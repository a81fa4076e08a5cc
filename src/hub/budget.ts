// A deadline budget: a whole settlement (person → register → upload → pre-settle → settle) gets
// config.timeouts.settlementBudgetMs (10 s by default); each hub call gets what is left.
//
// Monotonic (performance.now), so a wall-clock change during a settlement neither extends nor
// cuts the deadline. Child budgets never outlive their parent.

export type MonotonicClock = () => number;

const monotonic: MonotonicClock = () => performance.now();

export class Budget {
  private constructor(
    /** The budget it was granted, ms. */
    readonly totalMs: number,
    private readonly deadline: number,
    private readonly clock: MonotonicClock,
    private readonly started: number,
  ) {}

  /** A budget of `totalMs` starting now. */
  static start(totalMs: number, clock: MonotonicClock = monotonic): Budget {
    if (!Number.isFinite(totalMs) || totalMs < 0) throw new RangeError(`budget must be a non-negative number of ms: ${totalMs}`);
    const now = clock();
    return new Budget(totalMs, now + totalMs, clock, now);
  }

  /** What is left, ms (never negative). */
  remainingMs(): number {
    return Math.max(0, this.deadline - this.clock());
  }

  elapsedMs(): number {
    return this.clock() - this.started;
  }

  expired(): boolean {
    return this.remainingMs() <= 0;
  }

  /** A part of this budget: at most `maxMs`, never beyond this budget's deadline. */
  child(maxMs: number = Infinity): Budget {
    const now = this.clock();
    const deadline = Math.min(this.deadline, now + Math.max(0, maxMs));
    return new Budget(Math.max(0, deadline - now), deadline, this.clock, now);
  }
}
