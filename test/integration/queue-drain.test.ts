// The drainer against the real training hub: offline visits settle exactly once, in order, with
// the msgids reserved when they were queued; refusals are dead-lettered with the hub's reason; the
// database file holds no plain ID numbers or names of queued patients.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillPayload, drillRows, payloadTotal } from '@src/cli/commands/queue-drill';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import type { TrainingHub } from '@src/training/hub/training-hub';
import { checkExactlyOnce, ledgerOf, OPERATOR, queueTerminal, startHub, tempDir, trainingCatalog, type QueueTerminal } from './queue-test-kit';

let tmp: ReturnType<typeof tempDir>;
let hub: TrainingHub;
let term: QueueTerminal;

beforeAll(async () => {
  tmp = tempDir('yk-queue-drain-');
  hub = await startHub(tmp.dir);
  term = queueTerminal(hub.callServiceUrl, tmp.dir);
});
afterAll(async () => {
  term.close();
  await hub.close();
  tmp.remove();
});

describe('flushing offline visits to the training hub', () => {
  it('settles every queued visit once, under the 2207 msgid reserved at enqueue', async () => {
    const ids = term.enqueueDrill(12);
    const reserved = ids.map((id) => term.store.mustGet(id).msgids['2207']);
    const report = await term.drainer({ concurrency: 3 }).flush();
    expect(report).toMatchObject({ total: 12, succeeded: 12, dead: 0, remaining: 0 });
    const ledger = await ledgerOf(hub.baseUrl);
    expect(ledger.summary.msgidsSettledTwice).toEqual([]);
    expect(ledger.summary.visitsSettledTwice).toEqual([]);
    expect(checkExactlyOnce(term, ledger)).toEqual({ done: 12, missingAtHub: [], unknownAtHub: [], journalDisagrees: [] });
    expect(ids.map((id) => term.store.mustGet(id).msgids['2207'])).toEqual(reserved);
    const result = term.store.resultOf<{ setlId: string; psnCashPay: number }>(term.store.mustGet(ids[0] as number));
    expect(result?.setlId).toBeTruthy();
  });

  it('dead-letters a visit the hub refuses, with the hub reason, and keeps sending the others', async () => {
    const rows = drillRows(trainingCatalog());
    const refusedPatient = TRAINING_PATIENTS.find((p) => p.name === '陈刚')!;
    const bad = drillPayload(rows, 0, OPERATOR, refusedPatient);
    const badItem = term.store.enqueue({ kind: 'outpatient_settlement', payload: bad, amountFen: payloadTotal(bad), operator: OPERATOR.code });
    const okIds = term.enqueueDrill(3);
    const report = await term.drainer().flush();
    expect(report.dead).toBe(1);
    expect(report.succeeded).toBe(3);
    const dead = term.store.mustGet(badItem.id);
    expect(dead.state).toBe('dead');
    expect(dead.lastError).toMatch(/备案/);
    for (const id of okIds) expect(term.store.mustGet(id).state).toBe('done');
  });

  it('holds a later item of the same visit back until the earlier one is done', async () => {
    const rows = drillRows(trainingCatalog());
    const p = drillPayload(rows, 5, OPERATOR);
    const first = term.store.enqueue({ kind: 'outpatient_settlement', visitKey: 'visit:order', payload: p, amountFen: payloadTotal(p), operator: OPERATOR.code });
    const second = term.store.enqueue({ kind: 'outpatient_settlement', visitKey: 'visit:order', payload: drillPayload(rows, 6, OPERATOR), amountFen: 1, operator: OPERATOR.code });
    const claimed = term.store.claimNext('probe', 1000, new Set(), () => true);
    expect(claimed?.id).toBe(first.id);
    expect(term.store.claimNext('probe', 1000, new Set(['visit:order']), () => true)).toBeUndefined();
    term.store.fail(claimed!, { error: 'x', counts: false, dead: false, retryInMs: 0, maxFailures: 8 });
    await term.drainer().flush();
    const a = term.store.mustGet(first.id);
    const b = term.store.mustGet(second.id);
    expect([a.state, b.state]).toEqual(['done', 'done']);
    expect(a.finishedAt! <= b.finishedAt!).toBe(true);
  });

  it('sends a refund (2208) and a reversal (2601) requested offline, once each, in order within their visit', async () => {
    const [a, b] = term.enqueueDrill(2);
    await term.drainer().flush();
    const ra = term.store.resultOf<{ setlId: string; mdtrtId: string; psnNo: string; settleMsgid: string }>(term.store.mustGet(a!))!;
    const rb = term.store.resultOf<{ setlId: string; mdtrtId: string; psnNo: string; settleMsgid: string }>(term.store.mustGet(b!))!;
    const area = (psnNo: string) => TRAINING_PATIENTS.find((p) => p.psnNo === psnNo)!.insuredArea;
    const visit = `visit:${ra.mdtrtId}`;
    const refund = term.store.enqueue({ kind: 'refund', visitKey: visit, payload: { operator: OPERATOR, infno: '2208', insuplcAdmdvs: area(ra.psnNo), input: { data: { setl_id: ra.setlId, mdtrt_id: ra.mdtrtId, psn_no: ra.psnNo } } }, amountFen: 0, operator: OPERATOR.code });
    const reversal = term.store.enqueue({ kind: 'reversal', payload: { operator: OPERATOR, psnNo: rb.psnNo, insuplcAdmdvs: area(rb.psnNo), omsgid: rb.settleMsgid, oinfno: '2207' }, amountFen: 0, operator: OPERATOR.code });
    const report = await term.drainer().flush();
    expect(report).toMatchObject({ succeeded: 2, dead: 0 });
    expect((await term.drainer().flush()).total).toBe(0);
    const ledger = await ledgerOf(hub.baseUrl);
    expect(ledger.entries.filter((e) => e.event === 'cancel' && e.msgid === refund.msgids['2208'])).toHaveLength(1);
    expect(ledger.entries.filter((e) => e.event === 'reversal' && e.msgid === reversal.msgids['2601'])).toHaveLength(1);
    expect(ledger.entries.find((e) => e.setlId === rb.setlId && e.event === 'settle')?.state).toBe('reversed');
  });

  it('leaves no plain ID number or name of a queued patient in the database files (WAL included)', () => {
    const files = readdirSync(tmp.dir).filter((f) => f.startsWith('terminal.db')).map((f) => path.join(tmp.dir, f));
    expect(files.length).toBeGreaterThan(1);
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    for (const p of TRAINING_PATIENTS) {
      expect(bytes.includes(Buffer.from(p.idNumber)), `${p.name}'s ID number`).toBe(false);
      expect(bytes.includes(Buffer.from(p.name)), `${p.name}'s name`).toBe(false);
    }
  });
});
