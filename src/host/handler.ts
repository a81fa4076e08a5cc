// Handler types: one function per contract method, grouped by domain in src/host/handlers/.
import { AppError } from '@src/common/errors';
import type { HandlerOutput, MethodName, ParsedInput } from '@src/contract';
import type { OperatorSession } from '@src/operators/operator-sessions';
import type { ClientContext } from './dispatch';
import type { Services } from './services';

export interface HandlerContext {
  client: ClientContext;
  /** Present for every method whose access is not 'public'. */
  session: OperatorSession | undefined;
  services: Services;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerContext) => Promise<HandlerOutput<M>> | HandlerOutput<M>;

export type HandlerTable = { [M in MethodName]: Handler<M> };

/** The handlers of the methods declared in one domain's method object. */
export type DomainHandlers<T> = { [M in keyof T & MethodName]: Handler<M> };

/** The signed-in session (the dispatcher guarantees one for non-public methods). */
export function sessionOf(ctx: HandlerContext): OperatorSession {
  if (!ctx.session) throw new AppError({ code: 'AUTH_NOT_SIGNED_IN', message: '请先登录', hint: '使用您的工号和密码登录后再操作。' });
  return ctx.session;
}
