import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '@src/audit/audit-log';
import { terminalMigrations } from '@src/database/terminal-db';
import { applyMigrations } from '@src/platform/db/migrate';
import { OperatorAccounts } from './operator-accounts';

const policy = { maxFailedLogins: 3, lockoutMinutes: 15 };

describe('operator accounts', () => {
  let now: Date;
  let accounts: OperatorAccounts;
  let audit: AuditLog;
  let db: Database.Database;
  beforeEach(async () => {
    db = new Database(':memory:');
    applyMigrations(db, terminalMigrations);
    now = new Date('2026-11-23T08:00:00Z');
    audit = new AuditLog(db, () => 'T01', () => now);
    accounts = new OperatorAccounts(db, audit, () => now);
    await accounts.create({ username: 'sy01', displayName: '王小红', role: 'cashier', password: 'correct-horse' }, 'it01');
  });

  it('store passwords only as scrypt hashes', () => {
    const row = db.prepare('SELECT password_hash FROM operators').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain('correct-horse');
  });

  it('sign in with the right password (user name case-insensitive)', async () => {
    await expect(accounts.authenticate('SY01', 'correct-horse', policy)).resolves.toMatchObject({ username: 'sy01', role: 'cashier' });
  });

  it('refuse a wrong password, say how many tries are left, and lock after the limit', async () => {
    await expect(accounts.authenticate('sy01', 'nope', policy)).rejects.toMatchObject({ code: 'AUTH_BAD_CREDENTIALS', hint: expect.stringContaining('再错 2 次') });
    await expect(accounts.authenticate('sy01', 'nope', policy)).rejects.toMatchObject({ code: 'AUTH_BAD_CREDENTIALS' });
    await expect(accounts.authenticate('sy01', 'nope', policy)).rejects.toMatchObject({ code: 'AUTH_LOCKED_OUT', message: expect.stringContaining('锁定 15 分钟') });
    // Even the right password is refused while locked…
    await expect(accounts.authenticate('sy01', 'correct-horse', policy)).rejects.toMatchObject({ code: 'AUTH_LOCKED_OUT' });
    // …until the lock expires.
    now = new Date(now.getTime() + 16 * 60_000);
    await expect(accounts.authenticate('sy01', 'correct-horse', policy)).resolves.toMatchObject({ username: 'sy01' });
  });

  it('let an IT admin unlock early, with an audit entry', async () => {
    for (let i = 0; i < 3; i++) await accounts.authenticate('sy01', 'nope', policy).catch(() => {});
    accounts.unlock(accounts.list()[0]!.id, 'it01');
    await expect(accounts.authenticate('sy01', 'correct-horse', policy)).resolves.toBeTruthy();
    expect(audit.list().map((e) => e.action)).toContain('operator.unlocked');
  });

  it('give the same answer for an unknown user as for a wrong password', async () => {
    await expect(accounts.authenticate('ghost', 'x', policy)).rejects.toMatchObject({ code: 'AUTH_BAD_CREDENTIALS', message: '工号或密码不正确' });
  });

  it('refuse a disabled account and never disable the last IT admin', async () => {
    const admin = await accounts.create({ username: 'it01', displayName: '赵工', role: 'it_admin', password: 'admin-pass' }, 'seed');
    accounts.setDisabled(accounts.list().find((o) => o.username === 'sy01')!.id, true, 'it01');
    await expect(accounts.authenticate('sy01', 'correct-horse', policy)).rejects.toMatchObject({ code: 'AUTH_DISABLED' });
    expect(() => accounts.setDisabled(admin.id, true, 'it01')).toThrow(/最后一个/);
  });

  it('refuse a duplicate user name', async () => {
    await expect(accounts.create({ username: 'SY01', displayName: 'x', role: 'cashier', password: '12345678' }, 'it01')).rejects.toMatchObject({ code: 'OPERATOR_EXISTS' });
  });
});
