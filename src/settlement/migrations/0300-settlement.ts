import type { Migration } from '@src/platform/db/migrate';

/**
 * Settlement tables (docs/settlement.md, "Data model"). Money columns are integer fen; patient
 * names and ID numbers are only stored sealed, with lookup hashes for search. JSON columns hold
 * integers only (figures, fund lines, line splits) and no patient identity.
 */
export const m0300Settlement: Migration = {
  id: 300,
  name: 'settlement',
  up(db) {
    db.exec(`
      CREATE TABLE settlement_visits (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('outpatient', 'pharmacy', 'inpatient')),
        state TEXT NOT NULL CHECK (state IN ('draft', 'registered', 'presettled', 'settling', 'settled', 'cancelled', 'discharged')),
        operator TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        psn_no TEXT NOT NULL,
        insutype TEXT NOT NULL,
        insuplc_admdvs TEXT NOT NULL,
        cross_province INTEGER NOT NULL DEFAULT 0,
        med_type TEXT NOT NULL,
        patient_sealed TEXT NOT NULL,
        id_hash TEXT NOT NULL,
        name_hash TEXT NOT NULL,
        id_masked TEXT NOT NULL,
        mdtrt_id TEXT,
        ipt_otp_no TEXT NOT NULL,
        begntime TEXT NOT NULL,
        batch INTEGER NOT NULL DEFAULT 0,
        params_json TEXT NOT NULL,
        lines_json TEXT NOT NULL DEFAULT '[]',
        presettle_json TEXT
      ) STRICT;

      CREATE TABLE settlement_records (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('outpatient', 'pharmacy', 'inpatient')),
        state TEXT NOT NULL CHECK (state IN ('settled', 'refunded', 'reversed', 'pendingReversal', 'unknown')),
        visit_id INTEGER REFERENCES settlement_visits(id),
        journal_id INTEGER,
        msgid TEXT NOT NULL,
        setl_id TEXT NOT NULL DEFAULT '',
        mdtrt_id TEXT NOT NULL,
        psn_no TEXT NOT NULL,
        insutype TEXT NOT NULL,
        insuplc_admdvs TEXT NOT NULL,
        med_type TEXT NOT NULL,
        cross_province INTEGER NOT NULL,
        mid_stay INTEGER NOT NULL DEFAULT 0,
        name_sealed TEXT NOT NULL,
        id_sealed TEXT NOT NULL,
        id_hash TEXT NOT NULL,
        name_hash TEXT NOT NULL,
        id_masked TEXT NOT NULL,
        figures_json TEXT,
        funds_json TEXT NOT NULL DEFAULT '[]',
        lines_json TEXT NOT NULL DEFAULT '[]',
        operator TEXT NOT NULL,
        operator_name TEXT NOT NULL,
        settled_at TEXT NOT NULL,
        settled_day TEXT NOT NULL,
        refund_setl_id TEXT,
        refund_msgid TEXT,
        refund_journal_id INTEGER,
        refund_at TEXT,
        refund_operator TEXT,
        refund_reason TEXT,
        refund_figures_json TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX settlement_records_day ON settlement_records(settled_day);
      CREATE INDEX settlement_records_id_hash ON settlement_records(id_hash);
      CREATE INDEX settlement_records_name_hash ON settlement_records(name_hash);
      CREATE INDEX settlement_records_setl_id ON settlement_records(setl_id);
      CREATE UNIQUE INDEX settlement_records_msgid ON settlement_records(msgid);

      CREATE TABLE settlement_stay_lines (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES settlement_visits(id),
        feedetl_sn TEXT NOT NULL,
        split_json TEXT NOT NULL,
        uploaded_at TEXT NOT NULL,
        cancelled INTEGER NOT NULL DEFAULT 0,
        settled_by INTEGER REFERENCES settlement_records(id),
        UNIQUE (visit_id, feedetl_sn)
      ) STRICT;

      CREATE TABLE settlement_pending_reversals (
        id INTEGER PRIMARY KEY,
        journal_id INTEGER NOT NULL UNIQUE,
        omsgid TEXT NOT NULL,
        oinfno TEXT NOT NULL,
        psn_no TEXT NOT NULL,
        insuplc_admdvs TEXT,
        settlement_id INTEGER REFERENCES settlement_records(id),
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'resolved', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        last_attempt_at TEXT,
        created_at TEXT NOT NULL,
        done_at TEXT
      ) STRICT;

      CREATE TABLE settlement_recovery_outcomes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        journal_id INTEGER NOT NULL,
        infno TEXT NOT NULL,
        msgid TEXT NOT NULL,
        settlement_id INTEGER,
        result TEXT NOT NULL,
        message TEXT NOT NULL,
        hint TEXT,
        acknowledged INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
