// The host's single entry point for bridge calls, used by both shells.
//
// Order of checks: known method → valid input → signed in → not locked → role → handler → output
// matches the contract. Every refusal is logged (with the client and method, never the payload's
// patient data) and answered with a Chinese message; unexpected failures become INTERNAL.
import { AppError, BridgeErrorCode, type SerializedError } from '@src/common/errors';
import { isMethodName, methods, type CallResult, type MethodName } from '@src/contract';
import { logger } from '@src/platform/logger';
import type { HandlerContext, HandlerTable } from './handler';
import type { Services } from './services';

const log = logger('bridge');

export interface ClientContext {
  clientId: string;
  shell: 'electron' | 'browser' | 'cli' | 'test';
}

function fail(error: SerializedError): CallResult<never> {
  return { ok: false, error };
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}：${i.message}` : i.message))
    .join('；');
}

export class Dispatcher {
  constructor(
    private readonly services: Services,
    private readonly handlers: HandlerTable,
  ) {}

  async invoke(method: string, rawInput: unknown, client: ClientContext): Promise<CallResult> {
    if (!isMethodName(method)) {
      log.warn({ method: String(method).slice(0, 80), clientId: client.clientId, shell: client.shell }, 'bridge: rejected unknown method');
      return fail({ code: BridgeErrorCode.unknownMethod, message: '终端不支持该操作', hint: '请升级或重新启动终端程序。' });
    }
    const spec = methods[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      log.warn({ method, clientId: client.clientId, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), code: i.code })) }, 'bridge: rejected malformed input');
      return fail({ code: BridgeErrorCode.badInput, message: `输入不正确：${describeIssues(parsed.error.issues)}`, hint: '请检查填写的内容后重试。' });
    }

    const session = this.services.sessions.get(client.clientId);
    if (spec.access !== 'public') {
      if (!session) {
        log.info({ method, clientId: client.clientId }, 'bridge: call needs a signed-in operator');
        return fail({ code: BridgeErrorCode.notSignedIn, message: '请先登录', hint: '使用您的工号和密码登录后再操作。' });
      }
      if (session.locked && !spec.allowWhenLocked) {
        return fail({ code: 'AUTH_LOCKED', message: '屏幕已锁定', hint: '请输入密码解锁。' });
      }
      if (Array.isArray(spec.access) && !spec.access.includes(session.operator.role)) {
        log.warn({ method, clientId: client.clientId, role: session.operator.role }, 'bridge: refused by role');
        return fail({ code: BridgeErrorCode.forbidden, message: '您的岗位无权进行此操作', hint: '请由具有相应权限的人员（如信息科管理员）操作。' });
      }
    }

    const ctx: HandlerContext = { client, session, services: this.services };
    const started = performance.now();
    try {
      const handler = this.handlers[method] as (input: unknown, ctx: HandlerContext) => unknown;
      const raw = await handler(parsed.data, ctx);
      const out = spec.output.safeParse(raw);
      if (!out.success) {
        log.error({ method, issues: out.error.issues.slice(0, 5) }, 'handler output does not match the contract');
        return fail({ code: BridgeErrorCode.internal, message: '终端内部错误', hint: '请重试；如仍失败，请联系信息科并告知发生时间。' });
      }
      log.debug({ method, ms: Math.round(performance.now() - started) }, 'call');
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof AppError) {
        log.info({ method, code: e.code, detail: e.detail }, 'call refused');
        return fail(e.toJSON());
      }
      log.error({ err: e, method }, 'handler failed');
      return fail({ code: BridgeErrorCode.internal, message: '终端内部错误', hint: '请重试；如仍失败，请联系信息科并告知发生时间。' });
    }
  }

  /** For callers inside the host (CLI, tests): throws the AppError instead of returning an envelope. */
  async call<M extends MethodName>(method: M, input: unknown, client: ClientContext): Promise<unknown> {
    const result = await this.invoke(method, input, client);
    if (!result.ok) throw new AppError(result.error);
    return result.value;
  }
}
