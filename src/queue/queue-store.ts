// The offline queue in terminal.db (WAL, synchronous=FULL): items, their sealed payloads and
// progress, per-item claims, backoff and the dead-letter state. Every read-modify-write that two
// processes could race on (claim, enqueue) is an IMMEDIATE transaction.
//
// Patient data never reaches a readable column: payload, progress and result are sealed with the
// data key (services.sealed()), bound to the item's uid so a value moved to another row does not
// open. Errors are stored with ID numbers masked.
import { randomUUID } from 'node:crypto';
import { AppError } from '@src/common/errors';
import { maskIdNumbersInText } from '@src/common/mask';
import { immediate, type Db } from '@src/platform/db/open';
import { EFFECT_STEPS, type QueueItem, type QueueKind, type QueueState, type QueueSummary } from './queue-types';

/** Seals queue payloads: the host's SealedBox (a locked key fails only what needs it). */
export interface QueueSealer {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

export interface EnqueueRequest {
  kind: QueueKind;
  /** Items with the same key go in order; default: a new key (independent of everything else). */
  visitKey?: string | undefined;
  /** Patient data and everything the executor needs: sealed before it is stored. */
  payload: unknown;
  amountFen: number;
  operator: string;
}

interface Row {
  id: number;
  uid: string;
  kind: QueueKind;
  visit_key: string;
  seq: number;
  state: QueueState;
  msgids: string;
  amount_fen: number;
  operator: string;
  attempts: number;
  failures: number;
  next_attempt_at: number;
  claimed_by: string | null;
  claim_expires_at: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  resolved_by: string | null;
}

const COLUMNS = 'id, uid, kind, visit_key, seq, state, msgids, amount_fen, operator, attempts, failures, next_attempt_at, claimed_by, claim_expires_at, last_error, created_at, updated_at, finished_at, resolved_by';

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export interface QueueStoreOptions {
  db: Db;
  sealer: () => QueueSealer;
  /** Reserves a msgid (hub.msgids.next()): durable and unique across processes. */
  reserveMsgid: () => string;
  now?: () => number;
}

export class QueueStore {
  private readonly db: Db;
  private readonly now: () => number;

  constructor(private readonly options: QueueStoreOptions) {
    this.db = options.db;
    this.now = options.now ?? Date.now;
  }

  /**
   * Adds an item. Its msgids are reserved here, before anything is sent, so every later attempt
   * sends the same request. Durable when this returns.
   */
  enqueue(r: EnqueueRequest): QueueItem {
    const uid = randomUUID();
    const msgids: Record<string, string> = {};
    for (const infno of EFFECT_STEPS[r.kind]) msgids[infno] = this.options.reserveMsgid();
    const payload = this.options.sealer().seal(JSON.stringify(r.payload), sealContext(uid, 'payload'));
    const visitKey = r.visitKey ?? `item:${uid}`;
    const at = new Date(this.now()).toISOString();
    const id = immediate(this.db, () => {
      const last = this.db.prepare('SELECT MAX(seq) AS seq FROM queue_items WHERE visit_key = ?').get(visitKey) as { seq: number | null };
      const res = this.db
        .prepare(
          `INSERT INTO queue_items (uid, kind, visit_key, seq, state, payload, msgids, amount_fen, operator, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)`,
        )
        .run(uid, r.kind, visitKey, (last.seq ?? 0) + 1, payload, JSON.stringify(msgids), r.amountFen, r.operator, at, at);
      return Number(res.lastInsertRowid);
    });
    return this.mustGet(id);
  }

