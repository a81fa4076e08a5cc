import { describe, expect, it } from 'vitest';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { syncRunsMigration } from './0002-sync-runs';
import { catalogDbMigrations } from '.';

describe('catalog.db migration 2: sync runs', () => {
  it('records runs and their files, one file per catalogue per run', () => {
    const db = databaseBefore(catalogDbMigrations, 2);
    syncRunsMigration.up(db);
    expect(tableColumns(db, 'sync_run')).toContain('owner_pid');
    expect(tableColumns(db, 'sync_file')).toEqual(expect.arrayContaining(['first_stage_id', 'invalid_samples', 'to_version', 'sha256']));
    db.prepare("INSERT INTO sync_run (id, state, started_at, request) VALUES (1, 'running', 'now', '{}')").run();
    const file = db.prepare("INSERT INTO sync_file (run_id, infno, seq, full, from_version, state) VALUES (1, ?, 0, 1, '', 'planned')");
    file.run('1301');
    expect(() => file.run('1301')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO sync_run (state, started_at, request) VALUES ('sleeping', 'now', '{}')").run()).toThrow(/CHECK/);
  });
});
