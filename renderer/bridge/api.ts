// The renderer's only way to the host: `api.<domain>.<method>(input)`, typed by the contract.
// Both shells put the same `window.yikatong` in place; this module turns its envelopes into
// values or ApiError, so screens can `await` and `catch`.
import type { Api, Bridge, CallResult, EventName, EventPayload } from '@src/contract';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function bridge(): Bridge {
  const b = (window as unknown as { yikatong?: Bridge }).yikatong;
  if (!b) throw new ApiError('BRIDGE_MISSING', '界面未连接到终端服务', '请通过终端程序打开界面。');
  return b;
}

function unwrap<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.hint, result.error.data);
}

export const api: Api = new Proxy({} as Api, {
  get(_target, domain: string) {
    return new Proxy(
      {},
      {
        get(_t, action: string) {
          return async (input: unknown) => {
            const group = (bridge() as unknown as Record<string, Record<string, (i: unknown) => Promise<CallResult>>>)[domain];
            const fn = group?.[action];
            if (!fn) throw new ApiError('BRIDGE_UNKNOWN_METHOD', '终端不支持该操作', '请升级或重新启动终端程序。');
            return unwrap(await fn(input ?? {}));
          };
        },
      },
    );
  },
});

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().subscribe(event, listener);
}

/** Chinese text of any thrown value, for banners. */
export function errorText(e: unknown): { message: string; hint?: string; code?: string } {
  if (e instanceof ApiError) return { message: e.message, ...(e.hint ? { hint: e.hint } : {}), code: e.code };
  // A message the renderer wrote itself ({ message, hint }), not a programming error.
  if (typeof e === 'object' && e !== null && !(e instanceof Error) && typeof (e as { message?: unknown }).message === 'string') {
    const { message, hint } = e as { message: string; hint?: string };
    return { message, ...(hint ? { hint } : {}) };
  }
  return { message: '操作失败', hint: '请重试；如仍失败，请联系信息科。' };
}
