import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0400Queue } from './0400-queue';

describe('migration 0400 offline-queue', () => {
  it('creates the items table with one place per (visit, seq) and the single-row lease', () => {
    const db = databaseBefore(terminalMigrations, 400);
    m0400Queue.up(db);
    expect(tableColumns(db, 'queue_items')).toContain('msgids');
    expect(db.prepare('SELECT id, owner, expires_at FROM queue_lease').all()).toEqual([{ id: 1, owner: null, expires_at: 0 }]);
    const insert = db.prepare(`INSERT INTO queue_items (uid, kind, visit_key, seq, state, payload, msgids, operator, created_at, updated_at) VALUES (?, 'refund', 'v1', ?, 'queued', 'x', '{}', 'sy01', 'now', 'now')`);
    insert.run('a', 1);
    expect(() => insert.run('b', 1)).toThrow(/UNIQUE/);
    expect(() => db.prepare('INSERT INTO queue_lease (id) VALUES (2)').run()).toThrow(/CHECK/);
  });
});
