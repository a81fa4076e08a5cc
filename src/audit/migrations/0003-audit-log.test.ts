import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { databaseBefore } from '../../../test/helpers/migration-test';
import { m0003AuditLog } from './0003-audit-log';

describe('migration 0003 audit log', () => {
  it('creates an append-only table: updates and deletes are refused by the database itself', () => {
    const db = databaseBefore(terminalMigrations, 3);
    m0003AuditLog.up(db);
    db.prepare("INSERT INTO audit_log (seq, at, terminal_id, action, details, prev_hash, hash) VALUES (1, 'now', 'T01', 'x', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
