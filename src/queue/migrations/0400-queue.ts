import type { Migration } from '@src/platform/db/migrate';

/**
 * The offline queue (store-and-forward, docs/offline.md).
 *
 * queue_items: one row per piece of work for the hub. Patient data (the sealed `payload`, the
 * sealed step `progress` and the sealed `result`) is encrypted with the data key, bound to the
 * item's uid; readable columns are what the IT screen and the CLI need without the key: kind,
 * state, amounts in fen, msgids, the visit key (a local id) and the hub's reason.
 *  - msgids: JSON {infno: msgid}, reserved when the item is created (every retry is the same request).
 *  - visit_key + seq: items of one visit go in order; different visits are independent.
 *  - claimed_by/claim_expires_at: the drainer working on the item (per-item claim under the lease).
 *
 * queue_lease: the single drainer across processes (owner, expiry, heartbeat), taken in an
 * IMMEDIATE transaction.
 */
export const m0400Queue: Migration = {
  id: 400,
  name: 'offline-queue',
  up(db) {
    db.exec(`
      CREATE TABLE queue_items (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('outpatient_settlement', 'reversal', 'refund', 'inpatient_fees')),
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
      -- Claims walk the queued items in id order (oldest first) without sorting: (state, id).
      CREATE INDEX queue_items_open ON queue_items (state, id) WHERE state = 'queued';
      CREATE INDEX queue_items_visit ON queue_items (visit_key, seq);

      CREATE TABLE queue_lease (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        owner TEXT,
        acquired_at INTEGER,
        heartbeat_at INTEGER,
        expires_at INTEGER NOT NULL DEFAULT 0,
        generation INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO queue_lease (id, expires_at) VALUES (1, 0);
    `);
  },
};
