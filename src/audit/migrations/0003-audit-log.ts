import type { Migration } from '@src/platform/db/migrate';

/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained (each row's
 * hash covers the previous row's hash), so edits made behind the application's back are detected
 * by `yikatong audit verify`.
 */
export const m0003AuditLog: Migration = {
  id: 3,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        operator TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_action ON audit_log(action, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
