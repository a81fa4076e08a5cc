import type { Migration } from '@src/platform/db/migrate';

/**
 * Reconciliation runs (one per day or range reconciled), the 3201 answer of each insutype ×
 * clr_type group, every mismatch 3202 found with its cause and how it was resolved, and the
 * monthly clearing applications (3203/3204). Amounts in fen.
 */
export const m0500Reconciliation: Migration = {
  id: 500,
  name: 'reconciliation',
  up(db) {
    db.exec(`
      CREATE TABLE reconcile_runs (
        id INTEGER PRIMARY KEY,
        begndate TEXT NOT NULL,
        enddate TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        operator TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'agreed', 'disagreed', 'failed')),
        detail_file_qury_no TEXT,
        result_file_qury_no TEXT,
        failure TEXT
      ) STRICT;

      CREATE TABLE reconcile_groups (
        run_id INTEGER NOT NULL REFERENCES reconcile_runs (id),
        insutype TEXT NOT NULL,
        clr_type TEXT NOT NULL,
        medfee_fen INTEGER NOT NULL,
        fund_fen INTEGER NOT NULL,
        acct_fen INTEGER NOT NULL,
        cash_fen INTEGER NOT NULL,
        setl_cnt INTEGER NOT NULL,
        stmt_rslt TEXT NOT NULL,
        stmt_rslt_dscr TEXT,
        PRIMARY KEY (run_id, insutype, clr_type)
      ) STRICT;

      CREATE TABLE reconcile_mismatches (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES reconcile_runs (id),
        kind TEXT NOT NULL CHECK (kind IN ('terminal_only', 'hub_only', 'amount_differs')),
        setl_id TEXT NOT NULL,
        mdtrt_id TEXT NOT NULL,
        psn_no TEXT NOT NULL,
        msgid TEXT NOT NULL,
        infno TEXT,
        record_id INTEGER,
        refd TEXT NOT NULL,
        memo TEXT NOT NULL,
        terminal_medfee_fen INTEGER,
        terminal_fund_fen INTEGER,
        terminal_acct_fen INTEGER,
        hub_medfee_fen INTEGER,
        hub_fund_fen INTEGER,
        hub_acct_fen INTEGER,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
        resolution TEXT CHECK (resolution IN ('reversed', 'acknowledged')),
        resolution_note TEXT,
        resolution_msgid TEXT,
        resolved_by TEXT,
        resolved_at TEXT,
        UNIQUE (run_id, setl_id)
      ) STRICT;
      CREATE INDEX reconcile_mismatches_open ON reconcile_mismatches (state, run_id);

      CREATE TABLE clearing_applications (
        id INTEGER PRIMARY KEY,
        setlym TEXT NOT NULL CHECK (length(setlym) = 6),
        clr_type TEXT NOT NULL,
        figures TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('applied', 'cancelled')),
        clr_appy_evt_id TEXT NOT NULL,
        msgid TEXT NOT NULL,
        applied_by TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        cancelled_by TEXT,
        cancelled_at TEXT,
        cancel_msgid TEXT
      ) STRICT;
      CREATE UNIQUE INDEX clearing_applications_open ON clearing_applications (setlym, clr_type) WHERE state = 'applied';
    `);
  },
};
