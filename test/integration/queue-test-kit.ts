// The offline queue against a real training hub: a terminal.db in a temp folder, the hub client,
// the store, lease and drainer, and drill visits of training patients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TrainingHub } from '@src/training/hub/training-hub';
import { drillPayload, drillRows, payloadTotal } from '@src/cli/commands/queue-drill';
import { QueueDrainer, type DrainerOptions } from '@src/queue/queue-drainer';
import { QueueLease } from '@src/queue/queue-lease';
import { QueueStore } from '@src/queue/queue-store';
import type { LedgerReport } from '@src/training/hub/core/ledger';
import { createTestHub, type TestHub } from './hub-client-test-kit';

export const OPERATOR = { code: 'sy01', name: '王小红' };
export const TEST_KEY = Buffer.alloc(32, 7);

let sharedCatalog: TrainingCatalog | undefined;
export function trainingCatalog(): TrainingCatalog {
  return (sharedCatalog ??= new TrainingCatalog({ feeItemRows: 4_000 }));
}

export async function startHub(dir: string): Promise<TrainingHub> {
  return TrainingHub.start({ dbFile: path.join(dir, 'hub.db'), catalog: trainingCatalog() });
}

export interface QueueTerminal {
  t: TestHub;
  store: QueueStore;
  lease: QueueLease;
  drainer(options?: Partial<DrainerOptions>): QueueDrainer;
  enqueueDrill(n: number): number[];
  close(): void;
}

/** A terminal (terminal.db in `dir`) whose hub client points at `url`; the data key is fixed so several processes share it. */
export function queueTerminal(url: string, dir: string, key: Uint8Array = TEST_KEY): QueueTerminal {
  const t = createTestHub(url, { dir, key, config: { timeouts: { callTimeoutMs: 3000 } } });
  const box = new SealedBox(Buffer.from(key));
  const store = new QueueStore({ db: t.db, sealer: () => box, reserveMsgid: () => t.hub.msgids.next() });
  const lease = new QueueLease(t.db);
  const rows = drillRows(trainingCatalog());
  return {
    t,
    store,
    lease,
    drainer: (options = {}) => new QueueDrainer({ db: t.db, store, lease, hub: t.hub, leaseMs: 1500, backoff: { baseMs: 50, maxMs: 400 }, ...options }),
    enqueueDrill(n) {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) {
        const payload = drillPayload(rows, i, OPERATOR);
        ids.push(store.enqueue({ kind: 'outpatient_settlement', payload, amountFen: payloadTotal(payload), operator: OPERATOR.code }).id);
      }
      return ids;
    },
    close() {
      t.close();
    },
  };
}


export async function ledgerOf(hubBaseUrl: string): Promise<LedgerReport> {
  const r = await fetch(new URL('/admin/ledger', hubBaseUrl));
  return (await r.json()) as LedgerReport;
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Exactly once: every done outpatient item has one settlement in force at the hub under its
 * reserved 2207 msgid, no settlement the terminal does not know, and the terminal's journal
 * records each as answered.
 */
export function checkExactlyOnce(term: QueueTerminal, ledger: LedgerReport): { done: number; missingAtHub: string[]; unknownAtHub: string[]; journalDisagrees: string[] } {
  const done = term.store.list({ state: 'done', limit: 1_000_000 });
  const settleMsgids = new Set(ledger.entries.filter((e) => e.event === 'settle' && e.state === 'settled').map((e) => e.msgid));
  const ours = new Set(done.map((i) => i.msgids['2207'] as string));
  return {
    done: done.length,
    missingAtHub: [...ours].filter((m) => !settleMsgids.has(m)),
    unknownAtHub: [...settleMsgids].filter((m) => !ours.has(m)),
    // The terminal's journal knows each of those settlements as answered (ok).
    journalDisagrees: [...ours].filter((m) => term.t.hub.journal.getByMsgid(m)?.state !== 'ok'),
  };
}
