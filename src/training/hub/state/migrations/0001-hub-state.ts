// The training hub's state (training-hub.db, its own migration sequence starting at 1).
//
// Money columns are integer fen. JSON columns hold answers exactly as sent (so a repeated msgid
// replays the first answer byte for byte) or computation results the hub needs for cancellation.
import type { Migration } from '@src/platform/db/migrate';

export const m0001HubState: Migration = {
  id: 1,
  name: 'hub-state',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;

      -- Insured persons known to the platform (the training patients and any added by tests).
      CREATE TABLE persons (
        psn_no TEXT PRIMARY KEY,
        certno TEXT NOT NULL UNIQUE,
        psn_cert_type TEXT NOT NULL DEFAULT '01',
        psn_name TEXT NOT NULL,
        gend TEXT NOT NULL,
        naty TEXT NOT NULL,
        brdy TEXT NOT NULL,
        insuplc_admdvs TEXT NOT NULL,
        insutype TEXT NOT NULL,
        psn_type TEXT NOT NULL,
        retired INTEGER NOT NULL,
        cvlserv_flag TEXT NOT NULL DEFAULT '0',
        emp_name TEXT NOT NULL DEFAULT '',
        psn_insu_date TEXT NOT NULL,
        card_no TEXT UNIQUE,
        card_sn TEXT,
        ec_payload TEXT UNIQUE,
        account_balance_fen INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- 跨省异地就医备案
      CREATE TABLE filings (
        id INTEGER PRIMARY KEY,
        psn_no TEXT NOT NULL REFERENCES persons(psn_no),
        kind TEXT NOT NULL,
        begndate TEXT NOT NULL,
        enddate TEXT,
        mdtrtarea_admdvs TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0,
        trt_dcla_detl_sn TEXT NOT NULL UNIQUE
      ) STRICT;

      -- 门诊慢特病备案, per disease
      CREATE TABLE chronic_filings (
        id INTEGER PRIMARY KEY,
        psn_no TEXT NOT NULL REFERENCES persons(psn_no),
        disease TEXT NOT NULL,
        opsp_dise_code TEXT NOT NULL,
        opsp_dise_name TEXT NOT NULL,
        begndate TEXT NOT NULL,
        enddate TEXT
      ) STRICT;

      CREATE TABLE ec_tokens (
        token TEXT PRIMARY KEY,
        psn_no TEXT NOT NULL REFERENCES persons(psn_no),
        issued_at_ms INTEGER NOT NULL,
        expires_at_ms INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sign_ins (
        sign_no TEXT PRIMARY KEY,
        fixmedins_code TEXT NOT NULL,
        opter_no TEXT NOT NULL,
        sign_time TEXT NOT NULL,
        signed_out_at TEXT
      ) STRICT;

      -- 就诊: outpatient registrations, admissions, pharmacy purchases.
      CREATE TABLE visits (
        mdtrt_id TEXT PRIMARY KEY,
        psn_no TEXT NOT NULL REFERENCES persons(psn_no),
        fixmedins_code TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('outpatient', 'inpatient', 'pharmacy')),
        insutype TEXT NOT NULL,
        med_type TEXT NOT NULL,
        begntime TEXT NOT NULL,
        endtime TEXT,
        ipt_otp_no TEXT NOT NULL,
        dise_codg TEXT,
        chronic_disease TEXT,
        state TEXT NOT NULL CHECK (state IN ('open', 'discharged', 'cancelled')),
        msgid TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX visits_psn ON visits (psn_no);

      -- Uploaded fee lines with their split (2204/2301; pharmacy lines arrive with 2102).
      CREATE TABLE fee_lines (
        mdtrt_id TEXT NOT NULL REFERENCES visits(mdtrt_id),
        feedetl_sn TEXT NOT NULL,
        chrg_bchno TEXT NOT NULL DEFAULT '',
        med_list_codg TEXT NOT NULL,
        price INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        hosp_appr_flag TEXT,
        split TEXT NOT NULL,
        setl_id TEXT,
        msgid TEXT NOT NULL,
        PRIMARY KEY (mdtrt_id, feedetl_sn)
      ) STRICT;

      -- Settlements and their cancellations (a cancellation is its own row, negative amounts).
      CREATE TABLE settlements (
        setl_id TEXT PRIMARY KEY,
        mdtrt_id TEXT NOT NULL,
        psn_no TEXT NOT NULL,
        fixmedins_code TEXT NOT NULL,
        infno TEXT NOT NULL,
        msgid TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('settle', 'cancel')),
        -- for a cancellation: the settlement it cancels; for a settlement: its cancellation, if any
        ref_setl_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('settled', 'cancelled', 'reversed')),
        insutype TEXT NOT NULL,
        clr_type TEXT NOT NULL,
        med_type TEXT NOT NULL,
        mid_setl_flag TEXT NOT NULL DEFAULT '0',
        setl_time TEXT NOT NULL,
        setl_date TEXT NOT NULL,
        year INTEGER NOT NULL,
        medfee_fen INTEGER NOT NULL,
        fund_fen INTEGER NOT NULL,
        acct_fen INTEGER NOT NULL,
        cash_fen INTEGER NOT NULL,
        -- the setlinfo/setldetail answered, and the accumulators it moved (JSON)
        result TEXT NOT NULL,
        usage TEXT NOT NULL,
        -- reconciliation disagreements injected by /admin (issue 9 drills)
        stmt_hidden INTEGER NOT NULL DEFAULT 0,
        stmt_medfee_delta_fen INTEGER NOT NULL DEFAULT 0,
        injected TEXT
      ) STRICT;
      CREATE INDEX settlements_visit ON settlements (mdtrt_id);
      CREATE INDEX settlements_msgid ON settlements (msgid);
      CREATE INDEX settlements_date ON settlements (fixmedins_code, setl_date);

      -- Yearly accumulators: deductible met and fund paid, by scope (outpatient, inpatient,
      -- admission:<mdtrt_id>, chronic:<disease>, big).
      CREATE TABLE accumulators (
        psn_no TEXT NOT NULL,
        year INTEGER NOT NULL,
        scope TEXT NOT NULL,
        deductible_fen INTEGER NOT NULL DEFAULT 0,
        paid_fen INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (psn_no, year, scope)
      ) STRICT;

      -- Every settlement, cancellation and reversal (append-only), for /admin/ledger.
      CREATE TABLE ledger (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        event TEXT NOT NULL CHECK (event IN ('settle', 'cancel', 'reversal', 'injected')),
        infno TEXT NOT NULL,
        msgid TEXT NOT NULL,
        setl_id TEXT,
        mdtrt_id TEXT,
        psn_no TEXT,
        medfee_fen INTEGER NOT NULL DEFAULT 0,
        fund_fen INTEGER NOT NULL DEFAULT 0,
        acct_fen INTEGER NOT NULL DEFAULT 0,
        cash_fen INTEGER NOT NULL DEFAULT 0,
        omsgid TEXT,
        oinfno TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
      CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger WHEN (SELECT value FROM meta WHERE key = 'resetting') IS NULL
        BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;

      -- Every message answered, by msgid: a repeated msgid gets the first answer.
      CREATE TABLE messages (
        msgid TEXT PRIMARY KEY,
        infno TEXT NOT NULL,
        fixmedins_code TEXT NOT NULL,
        input_digest TEXT NOT NULL,
        infcode INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        response TEXT NOT NULL,
        -- what a 2601 may undo: JSON describing the effect ('settle', 'cancel', 'register', …)
        effect TEXT,
        reversed_by TEXT
      ) STRICT;

      -- msgids reversed by 2601 before the hub ever saw them: a late arrival is refused.
      CREATE TABLE reversed_unknown (omsgid TEXT PRIMARY KEY, oinfno TEXT NOT NULL, reversal_msgid TEXT NOT NULL, at TEXT NOT NULL) STRICT;

      -- Files for 9102: catalogue downloads (described, generated on download), uploads (9101), 3202 results.
      CREATE TABLE files (
        file_qury_no TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('catalog', 'upload', 'stmt')),
        fixmedins_code TEXT NOT NULL,
        filename TEXT NOT NULL,
        infno TEXT,
        ver TEXT,
        content BLOB,
        created_at TEXT NOT NULL,
        dld_endtime TEXT NOT NULL
      ) STRICT;

      -- 3203 清算申请
      CREATE TABLE clearings (
        clr_appy_evt_id TEXT PRIMARY KEY,
        fixmedins_code TEXT NOT NULL,
        clr_type TEXT NOT NULL,
        setlym TEXT NOT NULL,
        fund_appy_fen INTEGER NOT NULL,
        medfee_fen INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('applied', 'cancelled')),
        msgid TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
