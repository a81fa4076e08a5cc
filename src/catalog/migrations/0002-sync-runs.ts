// catalog.db 2: sync runs, so an interrupted sync resumes (downloaded files are reused, staged
// files are not parsed again) or is rolled back cleanly, and the last run's outcome is on record.
//
// sync_run   one sync: what was asked, who runs it (owner_pid: a run whose process is gone was
//            interrupted), how it ended.
// sync_file  one catalogue file of a run: where it is on disk, how far it got, what it held
//            (rows, invalid rows with samples, duplicates, added/changed, the new version).
import type { Migration } from '@src/platform/db/migrate';

export const syncRunsMigration: Migration = {
  id: 2,
  name: 'sync-runs',
  up(db) {
    db.exec(`
      CREATE TABLE sync_run (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('running', 'applied', 'failed', 'cancelled', 'abandoned')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        owner_pid INTEGER,
        request TEXT NOT NULL,
        error TEXT,
        took_ms INTEGER
      ) STRICT;

      CREATE TABLE sync_file (
        run_id INTEGER NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
        infno TEXT NOT NULL,
        seq INTEGER NOT NULL,
        full INTEGER NOT NULL CHECK (full IN (0, 1)),
        from_version TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('planned', 'downloaded', 'staged', 'applied')),
        file_qury_no TEXT,
        announced_rows INTEGER,
        path TEXT,
        bytes INTEGER,
        sha256 TEXT,
        first_stage_id INTEGER,
        rows INTEGER NOT NULL DEFAULT 0,
        invalid INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        added INTEGER NOT NULL DEFAULT 0,
        changed INTEGER NOT NULL DEFAULT 0,
        to_version TEXT NOT NULL DEFAULT '',
        invalid_samples TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (run_id, infno)
      ) STRICT;
    `);
  },
};
