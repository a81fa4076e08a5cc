// Log lines of the writer's worker thread travel to the host's logger as messages (a worker has
// no log files of its own; the host configured pino in its own thread).
import type { Logger } from '@src/platform/logger';

/** Log lines a writer in a worker sends to the host's logger (workers have no log files of their own). */
export interface LogMessage {
  type: 'log';
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

export function forwardingLogger(post: (m: LogMessage) => void): Logger {
  const at =
    (level: LogMessage['level']) =>
    (obj: object | string, msg?: string): void => {
      if (typeof obj === 'string') post({ type: 'log', level, obj: {}, msg: obj });
      else post({ type: 'log', level, obj: JSON.parse(JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? { message: v.message, stack: v.stack } : v))) as Record<string, unknown>, msg: msg ?? '' });
    };
  const none = (): void => {};
  return { trace: none, debug: none, info: at('info'), warn: at('warn'), error: at('error'), fatal: at('error') };
}
