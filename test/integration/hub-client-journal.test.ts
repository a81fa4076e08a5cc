// Journal before send, unknown outcomes marked, and each way of resolving them, against a fake
// hub that keeps a ledger (settlements by msgid, 5203 lookup, idempotent 2601) and can lose
// answers before or after it commits.
import Database from 'better-sqlite3';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HubTimeoutError } from '@src/hub/errors';
import type { TxInput, TxOutput } from '@src/hub/protocol';
import { answerOk, answerRefusal, settlementOutput, startFakeHub, type FakeHub, type ReceivedRequest } from './hub-client-fake-hub';
import { createTestHub, OPERATOR, settleInput, type TestHub } from './hub-client-test-kit';

type Fault = 'none' | 'loseAnswerBeforeCommit' | 'loseAnswerAfterCommit';

interface LedgerHub {
  fake: FakeHub;
  settlements: Map<string, { output: TxOutput<'2207'>; reversed: boolean; mdtrtId: string }>;
  nextFault: Fault;
  refuse2601?: string;
}

async function startLedgerHub(onRequest?: (req: ReceivedRequest) => void): Promise<LedgerHub> {
  const hub: LedgerHub = { fake: undefined as unknown as FakeHub, settlements: new Map(), nextFault: 'none' };
  let setl = 0;
  hub.fake = await startFakeHub((req, res: ServerResponse) => {
    onRequest?.(req);
    if (!req.decoded.ok) return void res.writeHead(400).end(req.decoded.detail);
    const fault = hub.nextFault;
    hub.nextFault = 'none';
    switch (req.decoded.infno) {
      case '2207': {
        if (fault === 'loseAnswerBeforeCommit') return new Promise(() => {});
        const input = req.decoded.input as TxInput<'2207'>;
        let entry = hub.settlements.get(req.msgid!);
        if (!entry) {
          // A repeated msgid gets the first answer and is never settled twice.
          entry = { output: settlementOutput(req.msgid!, { setl_id: `S${++setl}`, mdtrt_id: input.data.mdtrt_id }), reversed: false, mdtrtId: input.data.mdtrt_id };
          hub.settlements.set(req.msgid!, entry);
        }
        if (fault === 'loseAnswerAfterCommit') return new Promise(() => {});
        return answerOk(res, '2207', entry.output);
      }
      case '5203': {
        const input = req.decoded.input as TxInput<'5203'>;
        const found = [...hub.settlements.values()].filter((s) => s.mdtrtId === input.data.mdtrt_id && !s.reversed).at(-1);
        return answerOk(res, '5203', { setlinfo: found?.output.setlinfo ?? null, setldetail: found?.output.setldetail ?? [] });
      }
      case '2601': {
        if (hub.refuse2601) return answerRefusal(res, '2601', hub.refuse2601);
        const input = req.decoded.input as TxInput<'2601'>;
        const original = hub.settlements.get(input.data.omsgid);
        if (original) original.reversed = true; // idempotent: reversing twice changes nothing
        return answerOk(res, '2601', null);
      }
      default:
        return void res.writeHead(404).end();
    }
  });
  return hub;
}

let ledger: LedgerHub | undefined;
let t: TestHub | undefined;
/** How far the client's wall clock is ahead of the real one (lets a test be "much later"). */
let skewMs = 0;
afterEach(async () => {
  t?.close();
  await ledger?.fake.close();
  t = undefined;
  ledger = undefined;
  skewMs = 0;
});

const opts = { operator: OPERATOR, insuplcAdmdvs: '320500', context: 'settlement:42' };

async function unknownSettlement(fault: Fault, grace = 0) {
  ledger = await startLedgerHub();
  t = createTestHub(ledger.fake.url, { config: { timeouts: { callTimeoutMs: 500 } }, deps: { notAppliedGraceMs: grace, now: () => new Date(Date.now() + skewMs) } });
  ledger.nextFault = fault;
  const e = await t.hub.settleOutpatient(settleInput('M42'), opts).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(HubTimeoutError);
  const [entry] = t.hub.resolver.listUnresolved();
  expect(entry).toMatchObject({ infno: '2207', context: 'settlement:42', state: 'unknown', psnNo: 'P320500000001', mdtrtId: 'M42', insuplcAdmdvs: '320500' });
  return entry!;
}

