// The training hub's HTTP face on 127.0.0.1: the national entry point, the e-voucher decoder and
// /admin/, with fault injection applied around the call pipeline.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { EC_QUERY_PATH } from '@src/hub/protocol/ec';
import { logger } from '@src/platform/logger';
import { handleAdmin } from '../admin/admin-routes';
import type { Answer } from '../core/call-service';
import { ecQuery } from '../core/ec-query';
import type { FaultRule } from '../faults/fault-rules';
import type { TrainingHub } from '../training-hub';
import { BodyTooLargeError, readBody, sendJson, sleep } from './http-io';

export const CALL_SERVICE_PATH = '/fsi/api/rsfComIfsService/callService';
/** 9101 uploads arrive base64-encoded inside JSON. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const log = logger('training-hub');

function peekInfno(text: string): string {
  return /"infno"\s*:\s*"([^"]{1,10})"/.exec(text)?.[1] ?? '?';
}

function kill(req: IncomingMessage): void {
  req.socket.destroy();
}

/** Writes `body` over about `ms`, in ~10 pieces: the answer trickles in. */
async function dribble(res: ServerResponse, body: Buffer, ms: number): Promise<void> {
  const pieces = 10;
  const size = Math.max(1, Math.ceil(body.length / pieces));
  for (let i = 0; i < body.length; i += size) {
    if (res.destroyed) return;
    res.write(body.subarray(i, i + size));
    await sleep(ms / pieces);
  }
  res.end();
}

async function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer, faults: readonly FaultRule[]): Promise<void> {
  const has = (k: FaultRule['kind']): FaultRule | undefined => faults.find((f) => f.kind === k);
  if (has('drop-after-commit')) return kill(req);
  if (answer.kind === 'file') {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${answer.filename}"` });
    const stream = Buffer.isBuffer(answer.stream) ? Readable.from([answer.stream]) : answer.stream;
    if (has('malformed-json')) {
      // A transfer cut short: the zip arrives truncated.
      stream.once('data', (chunk: Buffer) => {
        res.write(chunk.subarray(0, Math.max(1, chunk.length >> 1)));
        stream.destroy();
        kill(req);
      });
      return;
    }
    stream.on('error', (e) => {
      log.error({ err: e }, 'catalogue stream failed');
      kill(req);
    });
    stream.pipe(res);
    return;
  }
  const body = Buffer.from(answer.body, 'utf8');
  const malformed = has('malformed-json');
  if (malformed) {
    // Committed, but the answer cannot be read: the outcome is unknown to the terminal.
    const garbage = Buffer.concat([body.subarray(0, body.length >> 1), Buffer.from('<html><body>504 Gateway Time-out</body>')]);
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(garbage);
    return;
  }
  const slow = has('slow-body');
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': body.length });
  if (slow) return dribble(res, body, slow.ms ?? 0);
  res.end(body);
}

async function callService(hub: TrainingHub, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req, MAX_BODY_BYTES);
  const infno = peekInfno(text);
  const faults = hub.faults.take(infno);
  const has = (k: FaultRule['kind']): FaultRule | undefined => faults.find((f) => f.kind === k);
  if (faults.length > 0) log.info({ infno, faults: faults.map((f) => f.kind) }, 'fault injected');
  if (has('drop-before-commit')) return kill(req);
  const httpError = has('http-error');
  if (httpError) {
    const status = httpError.status ?? 503;
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<html><head><title>${status}</title></head><body><h1>${status}</h1><p>training hub: injected gateway error</p></body></html>`);
    return;
  }
  const delay = faults.filter((f) => f.kind === 'latency').reduce((s, f) => s + (f.ms ?? 0), 0);
  const business = has('business-error');
  if (business) {
    if (delay > 0) await sleep(delay);
    const answer = hub.calls.refusalAnswer('310000', hub.clock.now(), infno, business.errMsg ?? '医保中心系统繁忙，请稍后再试');
    return sendAnswer(req, res, answer, faults);
  }
  const answer = await hub.calls.call(text, delay);
  if (answer.kind === 'json') log.debug({ infno: answer.infno, infcode: answer.infcode }, 'call answered');
  return sendAnswer(req, res, answer, faults);
}

async function route(hub: TrainingHub, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === CALL_SERVICE_PATH) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    return callService(hub, req, res);
  }
  if (url.pathname === EC_QUERY_PATH) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    const text = await readBody(req, 64 * 1024);
    const faults = hub.faults.take('ec.query');
    if (faults.some((f) => f.kind === 'drop-before-commit')) return kill(req);
    const delay = faults.filter((f) => f.kind === 'latency').reduce((s, f) => s + (f.ms ?? 0), 0);
    if (delay > 0) await sleep(delay);
    const httpError = faults.find((f) => f.kind === 'http-error');
    if (httpError) return sendJson(res, httpError.status ?? 503, { error: 'injected gateway error' });
    return sendAnswer(req, res, { kind: 'json', body: ecQuery(hub, text), infno: 'ec.query', infcode: 0 }, faults);
  }
  if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return handleAdmin(hub, req, res, url);
  return sendJson(res, 404, { error: `not found: ${url.pathname}`, entryPoints: [CALL_SERVICE_PATH, EC_QUERY_PATH, '/admin/'] });
}

export function createHubServer(hub: TrainingHub): Server {
  return createServer((req, res) => {
    route(hub, req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLargeError) {
        if (!res.headersSent) sendJson(res, 413, { error: e.message });
        return;
      }
      log.error({ err: e }, 'training hub request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'training hub internal error' });
      else res.destroy();
    });
  });
}