  get(id: number): QueueItem | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM queue_items WHERE id = ?`).get(id) as Row | undefined;
    return row && toItem(row);
  }

  mustGet(id: number): QueueItem {
    const item = this.get(id);
    if (!item) throw new AppError({ code: 'QUEUE_ITEM_NOT_FOUND', message: `离线队列中没有第 ${id} 项`, hint: '刷新队列列表后重试。' });
    return item;
  }

  payloadOf<T>(item: QueueItem): T {
    const row = this.db.prepare('SELECT payload FROM queue_items WHERE id = ?').get(item.id) as { payload: string };
    return JSON.parse(this.options.sealer().open(row.payload, sealContext(item.uid, 'payload'))) as T;
  }

  /** What the executor learnt so far (mdtrt_id, the pre-settlement …), or undefined. */
  progressOf<T>(item: QueueItem): T | undefined {
    const row = this.db.prepare('SELECT progress FROM queue_items WHERE id = ?').get(item.id) as { progress: string | null };
    return row.progress === null ? undefined : (JSON.parse(this.options.sealer().open(row.progress, sealContext(item.uid, 'progress'))) as T);
  }

  saveProgress(item: QueueItem, progress: unknown): void {
    const sealed = this.options.sealer().seal(JSON.stringify(progress), sealContext(item.uid, 'progress'));
    this.db.prepare('UPDATE queue_items SET progress = ?, updated_at = ? WHERE id = ?').run(sealed, this.iso(), item.id);
  }

  resultOf<T>(item: QueueItem): T | undefined {
    const row = this.db.prepare('SELECT result FROM queue_items WHERE id = ?').get(item.id) as { result: string | null };
    return row.result === null ? undefined : (JSON.parse(this.options.sealer().open(row.result, sealContext(item.uid, 'result'))) as T);
  }

  /**
   * Claims the next item a drainer may send: queued, due, not claimed by a live claim, the first
   * unfinished item of its visit (an earlier queued or dead item of the same visit holds it back),
   * and not of a visit the caller is already working on. `notTriedSince` (a flush IT asked for):
   * items backing off are due too, unless they were already tried since that instant (each item
   * once per flush). `stillOwner` runs inside the same
   * IMMEDIATE transaction (the lease check), so a drainer that lost its lease claims nothing.
   */
  claimNext(owner: string, claimMs: number, busyVisits: ReadonlySet<string>, stillOwner: () => boolean, notTriedSince?: string): QueueItem | undefined {
    return immediate(this.db, () => {
      if (!stillOwner()) return undefined;
      const now = this.now();
      const candidates = this.db
        .prepare(
          `SELECT ${COLUMNS} FROM queue_items q
           WHERE q.state = 'queued' AND (q.next_attempt_at <= @now OR q.updated_at < @since)
             AND (q.claimed_by IS NULL OR q.claimed_by = @owner OR q.claim_expires_at < @now)
             AND NOT EXISTS (SELECT 1 FROM queue_items p WHERE p.visit_key = q.visit_key AND p.seq < q.seq AND p.state IN ('queued', 'dead'))
           ORDER BY q.id LIMIT @limit`,
        )
        .all({ now, owner, limit: busyVisits.size + 1, since: notTriedSince ?? '' }) as Row[];
      const row = candidates.find((c) => !busyVisits.has(c.visit_key));
      if (!row) return undefined;
      this.db.prepare('UPDATE queue_items SET claimed_by = ?, claim_expires_at = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?').run(owner, now + claimMs, this.iso(), row.id);
      return toItem({ ...row, claimed_by: owner, claim_expires_at: now + claimMs, attempts: row.attempts + 1 });
    });
  }

  /** Extends the claims of a drainer (with its lease heartbeat). */
  extendClaims(owner: string, claimMs: number): void {
    this.db.prepare(`UPDATE queue_items SET claim_expires_at = ? WHERE claimed_by = ? AND state = 'queued'`).run(this.now() + claimMs, owner);
  }

  /** The hub confirmed the item: done, with its (sealed) result. */
  complete(item: QueueItem, result: unknown): void {
    const sealed = this.options.sealer().seal(JSON.stringify(result), sealContext(item.uid, 'result'));
    const at = this.iso();
    this.db.prepare(`UPDATE queue_items SET state = 'done', result = ?, claimed_by = NULL, claim_expires_at = NULL, last_error = NULL, finished_at = ?, updated_at = ? WHERE id = ?`).run(sealed, at, at, item.id);
  }

  /**
   * An attempt failed. `counts`: the hub answered but not with success (towards the dead-letter
   * limit); otherwise the hub was unreachable and only the backoff applies. `dead`: no retry can
   * help (the hub refused the msgid and keeps its answer), IT must look at it.
   */
  fail(item: QueueItem, f: { error: string; counts: boolean; dead: boolean; retryInMs: number; maxFailures: number }): QueueState {
    const failures = item.failures + (f.counts ? 1 : 0);
    const state: QueueState = f.dead || failures >= f.maxFailures ? 'dead' : 'queued';
    const at = this.iso();
    this.db
      .prepare(`UPDATE queue_items SET state = ?, failures = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, claim_expires_at = NULL, updated_at = ?, finished_at = ? WHERE id = ?`)
      .run(state, failures, maskIdNumbersInText(f.error).slice(0, 500), this.now() + f.retryInMs, at, state === 'dead' ? at : null, item.id);
    return state;
  }

  /**
   * IT: send a dead item again. `renew` lists steps whose msgid the hub refused (nothing happened
   * there): they get a fresh msgid, since the hub answers a known msgid with its first answer.
   */
  retry(id: number, renew: readonly string[] = []): QueueItem {
    immediate(this.db, () => {
      const item = this.mustGet(id);
      if (item.state !== 'dead' && item.state !== 'queued') {
        throw new AppError({ code: 'QUEUE_NOT_RETRYABLE', message: `第 ${id} 项已${item.state === 'done' ? '上传成功' : '人工处理'}，不能重试`, hint: '刷新队列列表查看当前状态。' });
      }
      const msgids = { ...item.msgids };
      for (const infno of renew) if (msgids[infno]) msgids[infno] = this.options.reserveMsgid();
      this.db.prepare(`UPDATE queue_items SET state = 'queued', failures = 0, next_attempt_at = 0, msgids = ?, finished_at = NULL, updated_at = ? WHERE id = ?`).run(JSON.stringify(msgids), this.iso(), id);
    });
    return this.mustGet(id);
  }

  /** IT closed a dead item by other means (help desk, manual settlement): it no longer holds its visit back. */
  resolve(id: number, by: string): QueueItem {
    const r = this.db.prepare(`UPDATE queue_items SET state = 'resolved', resolved_by = ?, finished_at = ?, updated_at = ? WHERE id = ? AND state = 'dead'`).run(by, this.iso(), this.iso(), id);
    if (r.changes === 0) throw new AppError({ code: 'QUEUE_NOT_DEAD', message: `第 ${id} 项不在待处理（失败）列表中`, hint: '只有上传失败、需要人工处理的项目可以标记为已处理。' });
    return this.mustGet(id);
  }

  list(filter: { state?: QueueState | undefined; limit?: number | undefined; afterId?: number | undefined } = {}): QueueItem[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM queue_items WHERE (@state IS NULL OR state = @state) AND id > @after ORDER BY id LIMIT @limit`)
      .all({ state: filter.state ?? null, after: filter.afterId ?? 0, limit: filter.limit ?? 500 }) as Row[];
    return rows.map(toItem);
  }

  summary(): QueueSummary {
    const now = this.now();
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS fen FROM queue_items GROUP BY state').all() as { state: QueueState; n: number; fen: number }[];
    const by = (s: QueueState) => rows.find((r) => r.state === s);
    const backingOff = (this.db.prepare(`SELECT COUNT(*) AS n FROM queue_items WHERE state = 'queued' AND next_attempt_at > ?`).get(now) as { n: number }).n;
    const oldest = this.db.prepare(`SELECT MIN(created_at) AS at FROM queue_items WHERE state = 'queued'`).get() as { at: string | null };
    return {
      depth: by('queued')?.n ?? 0,
      amountFen: by('queued')?.fen ?? 0,
      dead: by('dead')?.n ?? 0,
      done: by('done')?.n ?? 0,
      resolved: by('resolved')?.n ?? 0,
      backingOff,
      oldestQueuedAt: opt(oldest.at),
    };
  }

  /** Items of a visit key not finished yet (queued, or dead until IT retries or resolves them). */
  openCount(visitKey: string): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM queue_items WHERE visit_key = ? AND state IN ('queued', 'dead')`).get(visitKey) as { n: number }).n;
  }

  /** Items a flush could send now (for its progress total); `all`: backoffs ignored (a flush IT asked for). */
  dueCount(all = false): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM queue_items WHERE state = 'queued' AND (next_attempt_at <= ? OR ?)`).get(this.now(), all ? 1 : 0) as { n: number }).n;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

function sealContext(uid: string, part: 'payload' | 'progress' | 'result'): string {
  return `queue:${uid}:${part}`;
}

function toItem(r: Row): QueueItem {
  return {
    id: r.id,
    uid: r.uid,
    kind: r.kind,
    visitKey: r.visit_key,
    seq: r.seq,
    state: r.state,
    msgids: JSON.parse(r.msgids) as Record<string, string>,
    amountFen: r.amount_fen,
    operator: r.operator,
    attempts: r.attempts,
    failures: r.failures,
    nextAttemptAt: r.next_attempt_at,
    claimedBy: opt(r.claimed_by),
    claimExpiresAt: opt(r.claim_expires_at),
    lastError: opt(r.last_error),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: opt(r.finished_at),
    resolvedBy: opt(r.resolved_by),
  };
}
