import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0101HubJournal } from './0101-hub-journal';

describe('migration 0101 hub-journal', () => {
  it('creates the journal with unique msgids, known states only, and the resolution log', () => {
    const db = databaseBefore(terminalMigrations, 101);
    m0101HubJournal.up(db);
    expect(tableColumns(db, 'hub_journal')).toEqual(expect.arrayContaining(['msgid', 'infno', 'context', 'input_digest', 'request', 'state', 'deadline_at', 'resolution']));
    expect(tableColumns(db, 'hub_journal_resolution')).toEqual(expect.arrayContaining(['journal_id', 'method', 'result', 'msgid']));
    const insert = db.prepare(`INSERT INTO hub_journal (msgid, infno, input_digest, request, state, created_at, deadline_at) VALUES (?, '2207', ?, 'v1.sealed', ?, 'now', 'later')`);
    const msgid = 'H31010100001202403010830050007';
    insert.run(msgid, 'a'.repeat(64), 'pending');
    expect(() => insert.run(msgid, 'a'.repeat(64), 'pending')).toThrow(/UNIQUE/);
    expect(() => insert.run('H31010100001202403010830050008', 'a'.repeat(64), 'maybe')).toThrow(/CHECK/);
  });
});
