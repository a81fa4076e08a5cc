// The pending-reversal hook for the offline queue (docs/settlement.md): a 2601 that could not be
// delivered within the budget is recorded here; the queue drains it with deliver(). Only this
// module writes the table.
import type { AuditLog } from '@src/audit/audit-log';
import type { Budget } from '@src/hub/budget';
import type { HubOperator } from '@src/hub/client/call-options';
import type { Hub } from '@src/hub/hub';
import type { JournalEntry } from '@src/hub/journal/hub-journal';
import type { Db } from '@src/platform/db/open';
import type { TerminalConfig } from '@src/contract/config';
import { systemOperator } from '../settlement-context';

export type PendingReversalState = 'pending' | 'done' | 'resolved' | 'failed';

export interface PendingReversal {
  id: number;
  journalId: number;
  omsgid: string;
  oinfno: string;
  psnNo: string;
  insuplcAdmdvs: string | undefined;
  settlementId: number | undefined;
  state: PendingReversalState;
  attempts: number;
  lastError: string;
  createdAt: string;
}

interface Row {
  id: number;
  journal_id: number;
  omsgid: string;
  oinfno: string;
  psn_no: string;
  insuplc_admdvs: string | null;
  settlement_id: number | null;
  state: PendingReversalState;
  attempts: number;
  last_error: string;
  created_at: string;
}

export type DeliveryResult = 'reversed' | 'stillPending' | 'failed' | 'alreadyResolved';

export class PendingReversals {
  constructor(
    private readonly db: Db,
    private readonly hub: Hub,
    private readonly audit: AuditLog,
    /** Called after a delivered reversal so the settlement record can say so. */
    private readonly onReversed: (settlementId: number, reversalNote: string) => void,
    private readonly config: () => TerminalConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records that the unknown call `entry` must be reversed later (idempotent per journal entry). */
  add(entry: JournalEntry, settlementId: number | undefined, lastError: string): number {
    this.db
      .prepare(
        `INSERT INTO settlement_pending_reversals (journal_id, omsgid, oinfno, psn_no, insuplc_admdvs, settlement_id, state, attempts, last_error, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT(journal_id) DO UPDATE SET last_error = excluded.last_error, state = 'pending'`,
      )
      .run(entry.id, entry.msgid, entry.infno, entry.psnNo ?? '', entry.insuplcAdmdvs ?? null, settlementId ?? null, lastError, this.now().toISOString());
    return (this.db.prepare('SELECT id FROM settlement_pending_reversals WHERE journal_id = ?').get(entry.id) as { id: number }).id;
  }

  /** Waiting reversals, oldest first (what the queue drains). */
  listDue(): PendingReversal[] {
    return this.list("state = 'pending'");
  }

  listAll(): PendingReversal[] {
    return this.list('1 = 1');
  }

  countPending(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM settlement_pending_reversals WHERE state = 'pending'").get() as { n: number }).n;
  }

  /**
   * Sends the 2601 now. 'reversed': done (the settlement record says so, audited);
   * 'stillPending': not delivered (network), try later; 'failed': the hub refused (IT must look);
   * 'alreadyResolved': the journal entry was resolved some other way meanwhile.
   */
  async deliver(id: number, options: { operator?: HubOperator | undefined; budget?: Budget | undefined } = {}): Promise<DeliveryResult> {
    const row = this.db.prepare('SELECT * FROM settlement_pending_reversals WHERE id = ?').get(id) as Row | undefined;
    if (!row || row.state !== 'pending') return 'alreadyResolved';
    const entry = this.hub.journal.get(row.journal_id);
    const at = this.now().toISOString();
    if (!entry?.unresolved) {
      this.db.prepare("UPDATE settlement_pending_reversals SET state = 'resolved', done_at = ? WHERE id = ?").run(at, id);
      return 'alreadyResolved';
    }
    let operator = options.operator;
    try {
      operator ??= await systemOperator(this.hub, this.config);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.db.prepare('UPDATE settlement_pending_reversals SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE id = ?').run(at, `sign-in: ${error}`.slice(0, 500), id);
      return 'stillPending';
    }
    const report = await this.hub.resolver.reverse(row.journal_id, { operator, budget: options.budget });
    if (report.result === 'reversed') {
      this.db.prepare("UPDATE settlement_pending_reversals SET state = 'done', attempts = attempts + 1, last_attempt_at = ?, done_at = ? WHERE id = ?").run(at, at, id);
      if (row.settlement_id !== null) this.onReversed(row.settlement_id, '结算结果未知，已冲正（补送），未扣费');
      this.audit.append({ action: 'settlement.reversed', operator: operator.code, subject: row.omsgid, details: { omsgid: row.omsgid, oinfno: row.oinfno, settlementId: row.settlement_id, via: 'pendingReversal' } });
      return 'reversed';
    }
    const error = report.error?.detail ?? report.error?.message ?? report.result;
    const state: PendingReversalState = report.result === 'failed' ? 'failed' : 'pending';
    this.db.prepare('UPDATE settlement_pending_reversals SET state = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE id = ?').run(state, at, error.slice(0, 500), id);
    return state === 'failed' ? 'failed' : 'stillPending';
  }

  private list(where: string): PendingReversal[] {
    const rows = this.db.prepare(`SELECT * FROM settlement_pending_reversals WHERE ${where} ORDER BY id`).all() as Row[];
    return rows.map((r) => ({
      id: r.id,
      journalId: r.journal_id,
      omsgid: r.omsgid,
      oinfno: r.oinfno,
      psnNo: r.psn_no,
      insuplcAdmdvs: r.insuplc_admdvs ?? undefined,
      settlementId: r.settlement_id ?? undefined,
      state: r.state,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
    }));
  }
}
