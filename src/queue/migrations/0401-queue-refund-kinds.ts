import type { Migration } from '@src/platform/db/migrate';

/** The kinds queue_items may hold after this step (0400's plus pharmacy and inpatient refunds). */
const KINDS = "'outpatient_settlement', 'reversal', 'refund', 'inpatient_fees', 'pharmacy_refund', 'inpatient_cancel'";
const COLUMNS = 'id, uid, kind, visit_key, seq, state, payload, progress, result, msgids, amount_fen, operator, attempts, failures, next_attempt_at, claimed_by, claim_expires_at, last_error, created_at, updated_at, finished_at, resolved_by';

/**
 * Offline refunds of pharmacy (2103) and inpatient (2305) settlements: queue_items' kind CHECK
 * gains pharmacy_refund and inpatient_cancel. SQLite cannot alter a CHECK, so the table is rebuilt
 * with the same columns, rows and ids. Why this order: offline_settlements (0450) references
 * queue_items(id) with foreign keys on, and PRAGMA foreign_keys cannot change inside the
 * migration's transaction. Renaming the table would rewrite that reference; dropping it counts the
 * referencing rows as (deferred) violations, and re-inserting the same ids into the new
 * queue_items clears them before the commit.
 */
export const m0401QueueRefundKinds: Migration = {
  id: 401,
  name: 'queue-refund-kinds',
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE queue_items_0401 AS SELECT ${COLUMNS} FROM queue_items;
      DROP TABLE queue_items;
      CREATE TABLE queue_items (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN (${KINDS})),
        visit_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'done', 'dead', 'resolved')),
        payload TEXT NOT NULL,
        progress TEXT,
        result TEXT,
        msgids TEXT NOT NULL,
        amount_fen INTEGER NOT NULL DEFAULT 0,
        operator TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        claimed_by TEXT,
        claim_expires_at INTEGER,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        resolved_by TEXT,
        UNIQUE (visit_key, seq)
      ) STRICT;
      INSERT INTO queue_items (${COLUMNS}) SELECT ${COLUMNS} FROM temp.queue_items_0401 ORDER BY id;
      DROP TABLE temp.queue_items_0401;
      CREATE INDEX queue_items_open ON queue_items (state, id) WHERE state = 'queued';
      CREATE INDEX queue_items_visit ON queue_items (visit_key, seq);
    `);
  },
};
