import type { Migration } from '@src/platform/db/migrate';

/**
 * The hub journal: every call with side effects, written before it is sent and updated with its
 * outcome; and every attempt to resolve an unknown outcome.
 *
 * request/response hold the envelope and the answer sealed with the data key (SealedBox,
 * src/platform/crypto: they contain names, ID numbers, card numbers and tokens); psn_no, mdtrt_id, setl_id and insuplc_admdvs stay readable because reversal (2601) and
 * query (5203) need only them, so an unknown outcome can be resolved even if the key file were lost.
 */
export const m0101HubJournal: Migration = {
  id: 101,
  name: 'hub-journal',
  up(db) {
    db.exec(`
      CREATE TABLE hub_journal (
        id INTEGER PRIMARY KEY,
        msgid TEXT NOT NULL UNIQUE CHECK (length(msgid) = 30),
        infno TEXT NOT NULL,
        context TEXT,
        input_digest TEXT NOT NULL CHECK (length(input_digest) = 64),
        request TEXT NOT NULL,
        psn_no TEXT,
        mdtrt_id TEXT,
        setl_id TEXT,
        insuplc_admdvs TEXT,
        operator TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'ok', 'rejected', 'not_sent', 'unknown')),
        created_at TEXT NOT NULL,
        deadline_at TEXT NOT NULL,
        finished_at TEXT,
        sends INTEGER NOT NULL DEFAULT 1,
        infcode INTEGER,
        inf_refmsgid TEXT,
        err_msg TEXT,
        failure TEXT,
        response TEXT,
        resolution TEXT CHECK (resolution IN ('confirmed', 'not_applied', 'reversed')),
        resolved_at TEXT,
        resolved_by TEXT
      ) STRICT;
      CREATE INDEX hub_journal_open ON hub_journal (state, deadline_at) WHERE resolution IS NULL;
      CREATE INDEX hub_journal_context ON hub_journal (context);

      CREATE TABLE hub_journal_resolution (
        id INTEGER PRIMARY KEY,
        journal_id INTEGER NOT NULL REFERENCES hub_journal (id),
        method TEXT NOT NULL CHECK (method IN ('query', 'reverse', 'resend', 'manual')),
        attempted_at TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('confirmed', 'not_applied', 'reversed', 'still_unknown', 'failed')),
        msgid TEXT,
        detail TEXT,
        operator TEXT
      ) STRICT;
      CREATE INDEX hub_journal_resolution_entry ON hub_journal_resolution (journal_id);
    `);
  },
};
