// The drainer's rules with executors standing in for the hub: which failures count, which end an
// item, that a flush stops when the hub is unreachable, that visits go in order and in parallel,
// and that "done" and its completion hook are one transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerminalConfigSchema } from '@src/contract/config';
import { openTerminalDb } from '@src/database/terminal-db';
import { HubNetworkError, HubProtocolError } from '@src/hub/errors';
import { Hub } from '@src/hub/hub';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';
import type { Executor } from './executors';
import { QueueDrainer, QueueStepRefusedError } from './queue-drainer';
import { QueueLease } from './queue-lease';
import { QueueStore } from './queue-store';
import type { QueueKind } from './queue-types';

let dir: string;
let db: Db;
let hub: Hub;
let store: QueueStore;
const box = new SealedBox(randomBytes(32));
const ctx = { infno: '2207', txName: '门诊结算', sideEffect: true };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yk-drainer-'));
  db = openTerminalDb(path.join(dir, 'terminal.db'));
  const config = TerminalConfigSchema.parse({ hub: { url: 'http://127.0.0.1:9/x' } });
  hub = new Hub({ db, config: () => config, sealer: () => box });
  store = new QueueStore({ db, sealer: () => box, reserveMsgid: () => hub.msgids.next() });
});
afterEach(() => {
  hub.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function drainer(run: Executor, maxFailures = 3): QueueDrainer {
  const executors = { outpatient_settlement: run, reversal: run, refund: run, inpatient_fees: run, pharmacy_refund: run, inpatient_cancel: run } satisfies Record<QueueKind, Executor>;
  return new QueueDrainer({ db, store, lease: new QueueLease(db), hub, executors, maxFailures, backoff: { baseMs: 1, maxMs: 1 }, leaseMs: 2000 });
}
const add = (visitKey?: string, n = 0) => store.enqueue({ kind: 'refund', visitKey, payload: { n }, amountFen: 100, operator: 'sy01' });

describe('QueueDrainer', () => {
  it('stops the flush when the hub is unreachable, without counting it against the item', async () => {
    add();
    add();
    const r = await drainer(async () => Promise.reject(new HubNetworkError(ctx))).flush();
    expect(r.stoppedBecause).toBe('hub_unreachable');
    expect(store.list().map((i) => [i.state, i.failures])).toContainEqual(['queued', 0]);
    expect(new QueueLease(db).info().owner).toBeUndefined();
  });

  it('dead-letters at once when the hub refused the first send, keeping its reason', async () => {
    const item = add();
    const r = await drainer(async () => Promise.reject(new QueueStepRefusedError('2207', '参保人未办理跨省异地就医备案'))).flush();
    expect(r.dead).toBe(1);
    expect(store.mustGet(item.id)).toMatchObject({ state: 'dead', failures: 1, lastError: expect.stringContaining('未办理跨省异地就医备案') });
  });

  it('counts answered failures and dead-letters after the limit', async () => {
    const item = add();
    const d = drainer(async () => Promise.reject(new HubProtocolError({ ...ctx, detail: 'HTTP 400' }, { httpStatus: 400, stage: 'http' })), 2);
    await d.flush();
    await new Promise((r) => setTimeout(r, 5));
    await d.flush();
    expect(store.mustGet(item.id)).toMatchObject({ state: 'dead', failures: 2 });
  });

  it('sends different visits in parallel and the items of one visit in order', async () => {
    for (let i = 0; i < 3; i++) add('visit:a', i);
    for (let i = 0; i < 3; i++) add('visit:b', i);
    const order: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const r = await drainer(async (c) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((res) => setTimeout(res, 10));
      order.push(`${c.item.visitKey}#${(c.payload as { n: number }).n}`);
      inFlight--;
      return {};
    }).flush();
    expect(r.succeeded).toBe(6);
    expect(maxInFlight).toBe(2);
    expect(order.filter((o) => o.startsWith('visit:a'))).toEqual(['visit:a#0', 'visit:a#1', 'visit:a#2']);
    expect(order.filter((o) => o.startsWith('visit:b'))).toEqual(['visit:b#0', 'visit:b#1', 'visit:b#2']);
  });

  it('marks an item done only together with its completion hook', async () => {
    const item = add();
    const d = drainer(async () => ({ ok: true }));
    d.onCompleted(() => {
      throw new Error('hook failed');
    });
    await d.flush();
    // Rolled back: not done; the failure is recorded (and the next attempt reads the hub's answer from the journal).
    expect(store.mustGet(item.id).state).not.toBe('done');
    expect(store.mustGet(item.id).lastError).toContain('hook failed');
  });
});
