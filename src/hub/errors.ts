// Typed hub errors. Each says, in Chinese, what happened and what the cashier should do, and
// carries `outcome` — what the caller may assume about the hub's state:
//   not_sent  the request never left (safe to send again);
//   rejected  the hub (or its gateway) answered and refused: nothing was done;
//   unknown   the request may have been processed: do not repeat it; resolve it first
//             (HubOutcomeResolver: 5203 query, 2601 reversal, or resend with the same msgid).
import { AppError } from '@src/common/errors';

export type HubOutcome = 'not_sent' | 'rejected' | 'unknown';

export interface HubErrorContext {
  infno: string;
  /** Chinese name of the transaction, for messages. */
  txName: string;
  /** Whether the call changes state at the hub (journaled). */
  sideEffect: boolean;
  msgid?: string;
  journalId?: number;
  /** English detail for logs (no patient data). */
  detail?: string;
  cause?: unknown;
}

export abstract class HubError extends AppError {
  abstract readonly outcome: HubOutcome;
  readonly infno: string;
  readonly msgid: string | undefined;
  readonly journalId: number | undefined;

  protected constructor(code: string, message: string, hint: string, ctx: HubErrorContext, extra: Record<string, unknown> = {}) {
    super({
      code,
      message,
      hint,
      ...(ctx.detail === undefined ? {} : { detail: ctx.detail }),
      data: { infno: ctx.infno, ...(ctx.msgid ? { msgid: ctx.msgid } : {}), ...(ctx.journalId !== undefined ? { journalId: ctx.journalId } : {}), ...extra },
      cause: ctx.cause,
    });
    this.name = new.target.name;
    this.infno = ctx.infno;
    this.msgid = ctx.msgid;
    this.journalId = ctx.journalId;
  }
}

const UNKNOWN_EFFECT_HINT = (msgid: string | undefined): string =>
  `这笔交易可能已在医保中心生效：请勿重复收费或重复提交；先查询或冲正${msgid ? `（报文号 ${msgid}）` : ''}确认结果，再继续。`;

/** The request never reached the hub (DNS, refused, no route, connect timeout). Safe to retry. */
export class HubNetworkError extends HubError {
  readonly outcome = 'not_sent' as const;
  constructor(ctx: HubErrorContext) {
    super('HUB_NETWORK', `无法连接医保中心，${ctx.txName}未发出`, '请检查网线或网络后重试；医保中心恢复前可按离线流程处理。', ctx);
  }
}

/** The deadline budget ran out before the request could be sent. Nothing was sent. */
export class HubBudgetExhaustedError extends HubError {
  readonly outcome = 'not_sent' as const;
  constructor(ctx: HubErrorContext, remainingMs: number) {
    super('HUB_BUDGET_EXHAUSTED', `办理时限已用完，${ctx.txName}未发出`, '医保中心响应太慢：请稍后重新办理这笔业务。', ctx, { remainingMs });
  }
}

/** Sent, but no answer in time: the outcome is unknown for calls with side effects. */
export class HubTimeoutError extends HubError {
  readonly outcome = 'unknown' as const;
  constructor(ctx: HubErrorContext, timeoutMs: number) {
    super(
      'HUB_TIMEOUT',
      ctx.sideEffect ? `医保中心未在时限内答复，${ctx.txName}结果未知` : `医保中心未在时限内答复（${ctx.txName}）`,
      ctx.sideEffect ? UNKNOWN_EFFECT_HINT(ctx.msgid) : '请稍后重试；若持续超时，请联系信息科检查网络。',
      ctx,
      { timeoutMs },
    );
  }
}

/** The connection broke after the request was sent (reset, closed mid-answer). */
export class HubConnectionLostError extends HubError {
  readonly outcome = 'unknown' as const;
  constructor(ctx: HubErrorContext) {
    super(
      'HUB_CONNECTION_LOST',
      ctx.sideEffect ? `与医保中心的连接中断，${ctx.txName}结果未知` : `与医保中心的连接中断（${ctx.txName}）`,
      ctx.sideEffect ? UNKNOWN_EFFECT_HINT(ctx.msgid) : '请稍后重试。',
      ctx,
    );
  }
}

/**
 * The hub answered something that is not a valid answer: HTTP error status, malformed JSON, wrong
 * schema, inf_refmsgid missing. For calls with side effects the outcome is unknown; a gateway that
 * refused our credentials (HTTP 401/403) never passed the request on, so that case is 'rejected'.
 */
export class HubProtocolError extends HubError {
  readonly outcome: HubOutcome;
  constructor(ctx: HubErrorContext, what: { httpStatus?: number; stage: string }) {
    const gatewayRefused = what.httpStatus === 401 || what.httpStatus === 403;
    super(
      gatewayRefused ? 'HUB_GATEWAY_REFUSED' : 'HUB_PROTOCOL',
      gatewayRefused
        ? `医保网关拒绝了本终端的认证（HTTP ${what.httpStatus}），${ctx.txName}未办理`
        : ctx.sideEffect
          ? `医保中心的答复无法识别，${ctx.txName}结果未知`
          : `医保中心的答复无法识别（${ctx.txName}）`,
      gatewayRefused
        ? '请信息科核对网关 paasid/token（或 CSB 密钥）与终端时钟。'
        : ctx.sideEffect
          ? UNKNOWN_EFFECT_HINT(ctx.msgid)
          : '请稍后重试；若持续出现，请联系信息科并提供报文号。',
      ctx,
      { stage: what.stage, ...(what.httpStatus ? { httpStatus: what.httpStatus } : {}) },
    );
    this.outcome = gatewayRefused ? 'rejected' : 'unknown';
  }
}

/** infcode −1: the hub refused. `message` is the hub's err_msg, shown to the cashier as is. */
export class HubBusinessError extends HubError {
  readonly outcome = 'rejected' as const;
  readonly infcode: number;
  readonly errMsg: string;
  constructor(ctx: HubErrorContext, infcode: number, errMsg: string | undefined) {
    const shown = errMsg && errMsg.trim() ? errMsg.trim() : `医保中心拒绝了${ctx.txName}，但未说明原因（infcode ${infcode}）`;
    super('HUB_BUSINESS', shown, '请按医保中心的提示处理；该笔交易未生效。', ctx, { infcode });
    this.infcode = infcode;
    this.errMsg = shown;
  }
}

export function isHubError(e: unknown): e is HubError {
  return e instanceof HubError;
}

/** True when the caller must not assume anything about the hub's state. */
export function isOutcomeUnknown(e: unknown): boolean {
  return e instanceof HubError && e.outcome === 'unknown';
}

/** Errors that say the hub is unreachable (the monitor turns the status offline on these). */
export function isUnreachable(e: unknown): boolean {
  return e instanceof HubNetworkError || e instanceof HubTimeoutError || e instanceof HubConnectionLostError || (e instanceof HubProtocolError && typeof e.data?.httpStatus === 'number' && (e.data.httpStatus as number) >= 500);
}
