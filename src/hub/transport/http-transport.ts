// HTTP POST to the hub over node:http/https, with one timeout covering the whole exchange and a
// precise answer to the question that matters after a failure: did the request leave?
//
// "Sent" means the whole request was handed to the connection ('finish' on the request, after
// TCP connect and, for https, the TLS handshake). A failure before that cannot have reached the
// hub's application: not_sent. After it, the hub may have processed the request: timeout or
// connection_lost, and the caller treats the outcome as unknown.
//
// Connections are kept alive (TLS handshakes to a remote hub cost a large part of a 10 s budget);
// idle sockets are closed after 4 s, before a typical server's 5 s keep-alive timeout, so a reused
// socket is rarely one the server has just closed.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Readable } from 'node:stream';

export type TransportFailureKind =
  /** Nothing left: DNS failure, refused, no route, connect/handshake timeout. */
  | 'not_sent'
  /** Sent, no complete answer in time. */
  | 'timeout'
  /** Sent, then the connection broke (reset, closed mid-answer). */
  | 'connection_lost'
  /** The answer exceeded the size limit. */
  | 'too_large';

export class TransportFailure extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    /** Where it happened: connect, wait (for the answer), body. */
    readonly phase: 'connect' | 'wait' | 'body',
    detail: string,
    /** System error code (ECONNREFUSED, ECONNRESET …) when there is one. */
    readonly errno?: string,
  ) {
    super(detail);
    this.name = 'TransportFailure';
  }
}

export interface PostRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The whole exchange: connect, send, wait, read. */
  timeoutMs: number;
}

export interface PostAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  latencyMs: number;
}

export interface StreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body; fails with a TransportFailure (connection_lost/timeout) if it stalls or breaks. */
  stream: Readable;
  latencyMs: number;
}

export interface HttpTransportOptions {
  /** Largest JSON answer accepted (bytes). */
  maxBodyBytes?: number;
  /** Idle keep-alive sockets are closed after this (ms). */
  keepAliveIdleMs?: number;
}

const TIMEOUT = Symbol('timeout');

export class HttpTransport {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly maxBodyBytes: number;

