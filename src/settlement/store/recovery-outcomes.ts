// What restart recovery did, kept until a cashier has seen it (settlements.recovery).
import type { Db } from '@src/platform/db/open';

export interface RecoveryOutcome {
  id: number;
  at: string;
  journalId: number;
  infno: string;
  msgid: string;
  settlementId: number | null;
  result: string;
  message: string;
  hint?: string;
  acknowledged: boolean;
}

export class RecoveryOutcomes {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(o: Omit<RecoveryOutcome, 'id' | 'at' | 'acknowledged'>): number {
    const r = this.db
      .prepare('INSERT INTO settlement_recovery_outcomes (at, journal_id, infno, msgid, settlement_id, result, message, hint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), o.journalId, o.infno, o.msgid, o.settlementId, o.result, o.message, o.hint ?? null);
    return Number(r.lastInsertRowid);
  }

  unacknowledged(): RecoveryOutcome[] {
    const rows = this.db.prepare('SELECT * FROM settlement_recovery_outcomes WHERE acknowledged = 0 ORDER BY id').all() as {
      id: number;
      at: string;
      journal_id: number;
      infno: string;
      msgid: string;
      settlement_id: number | null;
      result: string;
      message: string;
      hint: string | null;
      acknowledged: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      journalId: r.journal_id,
      infno: r.infno,
      msgid: r.msgid,
      settlementId: r.settlement_id,
      result: r.result,
      message: r.message,
      ...(r.hint === null ? {} : { hint: r.hint }),
      acknowledged: r.acknowledged === 1,
    }));
  }

  acknowledge(ids: readonly number[]): void {
    const stmt = this.db.prepare('UPDATE settlement_recovery_outcomes SET acknowledged = 1 WHERE id = ?');
    for (const id of ids) stmt.run(id);
  }
}
