// The one error type that crosses layers and the bridge.
//
// Why: the counter needs a Chinese sentence that says what happened and what to do next; logs need
// a stable code and English detail; the renderer needs something serialisable. Every layer throws
// AppError for conditions a person must act on, and lets programming errors propagate as plain
// Errors (the host turns those into INTERNAL and logs the stack).

export interface AppErrorInit {
  /** Stable machine code, SCREAMING_SNAKE, prefixed by domain: HUB_TIMEOUT, IDCARD_NO_CARD, … */
  code: string;
  /** What happened, in Chinese, for the counter. */
  message: string;
  /** What to do next, in Chinese. */
  hint?: string;
  /** English detail for logs; never shown to the cashier; must not contain patient data. */
  detail?: string;
  /** Extra structured data that is safe to send to the renderer. */
  data?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly detail: string | undefined;
  readonly data: Record<string, unknown> | undefined;

  constructor(init: AppErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AppError';
    this.code = init.code;
    this.hint = init.hint;
    this.detail = init.detail;
    this.data = init.data;
  }

  /** The shape sent across the bridge. */
  toJSON(): SerializedError {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.data === undefined ? {} : { data: this.data }),
    };
  }
}

export interface SerializedError {
  code: string;
  message: string;
  hint?: string;
  data?: Record<string, unknown>;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Codes the bridge itself produces. */
export const BridgeErrorCode = {
  unknownMethod: 'BRIDGE_UNKNOWN_METHOD',
  badInput: 'BRIDGE_BAD_INPUT',
  unauthenticated: 'BRIDGE_UNAUTHENTICATED',
  notSignedIn: 'AUTH_NOT_SIGNED_IN',
  forbidden: 'AUTH_FORBIDDEN',
  internal: 'INTERNAL',
} as const;
