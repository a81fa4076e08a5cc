import { describe, expect, it } from 'vitest';
import { databaseBefore, tableColumns } from '../../../../../test/helpers/migration-test';
import { hubMigrations } from '.';
import { m0001HubState } from './0001-hub-state';

describe('training hub migration 0001', () => {
  it('creates the hub state, with an append-only ledger', () => {
    const db = databaseBefore(hubMigrations, 1);
    m0001HubState.up(db);
    expect(tableColumns(db, 'settlements')).toContain('msgid');
    expect(tableColumns(db, 'messages')).toContain('response');
    db.prepare("INSERT INTO ledger (at, event, infno, msgid) VALUES ('t', 'settle', '2207', 'm')").run();
    expect(() => db.prepare("UPDATE ledger SET msgid = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger').run()).toThrow(/append-only/);
    db.prepare("INSERT INTO meta (key, value) VALUES ('resetting', '1')").run();
    expect(db.prepare('DELETE FROM ledger').run().changes).toBe(1);
  });
});
