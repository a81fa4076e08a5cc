import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0002Operators } from './0002-operators';

describe('migration 0002 operators', () => {
  it('creates operators with unique case-insensitive user names and only known roles', () => {
    const db = databaseBefore(terminalMigrations, 2);
    m0002Operators.up(db);
    expect(tableColumns(db, 'operators')).toContain('locked_until');
    const insert = db.prepare('INSERT INTO operators (username, display_name, role, password_hash) VALUES (?, ?, ?, ?)');
    insert.run('sy01', '王小红', 'cashier', 'x');
    expect(() => insert.run('SY01', '另一个', 'cashier', 'x')).toThrow(/UNIQUE/);
    expect(() => insert.run('boss', '老板', 'owner', 'x')).toThrow(/CHECK/);
  });
});
