import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0500Reconciliation } from './0500-reconciliation';

describe('migration 0500 reconciliation', () => {
  it('creates runs, groups, mismatches with known kinds only, and one open clearing per month and type', () => {
    const db = databaseBefore(terminalMigrations, 500);
    m0500Reconciliation.up(db);
    expect(tableColumns(db, 'reconcile_mismatches')).toEqual(expect.arrayContaining(['kind', 'msgid', 'state', 'resolution', 'resolved_by']));
    db.prepare(`INSERT INTO reconcile_runs (id, begndate, enddate, started_at, operator, state) VALUES (1, '2026-11-23', '2026-11-23', 'now', 'it01', 'running')`).run();
    const insert = db.prepare(`INSERT INTO reconcile_mismatches (run_id, kind, setl_id, mdtrt_id, psn_no, msgid, refd, memo) VALUES (1, ?, ?, 'M', 'P', 'X', '0', '')`);
    insert.run('hub_only', 'S1');
    expect(() => insert.run('maybe', 'S2')).toThrow(/CHECK/);
    expect(() => insert.run('hub_only', 'S1')).toThrow(/UNIQUE/);
    const clearing = db.prepare(`INSERT INTO clearing_applications (setlym, clr_type, figures, state, clr_appy_evt_id, msgid, applied_by, applied_at) VALUES ('202611', '11', '{}', ?, 'E', 'M', 'it01', 'now')`);
    clearing.run('applied');
    expect(() => clearing.run('applied')).toThrow(/UNIQUE/);
    clearing.run('cancelled');
  });
});
