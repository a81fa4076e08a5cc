// The offline queue as the host sees it (services.queue): the store, the lease and this process's
// drainer, the status bar's queue part, the automatic flush when the hub comes back, CSV export.
import type { AuditLog } from '@src/audit/audit-log';
import { AppError, isAppError } from '@src/common/errors';
import { formatYuan } from '@src/common/money';
import type { Hub } from '@src/hub/hub';
import { logger } from '@src/platform/logger';
import type { Db } from '@src/platform/db/open';
import { QueueDrainer, type CompletionHook, type DrainerOptions, type SideSource } from './queue-drainer';
import { auditDeadLettered, auditEnqueued, auditForwarded, queueSubject } from './queue-audit';
import { QueueLease } from './queue-lease';
import { QueueStore, type EnqueueRequest, type QueueSealer } from './queue-store';
import type { FlushProgress, FlushReport, QueueItem, QueueState, QueueSummary } from './queue-types';

const log = logger('queue');

const PROGRESS_INTERVAL_MS = 250;

export interface QueueServiceOptions {
  db: Db;
  hub: Hub;
  /** The data key's box (services.sealed()); may throw DATA_KEY_LOCKED in the CLI. */
  sealer: () => QueueSealer;
  /** The status bar's queue part (services.status.setQueue). */
  reportStatus?: (queue: { depth: number; amountFen: number; flushing: boolean }) => void;
  /** Flush progress for the IT screen (event queue.progress). */
  onProgress?: (p: FlushProgress & { flushing: boolean }) => void;
  /** The audit trail (services.audit): every item queued, forwarded, dead-lettered, and IT's actions. */
  audit?: AuditLog | undefined;
  drainer?: Partial<Omit<DrainerOptions, 'db' | 'store' | 'lease' | 'hub'>>;
  now?: () => number;
}

export class QueueService {
  readonly store: QueueStore;
  readonly lease: QueueLease;
  readonly drainer: QueueDrainer;
  private autoTimer: NodeJS.Timeout | undefined;
  private hubOnline = false;

  constructor(private readonly options: QueueServiceOptions) {
    const now = options.now ?? Date.now;
    this.store = new QueueStore({ db: options.db, sealer: () => this.sealer(), reserveMsgid: () => options.hub.msgids.next(), now });
    this.lease = new QueueLease(options.db, now);
    this.drainer = new QueueDrainer({ db: options.db, store: this.store, lease: this.lease, hub: options.hub, now, ...options.drainer });
    const audit = options.audit;
    if (audit) {
      // Both run inside the drainer's transaction that changes the item's state.
      this.drainer.onCompleted((item, result) => auditForwarded(audit, item, result));
      this.drainer.onDeadLettered((item, reason) => auditDeadLettered(audit, item, reason));
    }
  }

  /** Adds an item (and its audit entry, in one transaction). */
  enqueue(r: EnqueueRequest): QueueItem {
    const item = this.options.db.transaction(() => {
      const added = this.store.enqueue(r);
      if (this.options.audit) auditEnqueued(this.options.audit, added);
      return added;
    }).immediate();
    log.info({ item: item.id, kind: item.kind, visitKey: item.visitKey }, 'queued for the hub');
    this.refreshStatus();
    if (this.hubOnline) this.kick();
    return item;
  }

  /** The audit entry of an item a producer added with store.enqueue inside its own transaction (延时结算). */
  noteEnqueued(item: QueueItem): void {
    if (this.options.audit) auditEnqueued(this.options.audit, item);
  }

  /** Work of another module sent under the queue's lease (settlement's pending reversals). */
  addSource(source: SideSource): void {
    this.drainer.addSource(source);
    this.refreshStatus();
  }

  /** Runs in the transaction that marks an item done (the 差额 list hooks in here). */
  onCompleted(hook: CompletionHook): () => void {
    return this.drainer.onCompleted(hook);
  }

  /** Items of a visit key still waiting (queued or dead): settlement holds a stay's settlement back on them. */
  openCount(visitKey: string): number {
    return this.store.openCount(visitKey);
  }

  summary(): QueueSummary {
    return this.store.summary();
  }

  /** Sends what is due now; progress goes to the IT screen. QUEUE_BUSY when another process is flushing. */
  async flush(onProgress?: (p: FlushProgress) => void, options: { ignoreBackoff?: boolean } = {}): Promise<FlushReport> {
    this.checkKey();
    this.refreshStatus(true);
    // The status bar and the screen need a few updates a second, not one per item (the summary
    // reads the whole table).
    let lastShown = 0;
    try {
      return await this.drainer.flush({
        ignoreBackoff: options.ignoreBackoff,
        onProgress: (p) => {
          onProgress?.(p);
          const now = performance.now();
          if (now - lastShown < PROGRESS_INTERVAL_MS && p.done < p.total) return;
          lastShown = now;
          this.options.onProgress?.({ ...p, flushing: true });
          this.refreshStatus(true);
        },
      });
    } finally {
      this.refreshStatus(false);
      this.options.onProgress?.({ ...this.idleProgress(), flushing: false });
    }
  }

