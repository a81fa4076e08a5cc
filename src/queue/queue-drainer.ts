// The drainer: sends queued items to the hub under the single-drainer lease.
//
// - One drainer at a time across processes (QueueLease). Every claim and every send checks the
//   lease first; the heartbeat extends it and the item claims together.
// - Items go through the hub journal under the msgids reserved when they were created: a step the
//   hub answered is read back, a step that may have been sent is resent byte for byte with its
//   msgid (the hub answers a repeated msgid with its first answer), and only a step never sent is
//   built and sent for the first time. A second drainer can therefore never settle anything twice:
//   at worst it asks the same question again.
// - Different visits go in parallel (small concurrency); items of one visit strictly in order.
// - Hub unreachable: the item backs off without counting, and the flush stops (the automatic flush
//   starts again when the hub is back). The hub answered but not with success: counted, backed
//   off, dead-lettered after maxFailures. The hub refused a first send: dead at once with its
//   reason (the same msgid would get the same refusal; IT's retry gives that step a new msgid).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '@src/common/errors';
import type { Hub } from '@src/hub/hub';
import type { HubOperator } from '@src/hub/client/call-options';
import { HubBudgetExhaustedError, HubBusinessError, isUnreachable } from '@src/hub/errors';
import type { Infno, TxInput, TxOutput } from '@src/hub/protocol';
import { logger } from '@src/platform/logger';
import type { Db } from '@src/platform/db/open';
import { EXECUTORS, type EffectOptions, type ExecContext, type Executor } from './executors';
import type { QueueEffectInfno, QueueQueryInfno } from './executors/executor';
import type { QueueLease } from './queue-lease';
import type { QueueOperator } from './queue-payloads';
import type { QueueStore } from './queue-store';
import type { FlushProgress, FlushReport, QueueItem, QueueKind } from './queue-types';

const log = logger('queue');

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export interface DrainerOptions {
  db: Db;
  store: QueueStore;
  lease: QueueLease;
  hub: Hub;
  /** Unique per drainer; default host/pid/random. */
  owner?: string;
  /** Visits sent at the same time (default 4). */
  concurrency?: number;
  /** Lease (and claim) lifetime; the heartbeat runs at a third of it (default 15 s). */
  leaseMs?: number;
  /** Counted failures before an item is dead-lettered (default 8). */
  maxFailures?: number;
  backoff?: BackoffPolicy;
  executors?: Record<QueueKind, Executor>;
  now?: () => number;
}

/**
 * Work kept in another module's table that the drainer sends under its lease, after its own items:
 * settlement's pending reversals (docs/settlement.md: 2601s that could not be delivered). The
 * owner of the table delivers; the drainer only decides when, and stops when the hub is down.
 */
export interface SideSource {
  name: string;
  /** Ids due now, oldest first. */
  due(): number[];
  deliver(id: number): Promise<'done' | 'retry' | 'dead' | 'unreachable'>;
}

/** Runs in the transaction that marks an item done (e.g. the 差额 list of src/offline): both or neither. */
export type CompletionHook = (item: QueueItem, result: unknown) => void;
/** Runs in the transaction that dead-letters an item, with the reason stored (ID numbers masked). */
export type DeadLetterHook = (item: QueueItem, reason: string) => void;

/** The hub refused a step's first send (it keeps that answer for the msgid). */
export class QueueStepRefusedError extends AppError {
  constructor(infno: string, reason: string) {
    super({ code: 'QUEUE_STEP_REFUSED', message: `医保中心拒绝了${infno}：${reason}`, hint: '请核对该笔信息；需要时联系医保中心，处理后在队列中重试或标记为已处理。', detail: `hub refused ${infno}: ${reason}`, data: { infno } });
  }
}

class LeaseLostError extends Error {}

export interface FlushOptions {
  onProgress?: (p: FlushProgress) => void;
  signal?: AbortSignal;
  /** A flush IT asked for: items backing off are sent too (each once in this flush). */
  ignoreBackoff?: boolean;
}

export class QueueDrainer {
  readonly owner: string;
  private readonly opts: Required<Omit<DrainerOptions, 'owner'>>;
  private readonly hooks = new Set<CompletionHook>();
  private readonly deadHooks = new Set<DeadLetterHook>();
  private readonly sources: SideSource[] = [];
  private readonly signIns = new Map<string, Promise<unknown>>();
  private running: Promise<FlushReport> | undefined;

  constructor(options: DrainerOptions) {
    this.owner = options.owner ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.opts = {
      concurrency: 4,
      leaseMs: 15_000,
      maxFailures: 8,
      backoff: { baseMs: 2_000, maxMs: 300_000 },
      executors: EXECUTORS,
      now: Date.now,
      ...options,
    };
  }

  addSource(source: SideSource): void {
    this.sources.push(source);
  }

  /** Items of side sources due now (for status and progress). */
  sideDue(): number {
    return this.sources.reduce((n, s) => n + s.due().length, 0);
  }

