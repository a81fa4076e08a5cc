// Who is signed in on which window, and the hub sign-in (9001/9002) that goes with it.
//
// A session belongs to one client (an Electron window or a browser-shell tab). The local sign-in
// always comes first and works offline; the hub sign-in is attempted right after and its failure
// is shown, not fatal: the counter can still work offline and signs in to the hub later.
import { AppError } from '@src/common/errors';
import type { Operator, SessionState } from '@src/contract/methods/session';
import type { AuditLog } from '@src/audit/audit-log';
import type { OperatorAccounts, LockoutPolicy } from './operator-accounts';
import { logger } from '@src/platform/logger';

const log = logger('sessions');

/** The hub side of signing in; provided by the hub client (9001/9002). */
export interface HubSignIn {
  signIn(operator: Operator): Promise<{ signNo: string }>;
  signOut(operator: Operator, signNo: string): Promise<void>;
}

export interface OperatorSession {
  clientId: string;
  operator: Operator;
  signedInAt: Date;
  locked: boolean;
  signNo?: string;
  hubSignInProblem?: string;
}

export interface SessionPolicy extends LockoutPolicy {
  idleLockMinutes: number;
}

export class OperatorSessions {
  private readonly sessions = new Map<string, OperatorSession>();
  private hub: HubSignIn | undefined;

  constructor(
    private readonly accounts: OperatorAccounts,
    private readonly audit: AuditLog,
    private readonly policy: () => SessionPolicy,
    private readonly onChange: (clientId: string, state: SessionState) => void = () => {},
  ) {}

  /** Connects the hub sign-in once the hub client exists. */
  setHubSignIn(hub: HubSignIn): void {
    this.hub = hub;
  }

  get(clientId: string): OperatorSession | undefined {
    return this.sessions.get(clientId);
  }

  all(): OperatorSession[] {
    return [...this.sessions.values()];
  }

  state(clientId: string): SessionState {
    const s = this.sessions.get(clientId);
    const idleLockMinutes = this.policy().idleLockMinutes;
    if (!s) return { signedIn: false, locked: false, hubSignedIn: false, idleLockMinutes };
    return {
      signedIn: true,
      locked: s.locked,
      operator: s.operator,
      hubSignedIn: s.signNo !== undefined,
      ...(s.hubSignInProblem ? { hubSignInProblem: s.hubSignInProblem } : {}),
      idleLockMinutes,
    };
  }

  async login(clientId: string, username: string, password: string): Promise<SessionState> {
    const existing = this.sessions.get(clientId);
    if (existing) await this.logout(clientId);
    const operator = await this.accounts.authenticate(username, password, this.policy());
    const session: OperatorSession = { clientId, operator, signedInAt: new Date(), locked: false };
    this.sessions.set(clientId, session);
    this.audit.append({ action: 'operator.signIn', operator: operator.username, details: { role: operator.role } });
    await this.hubSignIn(session);
    return this.state(clientId);
  }

  /** Tries the hub sign-in again (after the hub came back). */
  async hubSignIn(session: OperatorSession): Promise<void> {
    if (!this.hub) {
      session.hubSignInProblem = '医保中心客户端尚未配置，暂以离线方式登录';
      return;
    }
    try {
      const { signNo } = await this.hub.signIn(session.operator);
      session.signNo = signNo;
      delete session.hubSignInProblem;
    } catch (e) {
      session.hubSignInProblem = e instanceof AppError ? e.message : '医保中心签到失败';
      log.warn({ err: e, operator: session.operator.username }, 'hub sign-in (9001) failed; continuing signed in locally');
    }
    this.onChange(session.clientId, this.state(session.clientId));
  }

  async logout(clientId: string): Promise<void> {
    const s = this.sessions.get(clientId);
    if (!s) return;
    this.sessions.delete(clientId);
    if (s.signNo && this.hub) {
      try {
        await this.hub.signOut(s.operator, s.signNo);
      } catch (e) {
        log.warn({ err: e, operator: s.operator.username }, 'hub sign-out (9002) failed');
      }
    }
    this.audit.append({ action: 'operator.signOut', operator: s.operator.username });
    this.onChange(clientId, this.state(clientId));
  }

  lock(clientId: string): void {
    const s = this.sessions.get(clientId);
    if (!s || s.locked) return;
    s.locked = true;
    this.onChange(clientId, this.state(clientId));
  }

  async unlock(clientId: string, password: string): Promise<SessionState> {
    const s = this.sessions.get(clientId);
    if (!s) throw new AppError({ code: 'AUTH_NOT_SIGNED_IN', message: '尚未登录', hint: '请先登录。' });
    if (!(await this.accounts.checkPassword(s.operator.id, password))) {
      throw new AppError({ code: 'AUTH_BAD_CREDENTIALS', message: '密码不正确', hint: `请输入 ${s.operator.displayName}（${s.operator.username}）的密码；如需换人，请点“退出登录”。` });
    }
    s.locked = false;
    this.onChange(clientId, this.state(clientId));
    return this.state(clientId);
  }

  /** Signs everyone out (host shutdown). */
  async closeAll(): Promise<void> {
    for (const clientId of [...this.sessions.keys()]) await this.logout(clientId);
  }
}
