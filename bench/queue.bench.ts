// `npm run bench -- queue [--json] [--items N] [--concurrency C] [--bare N]`: flush N queued offline
// outpatient settlements (default 10 000) to the loopback training hub.
//
// The training hub runs in its own process (as the real hub would be elsewhere), with its own
// SQLite state. The terminal side is the real thing: terminal.db (WAL, synchronous=FULL), msgids
// reserved at enqueue, the lease, per-item claims, the hub journal before and after every call with
// side effects, sealed payloads. Each visit needs six round trips: 1101, 2201, 2203, 2204, 2206, 2207.
//
// bare: the same six calls per visit, at the same concurrency, through the minimal hub client (no
// journal, no queue, no encryption) — what the round trips alone allow on this machine.
// ratioToBare = settlementsPerSec / bareVisitsPerSec. duplicates and lost come from the training
// hub's ledger: msgids or visits settled twice, and queued visits without a settlement in force.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { drillPayload, drillRows, payloadTotal } from '@src/cli/commands/queue-drill';
import { TerminalConfigSchema } from '@src/contract/config';
import { openTerminalDb } from '@src/database/terminal-db';
import { Hub } from '@src/hub/hub';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import { QueueDrainer } from '@src/queue/queue-drainer';
import { QueueLease } from '@src/queue/queue-lease';
import { QueueStore } from '@src/queue/queue-store';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import type { LedgerReport } from '@src/training/hub/core/ledger';
import { freeLoopbackPort } from '@src/training/hub/testing/free-loopback-port';
import { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { settleOutpatient } from '@src/training/hub/testing/visit-scenarios';
import type { BenchModule } from './main';
import { positiveIntegerOption } from './positive-integer-option';

const CATALOG_ROWS = 4000;
const OPERATOR = { code: 'sy01', name: '王小红' };

/** The training hub in a child process; resolves when it answers /admin/health. */
async function startHubProcess(dir: string): Promise<{ base: string; stop(): void }> {
  const port = await freeLoopbackPort();
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, ['src/training/hub/main.ts', '--port', String(port), '--db', path.join(dir, 'hub.db'), '--catalog-rows', String(CATALOG_ROWS)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/admin/health`)).ok) return { base, stop: () => void child.kill('SIGTERM') };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('training hub process did not start');
}

async function pool(count: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await fn(next++);
  }));
}

const bench: BenchModule = {
  description: 'flush N queued offline settlements to the loopback training hub, vs the bare round trips',
  async run(args, { json }) {
    const items = positiveIntegerOption(args, '--items', 10_000);
    const concurrency = positiveIntegerOption(args, '--concurrency', 8);
    const bareVisits = positiveIntegerOption(args, '--bare', Math.min(items, 1_000));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-bench-queue-'));
    const hubProc = await startHubProcess(dir);
    const url = `${hubProc.base}/fsi/api/rsfComIfsService/callService`;
    const db = openTerminalDb(path.join(dir, 'terminal.db'));
    const config = TerminalConfigSchema.parse({
      institution: { code: 'H31010100001', name: '上海市训练示范医院', kind: 'hospital', level: '3' },
      mdtrtareaAdmvs: '310000',
      hub: { url },
      terminal: { terminalId: 'T01' },
      timeouts: { callTimeoutMs: 8000 },
    });
    const box = new SealedBox(randomBytes(32));
    const hub = new Hub({ db, config: () => config, sealer: () => box });
    const log = (s: string): void => void (json ? process.stderr.write(s + '\n') : console.log(s));
    try {
      const rows = drillRows(new TrainingCatalog({ feeItemRows: CATALOG_ROWS }));

      // Bare: the six round trips per visit, same concurrency, nothing else.
      const bareClients = Array.from({ length: concurrency }, () => new MinimalHubClient(hubProc.base));
      for (const c of bareClients) await c.signIn();
      const patients = TRAINING_PATIENTS.filter((p) => ['张伟', '李娜', '刘洋', '赵敏'].includes(p.name));
      const bareStart = performance.now();
      let w = 0;
      await pool(bareVisits, concurrency, async (i) => {
        const client = bareClients[w++ % concurrency] as MinimalHubClient;
        const p = patients[i % patients.length]!;
        const payload = drillPayload(rows, i, OPERATOR, p);
        client.insuredArea = p.insuredArea;
        await client.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber } });
        await settleOutpatient(client, p, payload.lines.map((l) => ({ code: l.code, price: l.price, quantity: l.quantity })));
      });
      const bareSec = (performance.now() - bareStart) / 1000;
      const bareVisitsPerSec = bareVisits / bareSec;
      log(`bare: ${bareVisits} visits (×6 round trips) in ${bareSec.toFixed(1)} s = ${Math.round(bareVisitsPerSec)} visits/s`);

      // Queue: enqueue (not timed), then flush.
      const store = new QueueStore({ db, sealer: () => box, reserveMsgid: () => hub.msgids.next() });
      const enqueueStart = performance.now();
      for (let i = 0; i < items; i++) {
        const payload = drillPayload(rows, i, OPERATOR);
        store.enqueue({ kind: 'outpatient_settlement', payload, amountFen: payloadTotal(payload), operator: OPERATOR.code });
      }
      const enqueueMs = performance.now() - enqueueStart;
      log(`enqueued ${items} offline visits in ${(enqueueMs / 1000).toFixed(1)} s`);
      const drainer = new QueueDrainer({ db, store, lease: new QueueLease(db), hub, concurrency });
      let lastPrint = 0;
      const report = await drainer.flush({
        onProgress: (p) => {
          if (!json && performance.now() - lastPrint > 2000) {
            lastPrint = performance.now();
            log(`  ${p.done}/${p.total} ${Math.round(p.rate)}/s`);
          }
        },
      });
      const settlementsPerSec = report.succeeded / (report.durationMs / 1000);

      const ledger = (await (await fetch(`${hubProc.base}/admin/ledger`)).json()) as LedgerReport;
      const inForce = new Set(ledger.entries.filter((e) => e.event === 'settle' && e.state === 'settled').map((e) => e.msgid));
      const done = store.list({ state: 'done', limit: items + 1 });
      const lost = items - done.filter((i) => inForce.has(i.msgids['2207'] as string)).length;
      const duplicates = ledger.summary.msgidsSettledTwice.length + ledger.summary.visitsSettledTwice.length;
      return {
        bench: 'queue',
        items,
        concurrency,
        flushMs: report.durationMs,
        succeeded: report.succeeded,
        dead: report.dead,
        enqueuePerSec: Math.round(items / (enqueueMs / 1000)),
        bareVisitsPerSec: Math.round(bareVisitsPerSec),
        settlementsPerSec: Math.round(settlementsPerSec),
        ratioToBare: Math.round((settlementsPerSec / bareVisitsPerSec) * 100) / 100,
        duplicates,
        lost,
      };
    } finally {
      hub.close();
      db.close();
      hubProc.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