  onCompleted(hook: CompletionHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  onDeadLettered(hook: DeadLetterHook): () => void {
    this.deadHooks.add(hook);
    return () => this.deadHooks.delete(hook);
  }

  /** Whether this drainer is flushing now. */
  get flushing(): boolean {
    return this.running !== undefined;
  }

  /**
   * Sends every due item once (those that fail back off and wait for a later flush). Throws
   * QUEUE_BUSY when another drainer (the app, the CLI) holds the lease.
   */
  flush(options: FlushOptions = {}): Promise<FlushReport> {
    this.running ??= this.run(options).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(options: FlushOptions): Promise<FlushReport> {
    const { store, lease, leaseMs, concurrency } = this.opts;
    if (!lease.tryAcquire(this.owner, leaseMs)) {
      const info = lease.info();
      throw new AppError({
        code: 'QUEUE_BUSY',
        message: '离线队列正在由另一处上传',
        hint: `请等待其完成（${info.owner ?? '未知'}，约 ${Math.max(1, Math.ceil((info.expiresAt - this.opts.now()) / 1000))} 秒内若无心跳将自动释放），再查看队列状态。`,
        detail: `lease held by ${info.owner} until ${new Date(info.expiresAt).toISOString()}`,
      });
    }
    const started = performance.now();
    const since = options.ignoreBackoff ? new Date(this.opts.now()).toISOString() : undefined;
    let leaseLost = false;
    const heartbeat = setInterval(() => {
      if (lease.heartbeat(this.owner, leaseMs)) store.extendClaims(this.owner, leaseMs);
      else leaseLost = true;
    }, Math.max(50, Math.floor(leaseMs / 3)));
    heartbeat.unref();

    const progress: FlushProgress = { total: store.dueCount(options.ignoreBackoff) + this.sideDue(), done: 0, succeeded: 0, failed: 0, dead: 0, rate: 0 };
    let stoppedBecause: FlushReport['stoppedBecause'];
    const busy = new Set<string>();
    const holds = (): boolean => !leaseLost && lease.holds(this.owner);
    const report = (last: FlushProgress['last']): void => {
      progress.done = progress.succeeded + progress.failed + progress.dead;
      progress.rate = progress.done / Math.max(0.001, (performance.now() - started) / 1000);
      progress.last = last;
      options.onProgress?.({ ...progress });
    };

    const worker = async (): Promise<void> => {
      while (!stoppedBecause) {
        if (options.signal?.aborted) {
          stoppedBecause = 'aborted';
          return;
        }
        if (!holds()) {
          stoppedBecause = 'lease_lost';
          return;
        }
        const item = store.claimNext(this.owner, leaseMs, busy, holds, since);
        if (!item) {
          if (busy.size === 0) return;
          // An earlier item of some visit is in flight: its successor may become due.
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        busy.add(item.visitKey);
        try {
          const outcome = await this.send(item, holds);
          if (outcome.kind === 'lease_lost') stoppedBecause = 'lease_lost';
          else {
            if (outcome.kind === 'done') progress.succeeded++;
            else if (outcome.kind === 'dead') progress.dead++;
            else progress.failed++;
            if (outcome.kind === 'unreachable') stoppedBecause ??= 'hub_unreachable';
            report({ id: item.id, outcome: outcome.kind === 'unreachable' ? 'failed' : outcome.kind, error: outcome.error });
          }
        } finally {
          busy.delete(item.visitKey);
        }
      }
    };

    try {
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
      for (const source of this.sources) {
        for (const id of stoppedBecause ? [] : source.due()) {
          if (!holds()) {
            stoppedBecause = 'lease_lost';
            break;
          }
          const outcome = await source.deliver(id).catch((e: unknown) => {
            log.warn({ err: e, source: source.name, id }, 'side source delivery failed');
            return isUnreachable(e) ? ('unreachable' as const) : ('retry' as const);
          });
          if (outcome === 'done') progress.succeeded++;
          else if (outcome === 'dead') progress.dead++;
          else progress.failed++;
          report({ id, outcome: outcome === 'done' ? 'done' : outcome === 'dead' ? 'dead' : 'failed', error: outcome === 'done' ? undefined : `${source.name} ${outcome}` });
          if (outcome === 'unreachable' || outcome === 'retry') {
            stoppedBecause = outcome === 'unreachable' ? 'hub_unreachable' : stoppedBecause;
            if (outcome === 'unreachable') break;
          }
        }
      }
    } finally {
      clearInterval(heartbeat);
      lease.release(this.owner);
    }
    const result: FlushReport = { ...progress, remaining: store.summary().depth, durationMs: Math.round(performance.now() - started), stoppedBecause };
    log.info({ ...result, last: undefined }, 'queue flush finished');
    return result;
  }

  /** One attempt of one item; records its outcome in the store. */
  private async send(item: QueueItem, holds: () => boolean): Promise<{ kind: 'done' | 'failed' | 'dead' | 'unreachable' | 'lease_lost'; error?: string }> {
    const { store, maxFailures } = this.opts;
    const executor = this.opts.executors[item.kind];
    try {
      const payload = store.payloadOf<unknown>(item);
      const ctx: ExecContext = {
        item,
        payload,
        effect: (infno, build, o) => this.effect(item, infno, build, o, holds),
        query: (infno, input, o) => this.query(infno, input, o),
      };
      const result = await executor(ctx);
      this.opts.db.transaction(() => {
        store.complete(item, result);
        for (const h of this.hooks) h(item, result);
      })();
      return { kind: 'done' };
    } catch (e) {
      if (e instanceof LeaseLostError) return { kind: 'lease_lost' };
      const error = describe(e);
      if (isUnreachable(e) || e instanceof HubBudgetExhaustedError) {
        store.fail(item, { error, counts: false, dead: false, retryInMs: this.backoffMs(item.attempts), maxFailures });
        return { kind: 'unreachable', error };
      }
      const dead = e instanceof QueueStepRefusedError || (isAppError(e) && !(e instanceof HubBusinessError) && !('outcome' in e));
      const state = this.opts.db.transaction(() => {
        const s = store.fail(item, { error, counts: true, dead, retryInMs: this.backoffMs(item.failures + 1), maxFailures });
        if (s === 'dead') {
          const stored = store.get(item.id)!;
          for (const h of this.deadHooks) h(stored, stored.lastError ?? error);
        }
        return s;
      })();
      log.warn({ item: item.id, kind: item.kind, state, code: isAppError(e) ? e.code : undefined, detail: isAppError(e) ? e.detail : (e as Error).message }, 'queue item failed');
      return { kind: state === 'dead' ? 'dead' : 'failed', error };
    }
  }

  private async effect<K extends QueueEffectInfno>(item: QueueItem, infno: K, build: () => TxInput<K>, o: EffectOptions, holds: () => boolean): Promise<TxOutput<K>> {
    const hub = this.opts.hub;
    const msgid = item.msgids[infno];
    if (!msgid) throw new AppError({ code: 'QUEUE_NO_MSGID', message: `队列项缺少${infno}的报文ID`, hint: '请联系信息科。', detail: `item ${item.id} has no reserved msgid for ${infno}` });
    const entry = hub.journal.getByMsgid(msgid);
    if (entry) {
      if (entry.state === 'ok' || entry.resolution === 'confirmed') {
        const out = hub.resolver.outputOf(entry.id);
        if (out !== undefined) return out as TxOutput<K>;
      }
      if (entry.state === 'rejected') throw new QueueStepRefusedError(infno, entry.errMsg ?? entry.failure ?? '拒绝');
      if (entry.resolution === 'reversed') throw new QueueStepRefusedError(infno, '该报文已冲正（2601）');
      // pending (cut off), not_sent, unknown: the same request again, same msgid, same bytes.
      if (!holds()) throw new LeaseLostError();
      const operator = await this.signedIn(o.operator);
      const r = await hub.client.resend(entry.id, { operator });
      if (entry.unresolved) hub.journal.recordAttempt(entry.id, { method: 'resend', result: 'confirmed', msgid, detail: `offline queue item ${item.id}`, operator: operator.code });
      return r.output as TxOutput<K>;
    }
    if (o.beforeFirstSend) await o.beforeFirstSend();
    const operator = await this.signedIn(o.operator);
    if (!holds()) throw new LeaseLostError();
    try {
      const r = await hub.call(infno as Infno, build() as TxInput<Infno>, { msgid, operator, insuplcAdmdvs: o.insuplcAdmdvs, context: o.context ?? `queue:${item.id}` });
      return r.output as TxOutput<K>;
    } catch (e) {
      if (e instanceof HubBusinessError) throw new QueueStepRefusedError(infno, e.errMsg ?? e.message);
      throw e;
    }
  }

  private async query<K extends QueueQueryInfno>(infno: K, input: TxInput<K>, o: { operator: QueueOperator; insuplcAdmdvs?: string | undefined }): Promise<TxOutput<K>> {
    const operator = await this.signedIn(o.operator);
    const r = await this.opts.hub.call(infno, input, { operator, insuplcAdmdvs: o.insuplcAdmdvs });
    return r.output;
  }

  /** The hub wants a sign_no from a 9001 of the operator named in the envelope. */
  private async signedIn(op: QueueOperator): Promise<HubOperator> {
    const client = this.opts.hub.client;
    if (!client.signNoOf(op.code)) {
      let pending = this.signIns.get(op.code);
      if (!pending) {
        pending = this.opts.hub.signIn.signIn({ id: 0, username: op.code, displayName: op.name, role: 'cashier' }).finally(() => this.signIns.delete(op.code));
        this.signIns.set(op.code, pending);
      }
      await pending;
    }
    return { code: op.code, name: op.name };
  }

  private backoffMs(n: number): number {
    const { baseMs, maxMs } = this.opts.backoff;
    const d = Math.min(maxMs, baseMs * 2 ** Math.max(0, n - 1));
    return Math.round(d * (0.8 + Math.random() * 0.4));
  }
}

function describe(e: unknown): string {
  if (e instanceof HubBusinessError) return e.errMsg ?? e.message;
  if (isAppError(e)) return e.message + (e.detail ? ` (${e.detail})` : '');
  return e instanceof Error ? e.message : String(e);
}