  /** IT: send a dead item again. `by`: who asked (operator user name, or cli:<user>). */
  retry(id: number, by: string): QueueItem {
    const item = this.store.mustGet(id);
    // Steps the hub refused keep that answer under their msgid: only they get a new one.
    const refused = Object.entries(item.msgids)
      .filter(([, msgid]) => this.options.hub.journal.getByMsgid(msgid)?.state === 'rejected')
      .map(([infno]) => infno);
    const again = this.store.retry(id, refused);
    this.options.audit?.append({ action: 'queue.retry', operator: by, subject: queueSubject(again), details: { kind: again.kind, renewed: refused, msgids: again.msgids, lastError: item.lastError } });
    this.refreshStatus();
    if (this.hubOnline) this.kick();
    return again;
  }

  /** IT closed a dead item by other means; the note (what was done) goes into the audit trail. */
  resolve(id: number, by: string, note?: string): QueueItem {
    const item = this.options.db.transaction(() => {
      const closed = this.store.resolve(id, by);
      this.options.audit?.append({ action: 'queue.resolve', operator: by, subject: queueSubject(closed), details: { kind: closed.kind, note, msgids: closed.msgids, lastError: closed.lastError } });
      return closed;
    }).immediate();
    this.refreshStatus();
    return item;
  }

  /** The queue as CSV (no patient data: readable by the CLI without the data key). */
  exportCsv(filter: { state?: QueueState | undefined } = {}, by?: string): string {
    const head = ['id', 'kind', 'state', 'visit_key', 'seq', 'amount_yuan', 'operator', 'attempts', 'failures', 'created_at', 'finished_at', 'settle_msgid', 'last_error'];
    const lines = [head.join(',')];
    let afterId = 0;
    for (;;) {
      const page = this.store.list({ state: filter.state, afterId, limit: 1000 });
      if (page.length === 0) break;
      for (const i of page) {
        lines.push(
          [i.id, i.kind, i.state, i.visitKey, i.seq, formatYuan(i.amountFen), i.operator, i.attempts, i.failures, i.createdAt, i.finishedAt ?? '', i.msgids['2207'] ?? i.msgids['2601'] ?? '', i.lastError ?? '']
            .map((v) => csvCell(String(v)))
            .join(','),
        );
      }
      afterId = page[page.length - 1]!.id;
    }
    if (by !== undefined) this.options.audit?.append({ action: 'queue.exported', operator: by, details: { state: filter.state ?? 'all', rows: lines.length - 1 } });
    return lines.join('\r\n') + '\r\n';
  }

  /**
   * Automatic flush: when the hub comes back online (the monitor's state), and every `intervalMs`
   * while it is online and items are due (backoffs running out). App role only.
   */
  startAutoFlush(intervalMs: number): void {
    this.refreshStatus();
    this.autoTimer = setInterval(() => {
      if (this.hubOnline && this.store.dueCount() + this.drainer.sideDue() > 0) this.kick();
    }, intervalMs);
    this.autoTimer.unref();
  }

  /** Tells the service the hub's state (from the status board). Online after offline starts a flush. */
  setHubOnline(online: boolean): void {
    const cameBack = online && !this.hubOnline;
    this.hubOnline = online;
    if (cameBack && this.store.dueCount() + this.drainer.sideDue() > 0) {
      log.info('hub back online: flushing the offline queue');
      this.kick();
    }
  }

  stop(): void {
    if (this.autoTimer) clearInterval(this.autoTimer);
    this.autoTimer = undefined;
  }

  refreshStatus(flushing = this.drainer.flushing): void {
    const s = this.store.summary();
    this.options.reportStatus?.({ depth: s.depth + this.drainer.sideDue(), amountFen: s.amountFen, flushing });
  }

  private kick(): void {
    if (this.drainer.flushing) return;
    this.flush().catch((e: unknown) => {
      if (isAppError(e) && e.code === 'QUEUE_BUSY') return;
      log.warn({ err: e }, 'automatic queue flush failed');
    });
  }

  private sealer(): QueueSealer {
    return this.options.sealer();
  }

  /** The CLI where the desktop shell's key store wraps the data key: say so, and where to go instead. */
  private checkKey(): void {
    try {
      this.options.sealer();
    } catch (e) {
      if (isAppError(e) && (e.code === 'DATA_KEY_LOCKED' || e.code === 'DATA_KEY_UNREADABLE')) {
        throw new AppError({
          code: 'QUEUE_KEY_UNAVAILABLE',
          message: '离线队列中的患者数据已加密，本程序无法解开数据密钥，不能上传',
          hint: '数据密钥由桌面程序通过系统密钥库保护：请在终端程序中打开“离线队列”界面（信息科菜单）上传。队列状态和导出（yikatong queue status / export）仍可在命令行查看。',
          cause: e,
        });
      }
      throw e;
    }
  }

  private idleProgress(): FlushProgress {
    return { total: 0, done: 0, succeeded: 0, failed: 0, dead: 0, rate: 0 };
  }
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
