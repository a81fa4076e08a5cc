import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0450Offline } from './0450-offline';

describe('migration 0450 offline-settlement', () => {
  it('creates the policy, area parameters, offline settlements and the 差额 list', () => {
    const db = databaseBefore(terminalMigrations, 450);
    m0450Offline.up(db);
    expect(tableColumns(db, 'offline_settlements')).toEqual(expect.arrayContaining(['queue_no', 'patient', 'estimate_psn_fen', 'collected_fen', 'actual_cash_fen']));
    expect(tableColumns(db, 'offline_differences')).toEqual(expect.arrayContaining(['kind', 'amount_fen', 'state', 'receipt_no']));
    const insert = db.prepare("INSERT INTO offline_area_params VALUES ('320500', '310', '苏州', 0, ?, 0, 0, 'test')");
    expect(() => insert.run(10_001)).toThrow(/CHECK/);
  });
});
