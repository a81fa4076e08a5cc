// The single drainer across processes: a lease row in terminal.db (owner, expiry, heartbeat).
// Taken in an IMMEDIATE transaction, so the app and the CLI flushing at the same moment cannot
// both win. A drainer that dies stops heartbeating and loses the lease at its expiry; the next
// drainer then picks up the items it had claimed, which are resolved through the hub journal
// (same msgid) — never sent as new requests.
import { immediate, type Db } from '@src/platform/db/open';

export interface LeaseInfo {
  owner?: string | undefined;
  acquiredAt?: number | undefined;
  heartbeatAt?: number | undefined;
  expiresAt: number;
  /** Counts hand-overs: a drainer holds the lease only within its own generation. */
  generation: number;
}

export class QueueLease {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes the lease if it is free, expired or already ours. Returns whether we hold it. */
  tryAcquire(owner: string, ttlMs: number): boolean {
    return immediate(this.db, () => {
      const now = this.now();
      const cur = this.info();
      if (cur.owner && cur.owner !== owner && cur.expiresAt >= now) return false;
      const handover = cur.owner !== owner;
      this.db
        .prepare('UPDATE queue_lease SET owner = ?, acquired_at = ?, heartbeat_at = ?, expires_at = ?, generation = generation + ? WHERE id = 1')
        .run(owner, handover ? now : (cur.acquiredAt ?? now), now, now + ttlMs, handover ? 1 : 0);
      return true;
    });
  }

  /** Extends our lease. False when it was lost (expired and taken, or released by force). */
  heartbeat(owner: string, ttlMs: number): boolean {
    const now = this.now();
    return this.db.prepare('UPDATE queue_lease SET heartbeat_at = ?, expires_at = ? WHERE id = 1 AND owner = ? AND expires_at >= ?').run(now, now + ttlMs, owner, now).changes === 1;
  }

  /** Whether `owner` holds an unexpired lease (call inside the transaction that depends on it). */
  holds(owner: string): boolean {
    const cur = this.info();
    return cur.owner === owner && cur.expiresAt >= this.now();
  }

  release(owner: string): void {
    this.db.prepare('UPDATE queue_lease SET owner = NULL, expires_at = 0 WHERE id = 1 AND owner = ?').run(owner);
  }

  info(): LeaseInfo {
    const r = this.db.prepare('SELECT owner, acquired_at, heartbeat_at, expires_at, generation FROM queue_lease WHERE id = 1').get() as {
      owner: string | null;
      acquired_at: number | null;
      heartbeat_at: number | null;
      expires_at: number;
      generation: number;
    };
    return { owner: r.owner ?? undefined, acquiredAt: r.acquired_at ?? undefined, heartbeatAt: r.heartbeat_at ?? undefined, expiresAt: r.expires_at, generation: r.generation };
  }
}
