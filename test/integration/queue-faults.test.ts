// Fault tests of the offline queue against the training hub (issue 8): two flushers at once (two
// processes), the flushing process SIGKILLed at random points again and again, the hub flapping
// during a flush, answers dropped after the hub committed. Afterwards every queued visit is
// settled exactly once — the hub's ledger and the terminal's journal agree — and nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrainingHub } from '@src/training/hub/training-hub';
import { checkExactlyOnce, ledgerOf, queueTerminal, startHub, tempDir, type QueueTerminal } from './queue-test-kit';

const CHILD = path.join(import.meta.dirname, 'queue-flush-child.ts');
const TSX = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

let tmp: ReturnType<typeof tempDir>;
let hub: TrainingHub;
let term: QueueTerminal;

beforeEach(async () => {
  tmp = tempDir('yk-queue-faults-');
  hub = await startHub(tmp.dir);
  term = queueTerminal(hub.callServiceUrl, tmp.dir);
});
afterEach(async () => {
  term.close();
  await hub.close();
  tmp.remove();
});

function startChild(url: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; lines: Record<string, unknown>[]; stderr: string }> } {
  const child = spawn(TSX, [CHILD, url, tmp.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; lines: Record<string, unknown>[]; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) =>
      resolve({ code, signal, stderr: err, lines: out.split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>) }),
    ),
  );
  return { child, done };
}

async function expectExactlyOnce(count: number): Promise<void> {
  const ledger = await ledgerOf(hub.baseUrl);
  expect(ledger.summary.msgidsSettledTwice).toEqual([]);
  expect(ledger.summary.visitsSettledTwice).toEqual([]);
  const summary = term.store.summary();
  expect({ depth: summary.depth, dead: summary.dead }).toEqual({ depth: 0, dead: 0 });
  expect(checkExactlyOnce(term, ledger)).toEqual({ done: count, missingAtHub: [], unknownAtHub: [], journalDisagrees: [] });
}

describe('offline queue under faults', () => {
  it('two flushing processes started at once settle every visit exactly once', async () => {
    term.enqueueDrill(40);
    const a = startChild(hub.callServiceUrl);
    const b = startChild(hub.callServiceUrl);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const succeeded = [...ra.lines, ...rb.lines].reduce((s, l) => s + (typeof l.succeeded === 'number' ? l.succeeded : 0), 0);
    expect(succeeded).toBe(40);
    await expectExactlyOnce(40);
  }, 60_000);

  it('a flushing process SIGKILLed at random points, repeatedly, loses and duplicates nothing', async () => {
    term.enqueueDrill(120);
    const doneAfterKill: number[] = [];
    let previousOwner: string | undefined;
    for (let round = 0; round < 5 && term.store.summary().depth > 0; round++) {
      const c = startChild(hub.callServiceUrl);
      // Wait until this child holds the lease (it is flushing), then kill it somewhere in the flush.
      const until = Date.now() + 30_000;
      for (;;) {
        const lease = term.lease.info();
        if (lease.owner && lease.owner !== previousOwner && lease.expiresAt >= Date.now()) {
          previousOwner = lease.owner;
          break;
        }
        if (c.child.exitCode === 0) break; // it finished the queue before we caught it flushing
        if (Date.now() > until || c.child.exitCode !== null) throw new Error(`child did not start flushing: ${(await c.done).stderr}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 700)));
      c.child.kill('SIGKILL');
      const r = await c.done;
      expect(r.signal === 'SIGKILL' || r.code === 0).toBe(true);
      doneAfterKill.push(term.store.summary().done);
    }
    // The kills fell inside flushes that had got part of the queue through.
    expect(Math.max(...doneAfterKill), `done after each kill: ${doneAfterKill.join(', ')}`).toBeGreaterThan(0);
    const last = startChild(hub.callServiceUrl);
    const r = await last.done;
    expect(r.code, r.stderr).toBe(0);
    await expectExactlyOnce(120);
  }, 90_000);

  it('the hub flapping during a flush, and answers dropped after commit, settle every visit exactly once', async () => {
    const proxy = await flappingProxy(Number(new URL(hub.callServiceUrl).port));
    const flappy = queueTerminal(`http://127.0.0.1:${proxy.port}${new URL(hub.callServiceUrl).pathname}`, tmp.dir);
    try {
      flappy.enqueueDrill(20);
      hub.faults.add({ kind: 'drop-after-commit', infno: '2207', count: 4 });
      hub.faults.add({ kind: 'drop-after-commit', infno: '2201', count: 2 });
      proxy.flap(300);
      const drainer = flappy.drainer({ concurrency: 3 });
      const stops = new Set<string>();
      const until = Date.now() + 40_000;
      while (flappy.store.summary().depth > 0 && Date.now() < until) {
        const r = await drainer.flush();
        if (r.stoppedBecause) stops.add(r.stoppedBecause);
        await new Promise((res) => setTimeout(res, 40));
      }
      expect(stops.has('hub_unreachable')).toBe(true);
    } finally {
      proxy.close();
      flappy.close();
    }
    await expectExactlyOnce(20);
  }, 60_000);
});

/** A TCP proxy to the hub that goes down and up: while down it cuts every connection. */
async function flappingProxy(target: number): Promise<{ port: number; flap(ms: number): void; close(): void }> {
  let up = true;
  let timer: NodeJS.Timeout | undefined;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!up) return void client.destroy();
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    flap(ms) {
      timer = setInterval(() => {
        up = !up;
        if (!up) for (const s of sockets) s.destroy();
      }, ms);
    },
    close() {
      if (timer) clearInterval(timer);
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
