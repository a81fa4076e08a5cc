import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0501ShiftHandovers } from './0501-shift-handovers';

describe('migration 0501 shift-handovers', () => {
  it('keeps each hand-over with its window and refuses a window that ends before it starts', () => {
    const db = databaseBefore(terminalMigrations, 501);
    m0501ShiftHandovers.up(db);
    expect(tableColumns(db, 'shift_handovers')).toEqual(expect.arrayContaining(['operator', 'window_from', 'window_to', 'cash_fen', 'report']));
    const insert = db.prepare(`INSERT INTO shift_handovers (operator, window_from, window_to, cash_fen, settlements, refunds, report, handed_over_at) VALUES ('sy01', ?, ?, 0, 0, 0, '{}', 'now')`);
    insert.run('2026-11-23T00:00:00Z', '2026-11-23T08:00:00Z');
    expect(() => insert.run('2026-11-23T09:00:00Z', '2026-11-23T08:00:00Z')).toThrow(/CHECK/);
  });
});
