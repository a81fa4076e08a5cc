// A minimal request/response protocol over a worker MessagePort: the catalogue's worker threads
// (writer, parser) are driven by calls whose results or errors come back as messages. Errors
// keep their AppError identity (sync-errors.ts); events (progress, log lines) flow alongside.
import type { MessagePort, Worker } from 'node:worker_threads';
import { reviveError, serializeError, type SerializedErrorShape } from './sync-errors';

export type Endpoint = Pick<MessagePort | Worker, 'postMessage' | 'on' | 'off'>;

type ReplyBody = { ok: true; value: unknown } | { ok: false; error: SerializedErrorShape };
type Reply = { rpc: 'result'; id: number } & ReplyBody;
type Request = { rpc: 'call'; id: number; method: string; args: unknown[] };
export type EventMessage = { rpc: 'event'; name: string; payload: unknown };

/** Calls methods on the other side of `endpoint`; events from it go to `onEvent`. */
export class RpcClient {
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 1;
  private broken: Error | undefined;
  private readonly listener = (m: Reply | EventMessage): void => {
    if (m?.rpc === 'result') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.ok) p.resolve(m.value);
      else p.reject(reviveError(m.error));
    } else if (m?.rpc === 'event') this.onEvent(m.name, m.payload);
  };

  constructor(
    private readonly endpoint: Endpoint,
    private readonly onEvent: (name: string, payload: unknown) => void = () => {},
  ) {
    endpoint.on('message', this.listener);
  }

  call<T>(method: string, args: unknown[], transfer: readonly (MessagePort | ArrayBuffer)[] = []): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      (this.endpoint.postMessage as (v: unknown, t?: readonly unknown[]) => void)({ rpc: 'call', id, method, args } satisfies Request, transfer);
    });
  }

  /** The other side is gone: every pending call fails with `error`, and so does every later one. */
  fail(error: Error): void {
    this.broken ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  detach(): void {
    this.endpoint.off('message', this.listener);
  }
}

/** Answers calls arriving on `endpoint` with `target`'s methods (sync or async), one message each. */
export function serveRpc(endpoint: Endpoint, target: object): void {
  endpoint.on('message', (m: Request) => {
    if (m?.rpc !== 'call') return;
    const reply = (r: ReplyBody): void => endpoint.postMessage({ rpc: 'result', id: m.id, ...r });
    try {
      const fn = (target as Record<string, unknown>)[m.method];
      if (typeof fn !== 'function') throw new Error(`no method ${m.method}`);
      const value = (fn as (...a: unknown[]) => unknown).apply(target, m.args);
      if (value instanceof Promise) value.then((v) => reply({ ok: true, value: v }), (e: unknown) => reply({ ok: false, error: serializeError(e) }));
      else reply({ ok: true, value });
    } catch (e) {
      reply({ ok: false, error: serializeError(e) });
    }
  });
}

export function postEvent(endpoint: Pick<Endpoint, 'postMessage'>, name: string, payload: unknown): void {
  endpoint.postMessage({ rpc: 'event', name, payload } satisfies EventMessage);
}