  constructor(options: HttpTransportOptions = {}) {
    const idle = options.keepAliveIdleMs ?? 4000;
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8, timeout: idle });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8, timeout: idle });
    this.maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
  }

  /** POSTs and reads the whole answer. Rejects with TransportFailure only. */
  async post(request: PostRequest): Promise<PostAnswer> {
    const started = performance.now();
    const { res, timer, sent } = await this.open(request);
    return new Promise<PostAnswer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const fail = (f: TransportFailure): void => {
        if (done) return;
        done = true;
        timer.clear();
        res.destroy();
        reject(f);
      };
      timer.onFire(() => fail(new TransportFailure('timeout', 'body', `answer not complete after ${request.timeoutMs} ms`)));
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > this.maxBodyBytes) fail(new TransportFailure('too_large', 'body', `answer larger than ${this.maxBodyBytes} bytes`));
        else chunks.push(c);
      });
      res.on('aborted', () => fail(new TransportFailure('connection_lost', 'body', 'connection closed in the middle of the answer')));
      res.on('error', (e: NodeJS.ErrnoException) => fail(new TransportFailure(sent() ? 'connection_lost' : 'not_sent', 'body', `answer broken: ${e.message}`, e.code)));
      res.on('end', () => {
        if (done) return;
        if (!res.complete) return fail(new TransportFailure('connection_lost', 'body', 'connection closed in the middle of the answer'));
        done = true;
        timer.clear();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), latencyMs: performance.now() - started });
      });
    });
  }

  /**
   * POSTs and returns the answer as a stream once its headers arrive (9102 file download).
   * `timeoutMs` covers up to the headers; after that the body may take as long as it needs, but
   * fails when no byte arrives for `idleTimeoutMs`.
   */
  async postForStream(request: PostRequest & { idleTimeoutMs: number }): Promise<StreamAnswer> {
    const started = performance.now();
    const { res, timer } = await this.open(request);
    timer.clear();
    const socket = res.socket;
    const onIdle = (): void => {
      res.destroy(new TransportFailure('timeout', 'body', `no data for ${request.idleTimeoutMs} ms`));
    };
    socket?.setTimeout(request.idleTimeoutMs, onIdle);
    // setTimeout(ms, callback) adds a 'timeout' listener to the socket, and the keep-alive agent
    // hands that socket to the next call: remove it when this answer is over, or every download
    // leaves one behind (MaxListenersExceededWarning after ten downloads on one connection).
    res.once('close', () => socket?.removeListener('timeout', onIdle));
    res.on('aborted', () => res.destroy(new TransportFailure('connection_lost', 'body', 'connection closed in the middle of the file')));
    res.on('end', () => res.socket?.setTimeout(0));
    return { status: res.statusCode ?? 0, headers: res.headers, stream: res, latencyMs: performance.now() - started };
  }

  /**
   * Reachability probe without side effects: a TCP connection (and TLS handshake for https) to
   * the hub's host, closed at once. Resolves with the time it took, ms.
   */
  probe(url: string, timeoutMs: number): Promise<number> {
    const u = new URL(url);
    const secure = u.protocol === 'https:';
    const port = Number(u.port || (secure ? 443 : 80));
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const socket = secure ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TransportFailure('not_sent', 'connect', `no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        const latency = performance.now() - started;
        socket.end();
        socket.destroy();
        resolve(latency);
      });
      socket.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new TransportFailure('not_sent', 'connect', e.message, e.code));
      });
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Sends the request and waits for the answer's headers. */
  private open(request: PostRequest): Promise<{ res: http.IncomingMessage; timer: Timer; sent: () => boolean }> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return Promise.reject(new TransportFailure('not_sent', 'connect', `not a URL: ${request.url}`));
    }
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') return Promise.reject(new TransportFailure('not_sent', 'connect', `unsupported protocol ${url.protocol}`));
    const body = Buffer.from(request.body, 'utf8');
    const timer = new Timer(request.timeoutMs);
    return new Promise((resolve, reject) => {
      let finished = false;
      let secured = !secure;
      let settled = false;
      const sent = (): boolean => finished && secured;
      const settle = (f: TransportFailure): void => {
        if (settled) return;
        settled = true;
        timer.clear();
        reject(f);
      };
      const req = (secure ? https : http).request(
        url,
        {
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: { 'content-type': 'application/json;charset=utf-8', 'content-length': String(body.length), accept: 'application/json, application/octet-stream', ...request.headers },
        },
        (res) => {
          if (settled) {
            res.destroy();
            return;
          }
          settled = true;
          resolve({ res, timer, sent });
        },
      );
      req.on('socket', (socket) => {
        if (secure && (req.reusedSocket || !(socket as tls.TLSSocket).connecting)) secured = true;
        else if (secure) socket.once('secureConnect', () => (secured = true));
      });
      req.on('finish', () => (finished = true));
      req.on('error', (e: NodeJS.ErrnoException & { [TIMEOUT]?: true }) => {
        if (e[TIMEOUT]) {
          settle(sent() ? new TransportFailure('timeout', 'wait', `no answer within ${request.timeoutMs} ms`) : new TransportFailure('not_sent', 'connect', `not connected within ${request.timeoutMs} ms`));
        } else {
          settle(sent() ? new TransportFailure('connection_lost', 'wait', `connection lost after sending: ${e.message}`, e.code) : new TransportFailure('not_sent', 'connect', e.message, e.code));
        }
      });
      timer.onFire(() => req.destroy(Object.assign(new Error('deadline reached'), { [TIMEOUT]: true as const })));
      req.end(body);
    });
  }
}

/** One deadline for the whole exchange; its action can be replaced as the exchange moves on. */
class Timer {
  private handle: NodeJS.Timeout | undefined;
  private action: () => void = () => {};

  constructor(ms: number) {
    this.handle = setTimeout(() => this.action(), Math.max(0, ms));
  }

  onFire(action: () => void): void {
    this.action = action;
  }

  clear(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
  }
}
