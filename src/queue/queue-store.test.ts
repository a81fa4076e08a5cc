import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTerminalDb } from '@src/database/terminal-db';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';
import { QueueStore } from './queue-store';

let dir: string;
let db: Db;
let store: QueueStore;
let clock: { t: number };
let n = 0;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yk-qstore-'));
  db = openTerminalDb(path.join(dir, 'terminal.db'));
  clock = { t: 1_000_000 };
  const box = new SealedBox(randomBytes(32));
  store = new QueueStore({ db, sealer: () => box, reserveMsgid: () => `H31010100001202611230800000${String(n++).padStart(3, '0')}`, now: () => clock.t });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const payload = { cert: { type: '02', no: '320501197203150018' }, name: '张伟' };
const add = (visitKey?: string) => store.enqueue({ kind: 'outpatient_settlement', visitKey, payload, amountFen: 12_345, operator: 'sy01' });

describe('QueueStore', () => {
  it('reserves every msgid of the item when it is created, and keeps the payload sealed', () => {
    const item = add();
    expect(Object.keys(item.msgids)).toEqual(['2201', '2203', '2204', '2207']);
    expect(new Set(Object.values(item.msgids)).size).toBe(4);
    expect(store.payloadOf(item)).toEqual(payload);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = Buffer.concat(readdirSync(dir).map((f) => readFileSync(path.join(dir, f))));
    expect(bytes.includes(Buffer.from('320501197203150018'))).toBe(false);
    expect(bytes.includes(Buffer.from('张伟'))).toBe(false);
  });

  it('claims the first item of each visit only, and skips visits the drainer is already sending', () => {
    const a1 = add('v:a');
    const a2 = add('v:a');
    const b1 = add('v:b');
    const first = store.claimNext('d1', 1000, new Set(), () => true);
    expect(first?.id).toBe(a1.id);
    expect(store.claimNext('d1', 1000, new Set(['v:a']), () => true)?.id).toBe(b1.id);
    store.complete(first!, { ok: true });
    expect(store.claimNext('d1', 1000, new Set(['v:b']), () => true)?.id).toBe(a2.id);
  });

  it('claims nothing for a drainer that no longer holds the lease', () => {
    add();
    expect(store.claimNext('d1', 1000, new Set(), () => false)).toBeUndefined();
  });

  it('lets another drainer take over a claim only after it expired', () => {
    const item = add();
    store.claimNext('d1', 1000, new Set(), () => true);
    expect(store.claimNext('d2', 1000, new Set(), () => true)).toBeUndefined();
    clock.t += 1001;
    expect(store.claimNext('d2', 1000, new Set(), () => true)?.id).toBe(item.id);
  });

  it('backs off after a failure and dead-letters at the limit, holding the rest of the visit back', () => {
    const a1 = add('v:a');
    const a2 = add('v:a');
    let c = store.claimNext('d', 1000, new Set(), () => true)!;
    expect(store.fail(c, { error: '网络 320501197203150018', counts: true, dead: false, retryInMs: 500, maxFailures: 2 })).toBe('queued');
    expect(store.mustGet(a1.id).lastError).not.toContain('320501197203150018');
    expect(store.claimNext('d', 1000, new Set(), () => true)).toBeUndefined();
    clock.t += 500;
    c = store.claimNext('d', 1000, new Set(), () => true)!;
    expect(store.fail(c, { error: '医保中心拒绝', counts: true, dead: false, retryInMs: 500, maxFailures: 2 })).toBe('dead');
    clock.t += 10_000;
    expect(store.claimNext('d', 1000, new Set(), () => true)).toBeUndefined();
    expect(store.summary()).toMatchObject({ depth: 1, dead: 1 });
    // IT closes the dead item by hand: the visit's next item may go.
    store.resolve(a1.id, 'it01');
    expect(store.claimNext('d', 1000, new Set(), () => true)?.id).toBe(a2.id);
  });

  it('retries a dead item with a new msgid only for the steps the hub refused', () => {
    const item = add();
    const c = store.claimNext('d', 1000, new Set(), () => true)!;
    store.fail(c, { error: 'refused', counts: true, dead: true, retryInMs: 0, maxFailures: 8 });
    const again = store.retry(item.id, ['2201']);
    expect(again.state).toBe('queued');
    expect(again.msgids['2201']).not.toBe(item.msgids['2201']);
    expect(again.msgids['2207']).toBe(item.msgids['2207']);
    store.complete(store.claimNext('d', 1000, new Set(), () => true)!, {});
    expect(() => store.retry(item.id)).toThrow(/不能重试/);
  });

  it('in a flush IT asked for, sends items that are backing off, each once', () => {
    const item = add();
    const c = store.claimNext('d', 1000, new Set(), () => true)!;
    store.fail(c, { error: 'down', counts: false, dead: false, retryInMs: 60_000, maxFailures: 8 });
    expect(store.claimNext('d', 1000, new Set(), () => true)).toBeUndefined();
    clock.t += 10;
    const since = new Date(clock.t).toISOString();
    expect(store.dueCount(true)).toBe(1);
    clock.t += 10;
    const forced = store.claimNext('d', 1000, new Set(), () => true, since)!;
    expect(forced.id).toBe(item.id);
    store.fail(forced, { error: 'down', counts: false, dead: false, retryInMs: 60_000, maxFailures: 8 });
    expect(store.claimNext('d', 1000, new Set(), () => true, since)).toBeUndefined();
  });
});