describe('journal before send', () => {
  it('has the entry durably in terminal.db, pending, when the request reaches the hub', async () => {
    let seenByHub: unknown;
    let dbFile = '';
    ledger = await startLedgerHub((req) => {
      // A separate connection, as another process would see it.
      const other = new Database(dbFile, { readonly: true });
      seenByHub = other.prepare('SELECT infno, state, context, input_digest, psn_no FROM hub_journal WHERE msgid = ?').get(req.msgid);
      other.close();
    });
    t = createTestHub(ledger.fake.url);
    dbFile = t.dbFile;
    const r = await t.hub.settleOutpatient(settleInput(), opts);
    expect(seenByHub).toMatchObject({ infno: '2207', state: 'pending', context: 'settlement:42', psn_no: 'P320500000001' });
    expect((seenByHub as { input_digest: string }).input_digest).toMatch(/^[0-9a-f]{64}$/);
    const entry = t.hub.journal.get(r.journalId!);
    expect(entry).toMatchObject({ state: 'ok', unresolved: false, sends: 1 });
    expect(entry!.infRefmsgid).toMatch(/^\d{30}$/);
    expect(t.hub.resolver.outputOf(r.journalId!)).toEqual(r.output);
  });

  it('keeps patient data out of readable columns: the stored request is sealed', async () => {
    ledger = await startLedgerHub();
    t = createTestHub(ledger.fake.url);
    const r = await t.hub.settleOutpatient(settleInput(), opts);
    const raw = t.db.prepare('SELECT request, response FROM hub_journal WHERE id = ?').get(r.journalId) as { request: string; response: string };
    expect(raw.request).toMatch(/^v1\./);
    expect(raw.request).not.toContain('320501197203150018');
    expect(raw.response).not.toContain('P320500000001');
    expect(t.hub.journal.requestBody(r.journalId!)).toContain('320501197203150018');
  });

  it('does not journal queries', async () => {
    ledger = await startLedgerHub();
    t = createTestHub(ledger.fake.url);
    await t.hub.querySettlement({ data: { psn_no: 'P1', mdtrt_id: 'M1' } }, { insuplcAdmdvs: '320500' });
    expect(t.db.prepare('SELECT count(*) AS n FROM hub_journal').get()).toEqual({ n: 0 });
  });

  it('turns a call cut off by a crash into an unknown outcome at the next start', async () => {
    ledger = await startLedgerHub();
    let now = new Date('2024-03-01T08:00:00Z');
    t = createTestHub(ledger.fake.url, { deps: { now: () => now } });
    const id = t.hub.journal.begin({ msgid: 'H31010100001202403011600000700', infno: '2207', inputDigest: 'a'.repeat(64), requestBody: '{}', psnNo: 'P1', deadlineAt: new Date(now.getTime() + 5000) });
    expect(t.hub.resolver.listUnresolved()).toEqual([]); // still in flight
    now = new Date(now.getTime() + 60_000);
    expect(t.hub.resolver.listUnresolved().map((e) => e.id)).toEqual([id]);
    expect(t.hub.recoverJournal()).toBe(1);
    expect(t.hub.journal.get(id)).toMatchObject({ state: 'unknown', unresolved: true });
  });
});

