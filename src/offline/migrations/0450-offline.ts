import type { Migration } from '@src/platform/db/migrate';

/**
 * Offline settlement (延时结算, docs/offline.md).
 *
 * offline_policy: the IT admin's settings (enabled, what is collected now, limits) as one JSON row.
 * offline_area_params: per insured area and insutype, what the estimate uses (deductible in fen,
 *   pool ratio ×10⁴ by institution level); in training mode seeded from the training hub's policies.
 * offline_settlements: each visit served offline — patient sealed (data key), the estimate, what
 *   was collected, and after forwarding what the hub settled.
 * offline_differences: the 差额 list — refund due (collected more than the real cash share) or
 *   amount to collect, worked through by the cashier with a receipt each.
 */
export const m0450Offline: Migration = {
  id: 450,
  name: 'offline-settlement',
  up(db) {
    db.exec(`
      CREATE TABLE offline_policy (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        policy TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE offline_area_params (
        admdvs TEXT NOT NULL,
        insutype TEXT NOT NULL,
        name TEXT NOT NULL,
        deductible_fen INTEGER NOT NULL CHECK (deductible_fen >= 0),
        ratio_l1 INTEGER NOT NULL CHECK (ratio_l1 BETWEEN 0 AND 10000),
        ratio_l2 INTEGER NOT NULL CHECK (ratio_l2 BETWEEN 0 AND 10000),
        ratio_l3 INTEGER NOT NULL CHECK (ratio_l3 BETWEEN 0 AND 10000),
        source TEXT NOT NULL,
        PRIMARY KEY (admdvs, insutype)
      ) STRICT;

      CREATE TABLE offline_settlements (
        id INTEGER PRIMARY KEY,
        queue_no TEXT NOT NULL UNIQUE,
        queue_item_id INTEGER NOT NULL UNIQUE REFERENCES queue_items (id),
        state TEXT NOT NULL CHECK (state IN ('pending', 'settled')),
        patient TEXT NOT NULL,
        id_masked TEXT NOT NULL,
        insutype TEXT NOT NULL,
        insured_area TEXT,
        medfee_fen INTEGER NOT NULL,
        estimate_fund_fen INTEGER NOT NULL,
        estimate_psn_fen INTEGER NOT NULL,
        collect_rule TEXT NOT NULL CHECK (collect_rule IN ('full', 'estimated_share')),
        collected_fen INTEGER NOT NULL,
        actual_fund_fen INTEGER,
        actual_acct_fen INTEGER,
        actual_cash_fen INTEGER,
        setl_id TEXT,
        operator TEXT NOT NULL,
        created_at TEXT NOT NULL,
        settled_at TEXT
      ) STRICT;
      CREATE INDEX offline_settlements_state ON offline_settlements (state);

      CREATE TABLE offline_differences (
        id INTEGER PRIMARY KEY,
        offline_id INTEGER NOT NULL UNIQUE REFERENCES offline_settlements (id),
        kind TEXT NOT NULL CHECK (kind IN ('refund', 'collect')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
        receipt_no TEXT UNIQUE,
        closed_by TEXT,
        closed_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX offline_differences_open ON offline_differences (state);
    `);
  },
};
