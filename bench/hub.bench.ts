// `npm run bench -- hub [--json] [--calls N] [--echo]`: the bare round trip client → training hub → client.
//
// roundTrip: one 1901 dictionary query (no side effects, so no journal write) through the whole
//   client: msgid allocation in terminal.db (an IMMEDIATE transaction, synchronous=FULL), envelope,
//   gateway headers, lossless JSON, HTTP keep-alive, zod decode — against the training hub running
//   in this process (its own SQLite state, sign-in check, envelope validation).
// baseline: a bare node:http keep-alive POST of the same request body to a server that answers the
//   same response bytes without looking at them: what the loopback and Node's HTTP cost alone.
// ratio = roundTrip / baseline (p50 and p99). Later issues use roundTripP50Ms as their baseline.
// If the training hub cannot be loaded, a loopback echo that answers through src/hub/protocol
// stands in, and `server` says so. `--echo` uses that echo on purpose: the client's own share,
// without the training hub's processing.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { TerminalConfigSchema } from '@src/contract/config';
import { openTerminalDb } from '@src/database/terminal-db';
import { Hub } from '@src/hub/hub';
import { buildInfRefmsgid, CALL_SERVICE_PATH, decodeRequest, encodeResponse, formatRespondTime, formatStamp } from '@src/hub/protocol';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import type { BenchModule } from './main';
import { positiveIntegerOption } from './positive-integer-option';
import { percentile } from './percentile';

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

interface Server {
  url: string;
  kind: string;
  close(): Promise<void>;
}

async function startServer(echo: boolean): Promise<Server> {
  try {
    if (echo) throw new Error('--echo');
    const { TrainingHub } = await import('@src/training/hub/training-hub');
    const { TrainingCatalog } = await import('@src/training/catalog/training-catalog');
    const hub = await TrainingHub.start({ dbFile: ':memory:', catalog: new TrainingCatalog({ feeItemRows: 1000 }) });
    return { url: hub.callServiceUrl, kind: 'training-hub', close: () => hub.close() };
  } catch (e) {
    if (!echo) console.warn(`training hub not available (${(e as Error).message}); using a loopback echo`);
    let seq = 0;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const d = decodeRequest(Buffer.concat(chunks).toString('utf8'));
        const now = new Date();
        const output = d.ok && d.infno === '9001' ? { signinoutb: { sign_no: 'ECHO-SIGN' } } : { list: [{ label: '职工基本医疗保险', value: '310', sort: 1 }] };
        res.end(encodeResponse(d.ok ? d.infno : '1901', { infcode: 0, inf_refmsgid: buildInfRefmsgid('310000', formatStamp(now), ++seq), refmsg_time: formatRespondTime(now), respond_time: formatRespondTime(now), output: output as never }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    return { url: `http://127.0.0.1:${port}${CALL_SERVICE_PATH}`, kind: echo ? 'loopback-echo (requested)' : 'loopback-echo (training hub not available)', close: () => new Promise((r) => server.close(() => r())) };
  }
}

/** Bare node:http keep-alive POSTs of `body`, answered with `answer` by a server that does nothing else. */
async function baseline(body: string, answer: string, calls: number, warmup: number): Promise<number[]> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' }).end(answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: CALL_SERVICE_PATH, method: 'POST', agent, headers: { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(body);
    });
  const times: number[] = [];
  for (let i = 0; i < warmup + calls; i++) {
    const started = performance.now();
    await once();
    if (i >= warmup) times.push(performance.now() - started);
  }
  agent.destroy();
  await new Promise<void>((r) => server.close(() => r()));
  return times;
}

const bench: BenchModule = {
  description: 'bare round trip client → training hub → client (1901), vs bare node:http',
  async run(args) {
    const calls = positiveIntegerOption(args, '--calls', 1000);
    const warmup = Math.min(100, calls);
    const server = await startServer(args.includes('--echo'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-bench-hub-'));
    const db = openTerminalDb(path.join(dir, 'terminal.db'));
    const config = TerminalConfigSchema.parse({ hub: { url: server.url }, timeouts: { callTimeoutMs: 8000 } });
    const box = new SealedBox(randomBytes(32));
    const hub = new Hub({ db, config: () => config, sealer: () => box });
    try {
      const { signNo } = await hub.signIn.signIn({ id: 1, username: 'sy01', displayName: '王小红', role: 'cashier' });
      const operator = { code: 'sy01', name: '王小红', signNo };
      const times: number[] = [];
      let answer = '';
      for (let i = 0; i < warmup + calls; i++) {
        const started = performance.now();
        const r = await hub.dictionary({ data: { type: 'insutype' } }, { operator });
        const ms = performance.now() - started;
        if (i >= warmup) times.push(ms);
        // The baseline answers with a body of the same shape and size as the hub's.
        if (i === 0) answer = JSON.stringify({ infcode: 0, inf_refmsgid: r.infRefmsgid, refmsg_time: '', respond_time: '', err_msg: null, warn_msg: null, cainfo: null, signtype: null, output: { list: r.output.list } });
      }
      const body = JSON.stringify({ infno: '1901', msgid: 'H31010100001202401010000000100', mdtrtarea_admvs: '310000', insuplc_admdvs: '', recer_sys_code: 'YBXT', dev_no: '', dev_safe_info: '', cainfo: '', signtype: '', infver: 'V1.0', opter_type: '1', opter: 'sy01', opter_name: '王小红', inf_time: '2024-01-01 00:00:00', fixmedins_code: 'H31010100001', fixmedins_name: '上海市训练示范医院', sign_no: signNo, input: { data: { type: 'insutype' } } });
      const base = await baseline(body, answer, calls, warmup);
      // The share of the durable msgid allocation (IMMEDIATE transaction, synchronous=FULL).
      const alloc: number[] = [];
      for (let i = 0; i < calls; i++) {
        const started = performance.now();
        hub.msgids.next();
        alloc.push(performance.now() - started);
      }
      alloc.sort((a, b) => a - b);
      times.sort((a, b) => a - b);
      base.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      const p99 = percentile(times, 99);
      const b50 = percentile(base, 50);
      const b99 = percentile(base, 99);
      const result = {
        benchmark: 'hub',
        server: server.kind,
        transaction: '1901',
        calls,
        roundTripP50Ms: round(p50),
        roundTripP99Ms: round(p99),
        roundTripMeanMs: round(times.reduce((s, x) => s + x, 0) / times.length),
        baselineP50Ms: round(b50),
        baselineP99Ms: round(b99),
        ratioP50: Math.round((p50 / b50) * 100) / 100,
        ratioP99: Math.round((p99 / b99) * 100) / 100,
        msgidAllocP50Ms: round(percentile(alloc, 50)),
        node: process.version,
        cpus: os.cpus().length,
      };
      console.log(`hub round trip (${server.kind}, ${calls} × 1901): p50 ${result.roundTripP50Ms} ms, p99 ${result.roundTripP99Ms} ms`);
      console.log(`msgid allocation alone: p50 ${result.msgidAllocP50Ms} ms`);
      console.log(`bare node:http round trip: p50 ${result.baselineP50Ms} ms, p99 ${result.baselineP99Ms} ms; ratio p50 ${result.ratioP50}, p99 ${result.ratioP99}`);
      return result;
    } finally {
      hub.close();
      db.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
