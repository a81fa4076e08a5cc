import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0300Settlement } from './0300-settlement';

describe('migration 0300 settlement', () => {
  it('creates records with sealed patient columns only, unique msgid, and the pending-reversal hook', () => {
    const db = databaseBefore(terminalMigrations, 300);
    m0300Settlement.up(db);
    const cols = tableColumns(db, 'settlement_records');
    expect(cols).toEqual(expect.arrayContaining(['name_sealed', 'id_sealed', 'id_hash', 'figures_json', 'refund_reason']));
    expect(cols).not.toContain('name');
    expect(tableColumns(db, 'settlement_pending_reversals')).toEqual(expect.arrayContaining(['journal_id', 'omsgid', 'oinfno', 'state', 'attempts']));
    const insert = db.prepare(
      `INSERT INTO settlement_records (kind, state, msgid, mdtrt_id, psn_no, insutype, insuplc_admdvs, med_type, cross_province, name_sealed, id_sealed, id_hash, name_hash, id_masked, operator, operator_name, settled_at, settled_day)
       VALUES ('outpatient', ?, 'M1', 'D', 'P', '310', '320500', '11', 1, 's', 's', 'h', 'h', 'm', 'sy01', 'x', 'now', '2026-01-01')`,
    );
    insert.run('settled');
    expect(() => insert.run('settled')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE settlement_records SET state = 'maybe'").run()).toThrow(/CHECK/);
  });
});