describe('resolving an unknown settlement', () => {
  it('by 5203 query: found with our msgid → confirmed, its output kept', async () => {
    const entry = await unknownSettlement('loseAnswerAfterCommit');
    const report = await t!.hub.resolver.query(entry.id, { operator: OPERATOR });
    expect(report.result).toBe('confirmed');
    expect(report.entry).toMatchObject({ state: 'ok', resolution: 'confirmed', unresolved: false });
    expect((report.output as TxOutput<'2207'>).setlinfo.medins_setl_id).toBe(entry.msgid);
    expect((t!.hub.resolver.outputOf(entry.id) as TxOutput<'2207'>).setlinfo.setl_id).toBe('S1');
    expect(t!.hub.resolver.listUnresolved()).toEqual([]);
    expect(t!.hub.journal.attempts(entry.id)).toMatchObject([{ method: 'query', result: 'confirmed', operator: 'sy01' }]);
  });

  it('by 5203 query: nothing settled, well after the deadline → not applied', async () => {
    const entry = await unknownSettlement('loseAnswerBeforeCommit', 30_000);
    skewMs = 60_000; // a minute later
    const report = await t!.hub.resolver.query(entry.id);
    expect(report.result).toBe('not_applied');
    expect(report.entry.resolution).toBe('not_applied');
  });

  it('by 5203 query: nothing settled yet, too soon → still unknown', async () => {
    const entry = await unknownSettlement('loseAnswerBeforeCommit', 60_000);
    const report = await t!.hub.resolver.query(entry.id);
    expect(report.result).toBe('still_unknown');
    expect(report.entry.unresolved).toBe(true);
  });

  it('by 2601 reversal: undone at the hub, the reversal itself journaled', async () => {
    const entry = await unknownSettlement('loseAnswerAfterCommit');
    const report = await t!.hub.resolver.reverse(entry.id, { operator: OPERATOR });
    expect(report.result).toBe('reversed');
    expect(ledger!.settlements.get(entry.msgid)!.reversed).toBe(true);
    const reversal = t!.hub.journal.byContext(`reversal:${entry.msgid}`);
    expect(reversal).toHaveLength(1);
    expect(reversal[0]).toMatchObject({ infno: '2601', state: 'ok' });
    const sent = ledger!.fake.requests.find((r) => r.infno === '2601')!;
    expect(JSON.parse(sent.body).input).toEqual({ data: { psn_no: 'P320500000001', omsgid: entry.msgid, oinfno: '2207' } });
    await expect(t!.hub.resolver.reverse(entry.id)).rejects.toMatchObject({ code: 'HUB_OUTCOME_KNOWN' });
  });

  it('by 2601 reversal refused by the hub: recorded as failed, still unresolved', async () => {
    const entry = await unknownSettlement('loseAnswerAfterCommit');
    ledger!.refuse2601 = '原交易不允许冲正';
    const report = await t!.hub.resolver.reverse(entry.id);
    expect(report.result).toBe('failed');
    expect(report.error?.message).toBe('原交易不允许冲正');
    expect(t!.hub.resolver.listUnresolved().map((e) => e.id)).toEqual([entry.id]);
  });

  it('by resending the same msgid: the hub answers with the first answer, nothing settled twice', async () => {
    const entry = await unknownSettlement('loseAnswerAfterCommit');
    const report = await t!.hub.resolver.resend(entry.id, { operator: OPERATOR });
    expect(report.result).toBe('confirmed');
    expect(report.entry).toMatchObject({ state: 'ok', sends: 2, resolution: 'confirmed' });
    const sends = ledger!.fake.requests.filter((r) => r.msgid === entry.msgid);
    expect(sends).toHaveLength(2);
    expect(JSON.parse(sends[1]!.body).input).toEqual(JSON.parse(sends[0]!.body).input);
    expect(ledger!.settlements.size).toBe(1);
  });

  it('by resending when the first attempt never committed: processed now, once', async () => {
    const entry = await unknownSettlement('loseAnswerBeforeCommit');
    const report = await t!.hub.resolver.resend(entry.id);
    expect(report.result).toBe('confirmed');
    expect(ledger!.settlements.size).toBe(1);
  });

  it('a resend that times out again stays unknown, with both attempts recorded', async () => {
    const entry = await unknownSettlement('loseAnswerBeforeCommit');
    ledger!.nextFault = 'loseAnswerBeforeCommit';
    const report = await t!.hub.resolver.resend(entry.id);
    expect(report.result).toBe('still_unknown');
    expect(report.entry).toMatchObject({ state: 'unknown', sends: 2, unresolved: true });
    expect(t!.hub.journal.attempts(entry.id)).toHaveLength(1);
  });

  it('by hand, after the hub help desk confirmed it', async () => {
    const entry = await unknownSettlement('loseAnswerBeforeCommit');
    const report = t!.hub.resolver.markManually(entry.id, 'not_applied', 'it01', '医保中心客服确认未结算');
    expect(report.entry.resolution).toBe('not_applied');
    expect(t!.hub.journal.attempts(entry.id)[0]).toMatchObject({ method: 'manual', operator: 'it01', detail: '医保中心客服确认未结算' });
  });

  it('offers the methods each transaction allows', async () => {
    const entry = await unknownSettlement('loseAnswerBeforeCommit');
    expect(t!.hub.resolver.methodsFor(entry)).toEqual(['query', 'reverse', 'resend', 'manual']);
    expect(t!.hub.resolver.methodsFor({ ...entry, infno: '2204' })).toEqual(['resend', 'manual']);
    await expect(t!.hub.resolver.query(entry.id + 1000)).rejects.toThrow(RangeError);
  });
});
