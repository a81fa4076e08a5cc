import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0100HubMsgid } from './0100-hub-msgid';

describe('migration 0100 hub-msgid', () => {
  it('creates the single-row allocator state, starting before any real stamp', () => {
    const db = databaseBefore(terminalMigrations, 100);
    m0100HubMsgid.up(db);
    expect(tableColumns(db, 'hub_msgid_state')).toEqual(['id', 'last_stamp', 'last_counter', 'allocated']);
    expect(db.prepare('SELECT last_stamp, last_counter FROM hub_msgid_state').get()).toEqual({ last_stamp: '00000000000000', last_counter: 0 });
    expect(() => db.prepare("INSERT INTO hub_msgid_state (id, last_stamp, last_counter) VALUES (2, '20240101000000', 0)").run()).toThrow(/CHECK/);
  });
});
