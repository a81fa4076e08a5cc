// The ledger: every settlement, cancellation and reversal, append-only, with the msgid that
// caused it. /admin/ledger reports it with each settlement's current state, so a test or a drill
// can prove that nothing was settled twice.
import type { Db } from '@src/platform/db/open';

export type LedgerEvent = 'settle' | 'cancel' | 'reversal' | 'injected';

export interface LedgerEntryInput {
  at: string;
  event: LedgerEvent;
  infno: string;
  msgid: string;
  setlId?: string | undefined;
  mdtrtId?: string | undefined;
  psnNo?: string | undefined;
  medfeeFen?: number;
  fundFen?: number;
  acctFen?: number;
  cashFen?: number;
  omsgid?: string | undefined;
  oinfno?: string | undefined;
  note?: string;
}

export function appendLedger(db: Db, e: LedgerEntryInput): void {
  db.prepare(`INSERT INTO ledger (at, event, infno, msgid, setl_id, mdtrt_id, psn_no, medfee_fen, fund_fen, acct_fen, cash_fen, omsgid, oinfno, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.at, e.event, e.infno, e.msgid, e.setlId ?? null, e.mdtrtId ?? null, e.psnNo ?? null,
    e.medfeeFen ?? 0, e.fundFen ?? 0, e.acctFen ?? 0, e.cashFen ?? 0, e.omsgid ?? null, e.oinfno ?? null, e.note ?? '',
  );
}

export interface LedgerEntry {
  seq: number;
  at: string;
  event: LedgerEvent;
  infno: string;
  msgid: string;
  setlId: string | null;
  mdtrtId: string | null;
  psnNo: string | null;
  /** Amounts in fen (negative for cancellations). */
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
  cashFen: number;
  omsgid: string | null;
  oinfno: string | null;
  note: string;
  /** Current state of the settlement row this entry concerns: settled, cancelled, reversed. */
  state: string | null;
}

export interface LedgerReport {
  entries: LedgerEntry[];
  summary: {
    settlements: number;
    cancellations: number;
    reversals: number;
    /** Settlements still in force (not cancelled, not reversed). */
    inForce: number;
    /** msgids that produced more than one settlement or cancellation: must always be empty. */
    msgidsSettledTwice: string[];
    /** Visits with more than one final (non-mid-stay) settlement in force: must always be empty. */
    visitsSettledTwice: string[];
  };
}

export function ledgerReport(db: Db, filter: { psnNo?: string; mdtrtId?: string; sinceSeq?: number } = {}): LedgerReport {
  const rows = db
    .prepare(`SELECT l.*, s.state AS state FROM ledger l LEFT JOIN settlements s ON s.setl_id = l.setl_id
      WHERE (@psn IS NULL OR l.psn_no = @psn) AND (@visit IS NULL OR l.mdtrt_id = @visit) AND l.seq > @since ORDER BY l.seq`)
    .all({ psn: filter.psnNo ?? null, visit: filter.mdtrtId ?? null, since: filter.sinceSeq ?? 0 }) as {
    seq: number; at: string; event: LedgerEvent; infno: string; msgid: string; setl_id: string | null; mdtrt_id: string | null; psn_no: string | null;
    medfee_fen: number; fund_fen: number; acct_fen: number; cash_fen: number; omsgid: string | null; oinfno: string | null; note: string; state: string | null;
  }[];
  const entries: LedgerEntry[] = rows.map((r) => ({
    seq: r.seq, at: r.at, event: r.event, infno: r.infno, msgid: r.msgid, setlId: r.setl_id, mdtrtId: r.mdtrt_id, psnNo: r.psn_no,
    medfeeFen: r.medfee_fen, fundFen: r.fund_fen, acctFen: r.acct_fen, cashFen: r.cash_fen, omsgid: r.omsgid, oinfno: r.oinfno, note: r.note, state: r.state,
  }));
  const twice = db.prepare(`SELECT msgid FROM ledger WHERE event IN ('settle', 'cancel') GROUP BY msgid HAVING COUNT(*) > 1`).all() as { msgid: string }[];
  const visits = db.prepare(`SELECT mdtrt_id FROM settlements WHERE kind = 'settle' AND state = 'settled' AND mid_setl_flag = '0'
    GROUP BY mdtrt_id HAVING COUNT(*) > 1`).all() as { mdtrt_id: string }[];
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return {
    entries,
    summary: {
      settlements: count(`SELECT COUNT(*) AS n FROM ledger WHERE event = 'settle'`),
      cancellations: count(`SELECT COUNT(*) AS n FROM ledger WHERE event = 'cancel'`),
      reversals: count(`SELECT COUNT(*) AS n FROM ledger WHERE event = 'reversal'`),
      inForce: count(`SELECT COUNT(*) AS n FROM settlements WHERE kind = 'settle' AND state = 'settled'`),
      msgidsSettledTwice: twice.map((r) => r.msgid),
      visitsSettledTwice: visits.map((r) => r.mdtrt_id),
    },
  };
}
