// The browser shell: serves the renderer on 127.0.0.1 and carries the contract over HTTP.
//
// Channel: `POST /api/<method>` with a JSON body answers a CallResult; `GET /events` is a
// server-sent-event stream. Both need `Authorization: Bearer <secret>` (a random secret made at each
// start and handed to the page in the URL fragment, which browsers never send to servers) and an
// `X-Client-Id` naming the window. The Host header must be this loopback address (DNS-rebinding
// guard) and any Origin must be this server. Every refusal is logged.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BridgeErrorCode } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import type { Host } from '../host';

const log = logger('bridge');

const MAX_BODY = 1024 * 1024;
/** A closed tab's operator is signed out after this long without a reconnect (a reload reconnects within it). */
const ORPHAN_SESSION_MS = 60_000;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

export interface BrowserShellOptions {
  host: Host;
  /** Folder with the built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  secret?: string;
}

export interface BrowserShell {
  port: number;
  secret: string;
  /** The address to open: the secret travels in the fragment. */
  url: string;
  close(): Promise<void>;
}

function secretMatches(header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const { host } = options;
  const staticRoot = path.resolve(options.staticDir);
  const orphanTimers = new Map<string, NodeJS.Timeout>();
  const openStreams = new Set<http.ServerResponse>();
  let port = 0;

  function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, reason: string): void {
    log.warn({ method: req.method, url: (req.url ?? '').slice(0, 80), reason, remote: req.socket.remoteAddress }, 'bridge: rejected request');
    sendJson(res, status, { ok: false, error: { code: BridgeErrorCode.unauthenticated, message: '请求未通过终端校验', hint: '请从终端程序启动时给出的地址打开界面。' } });
  }

  function hostAllowed(req: http.IncomingMessage): boolean {
    const h = req.headers.host;
    return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  }

  function originAllowed(req: http.IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  }

  function clientIdOf(req: http.IncomingMessage): string | undefined {
    const id = req.headers['x-client-id'];
    return typeof id === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(id) ? id : undefined;
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return refuse(req, res, 405, 'api needs POST');
    if (!secretMatches(req.headers.authorization, secret)) return refuse(req, res, 401, 'missing or wrong secret');
    const clientId = clientIdOf(req);
    if (!clientId) return refuse(req, res, 400, 'missing client id');
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length ? JSON.parse(body) : {};
    } catch {
      log.warn({ method }, 'bridge: rejected unreadable body');
      return sendJson(res, 400, { ok: false, error: { code: BridgeErrorCode.badInput, message: '请求内容无法识别', hint: '请刷新页面后重试。' } });
    }
    const result = await host.invoke(decodeURIComponent(method), input, { clientId, shell: 'browser' });
    sendJson(res, 200, result);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!secretMatches(req.headers.authorization, secret)) return refuse(req, res, 401, 'events without secret');
    const clientId = clientIdOf(req);
    if (!clientId) return refuse(req, res, 400, 'events without client id');
    const pending = orphanTimers.get(clientId);
    if (pending) {
      clearTimeout(pending);
      orphanTimers.delete(clientId);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    openStreams.add(res);
    const detach = host.attachClient(clientId, (event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      openStreams.delete(res);
      detach();
      const timer = setTimeout(() => {
        orphanTimers.delete(clientId);
        if (host.services.sessions.get(clientId)) void host.services.sessions.logout(clientId);
      }, ORPHAN_SESSION_MS);
      timer.unref();
      orphanTimers.set(clientId, timer);
    });
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'static needs GET');
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep)) return refuse(req, res, 403, 'path outside the renderer');
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (!existsSync(path.join(staticRoot, 'index.html'))) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('界面尚未构建：请在项目目录运行 npm run build（或 npm start 自动构建）。\nThe renderer is not built: run npm run build.');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req)) return refuse(req, res, 421, `unexpected Host header ${String(req.headers.host).slice(0, 60)}`);
    if (!originAllowed(req)) return refuse(req, res, 403, `foreign Origin ${String(req.headers.origin).slice(0, 60)}`);
    const { pathname } = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, pathname.slice(5)).catch((e) => {
        log.error({ err: e }, 'bridge: api failure');
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: BridgeErrorCode.internal, message: '终端内部错误', hint: '请重试。' } });
      });
      return;
    }
    if (pathname === '/events') return handleEvents(req, res);
    return handleStatic(req, res, pathname);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    secret,
    url: `http://127.0.0.1:${port}/#k=${secret}`,
    async close() {
      for (const t of orphanTimers.values()) clearTimeout(t);
      for (const s of openStreams) s.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** A fresh client id (tests and tools that talk to the shell directly). */
export function newClientId(): string {
  return randomUUID();
}
