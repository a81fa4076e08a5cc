// Shift hand-overs (terminal.db, migration 501): the window and the figures as handed over.
import type { ShiftReport } from '@src/contract/methods/reports';
import type { Db } from '@src/platform/db/open';

export interface HandOver {
  id: number;
  operator: string;
  from: string;
  to: string;
  handedOverAt: string;
}

export class HandoverStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(report: ShiftReport): number {
    const r = this.db
      .prepare(`INSERT INTO shift_handovers (operator, window_from, window_to, cash_fen, settlements, refunds, report, handed_over_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(report.operator, report.from, report.to, report.cashToHandOver, report.settlements.count, report.refunds.count, JSON.stringify(report), this.now().toISOString());
    return Number(r.lastInsertRowid);
  }

  /** The operator's latest hand-over, if any. */
  last(operator: string): HandOver | undefined {
    const row = this.db.prepare('SELECT id, operator, window_from, window_to, handed_over_at FROM shift_handovers WHERE operator = ? ORDER BY window_to DESC, id DESC LIMIT 1').get(operator) as
      | { id: number; operator: string; window_from: string; window_to: string; handed_over_at: string }
      | undefined;
    return row && { id: row.id, operator: row.operator, from: row.window_from, to: row.window_to, handedOverAt: row.handed_over_at };
  }
}
