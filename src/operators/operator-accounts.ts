// Local operator accounts: creation, password checks with lockout, and IT administration.
//
// Lockout: after `maxFailedLogins` wrong passwords in a row the account is locked for
// `lockoutMinutes`; an IT admin may unlock it early. The message never says whether the user name
// exists, so the counter cannot be used to probe accounts.
import { AppError } from '@src/common/errors';
import type { Role } from '@src/contract/define';
import type { Operator } from '@src/contract/methods/session';
import type { OperatorRow } from '@src/contract/methods/operators';
import type { Db } from '@src/platform/db/open';
import { hashPassword, verifyPassword } from '@src/platform/crypto/password';
import type { AuditLog } from '@src/audit/audit-log';

interface DbRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
}

export interface LockoutPolicy {
  maxFailedLogins: number;
  lockoutMinutes: number;
}

const BAD_CREDENTIALS = () =>
  new AppError({ code: 'AUTH_BAD_CREDENTIALS', message: '工号或密码不正确', hint: '请核对后重新输入；连续输错多次账号将被临时锁定。' });

function toRow(r: DbRow): OperatorRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    disabled: r.disabled === 1,
    failedLogins: r.failed_logins,
    ...(r.locked_until ? { lockedUntil: r.locked_until } : {}),
    ...(r.last_login_at ? { lastLoginAt: r.last_login_at } : {}),
  };
}

function toOperator(r: DbRow): Operator {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role };
}

function minutesText(until: Date, now: Date): string {
  return String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000)));
}

export class OperatorAccounts {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
  }

  list(): OperatorRow[] {
    return (this.db.prepare('SELECT * FROM operators ORDER BY role, username').all() as DbRow[]).map(toRow);
  }

  byId(id: number): OperatorRow {
    return toRow(this.row(id));
  }

  private row(id: number): DbRow {
    const r = this.db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as DbRow | undefined;
    if (!r) throw new AppError({ code: 'OPERATOR_NOT_FOUND', message: '找不到该操作员', hint: '请刷新列表后重试。' });
    return r;
  }

  async create(input: { username: string; displayName: string; role: Role; password: string }, by: string): Promise<OperatorRow> {
    const exists = this.db.prepare('SELECT 1 FROM operators WHERE username = ?').get(input.username);
    if (exists) throw new AppError({ code: 'OPERATOR_EXISTS', message: `工号 ${input.username} 已存在`, hint: '请换一个工号。' });
    const hash = await hashPassword(input.password);
    const id = this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO operators (username, display_name, role, password_hash) VALUES (?, ?, ?, ?)')
        .run(input.username, input.displayName, input.role, hash);
      this.audit.append({ action: 'operator.created', operator: by, subject: input.username, details: { role: input.role } });
      return Number(info.lastInsertRowid);
    })();
    return this.byId(id);
  }

  /** Checks a password; applies and reports the lockout. */
  async authenticate(username: string, password: string, policy: LockoutPolicy): Promise<Operator> {
    const r = this.db.prepare('SELECT * FROM operators WHERE username = ?').get(username.trim()) as DbRow | undefined;
    const now = this.now();
    if (!r) {
      // Spend the same time as a real check so timing does not reveal which names exist.
      await verifyPassword(password, 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      this.audit.append({ action: 'operator.signInFailed', subject: username.slice(0, 30), details: { reason: 'unknown user' } });
      throw BAD_CREDENTIALS();
    }
    if (r.disabled) {
      throw new AppError({ code: 'AUTH_DISABLED', message: '该账号已停用', hint: '请联系信息科（IT）启用账号。' });
    }
    if (r.locked_until && new Date(r.locked_until) > now) {
      throw new AppError({
        code: 'AUTH_LOCKED_OUT',
        message: `账号已被临时锁定，约 ${minutesText(new Date(r.locked_until), now)} 分钟后自动解锁`,
        hint: '如需立即使用，请联系信息科（IT）解锁。',
      });
    }
    const ok = await verifyPassword(password, r.password_hash);
    if (!ok) {
      const failed = r.failed_logins + 1;
      const lock = failed >= policy.maxFailedLogins;
      const lockedUntil = lock ? new Date(now.getTime() + policy.lockoutMinutes * 60000).toISOString() : null;
      this.db.transaction(() => {
        this.db.prepare('UPDATE operators SET failed_logins = ?, locked_until = ? WHERE id = ?').run(lock ? 0 : failed, lockedUntil, r.id);
        this.audit.append({ action: lock ? 'operator.locked' : 'operator.signInFailed', subject: r.username, details: { failedLogins: failed } });
      })();
      if (lock) {
        throw new AppError({
          code: 'AUTH_LOCKED_OUT',
          message: `密码连续错误 ${failed} 次，账号已锁定 ${policy.lockoutMinutes} 分钟`,
          hint: '如需立即使用，请联系信息科（IT）解锁。',
        });
      }
      const left = policy.maxFailedLogins - failed;
      const e = BAD_CREDENTIALS();
      throw new AppError({ code: e.code, message: e.message, hint: `请核对后重新输入；再错 ${left} 次账号将被锁定。` });
    }
    this.db.prepare('UPDATE operators SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(now.toISOString(), r.id);
    return toOperator(r);
  }

  /** Re-checks the password of an operator already known (unlock, change password); no lockout bookkeeping beyond counting. */
  async checkPassword(id: number, password: string): Promise<boolean> {
    return verifyPassword(password, this.row(id).password_hash);
  }

  async resetPassword(id: number, password: string, by: string): Promise<void> {
    const r = this.row(id);
    const hash = await hashPassword(password);
    this.db.transaction(() => {
      this.db.prepare('UPDATE operators SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?').run(hash, id);
      this.audit.append({ action: 'operator.passwordReset', operator: by, subject: r.username });
    })();
  }

  async changeOwnPassword(id: number, current: string, next: string): Promise<void> {
    const r = this.row(id);
    if (!(await verifyPassword(current, r.password_hash))) throw new AppError({ code: 'AUTH_BAD_CREDENTIALS', message: '当前密码不正确', hint: '请重新输入当前密码。' });
    const hash = await hashPassword(next);
    this.db.transaction(() => {
      this.db.prepare('UPDATE operators SET password_hash = ? WHERE id = ?').run(hash, id);
      this.audit.append({ action: 'operator.passwordChanged', operator: r.username, subject: r.username });
    })();
  }

  unlock(id: number, by: string): void {
    const r = this.row(id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE operators SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(id);
      this.audit.append({ action: 'operator.unlocked', operator: by, subject: r.username });
    })();
  }

  setDisabled(id: number, disabled: boolean, by: string): void {
    const r = this.row(id);
    if (disabled && r.role === 'it_admin') {
      const admins = (this.db.prepare("SELECT count(*) AS n FROM operators WHERE role = 'it_admin' AND disabled = 0").get() as { n: number }).n;
      if (admins <= 1) throw new AppError({ code: 'OPERATOR_LAST_ADMIN', message: '不能停用最后一个信息科（IT）管理员账号', hint: '请先创建另一个管理员账号。' });
    }
    this.db.transaction(() => {
      this.db.prepare('UPDATE operators SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
      this.audit.append({ action: disabled ? 'operator.disabled' : 'operator.enabled', operator: by, subject: r.username });
    })();
  }
}
