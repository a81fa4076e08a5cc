import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { m0001Config } from './0001-config';

describe('migration 0001 config', () => {
  it('creates the config key/value table with audit columns', () => {
    const db = databaseBefore(terminalMigrations, 1);
    m0001Config.up(db);
    expect(tableColumns(db, 'config')).toEqual(['key', 'value', 'updated_at', 'updated_by']);
    db.prepare("INSERT INTO config (key, value) VALUES ('terminal', '{}')").run();
    expect(() => db.prepare("INSERT INTO config (key, value) VALUES ('terminal', '{}')").run()).toThrow(/UNIQUE/);
  });
});
