import type { Migration } from '@src/platform/db/migrate';

/** The configuration document and small key/value facts (e.g. msgid sequence state). */
export const m0001Config: Migration = {
  id: 1,
  name: 'config',
  up(db) {
    db.exec(`
      CREATE TABLE config (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_by TEXT
      ) STRICT;
    `);
  },
};
