// Each fault a hub (or the network) can produce, observed by the client as the right typed error,
// with the right journal state for calls with side effects.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Budget } from '@src/hub/budget';
import { HubBudgetExhaustedError, HubBusinessError, HubConnectionLostError, HubError, HubNetworkError, HubProtocolError, HubTimeoutError } from '@src/hub/errors';
import { freeLoopbackPort } from '@src/training/hub/testing/free-loopback-port';
import { answerOk, answerRefusal, settlementOutput, startFakeHub, type FakeHub } from './hub-client-fake-hub';
import { createTestHub, OPERATOR, settleInput, type TestHub } from './hub-client-test-kit';

let fake: FakeHub | undefined;
let t: TestHub | undefined;
afterEach(async () => {
  t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const person = { baseinfo: { psn_no: 'P1' }, insuinfo: [], idetinfo: [] };
const settleOpts = { operator: OPERATOR, insuplcAdmdvs: '320500', context: 'settlement:1' };

function onlyEntry(h: TestHub) {
  const rows = h.db.prepare('SELECT id, state, err_msg, failure FROM hub_journal').all() as { id: number; state: string; err_msg: string | null; failure: string | null }[];
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('faults as typed errors', () => {
  it('connection refused: HubNetworkError, not sent, queries retried within the budget', async () => {
    t = createTestHub(`http://127.0.0.1:${await freeLoopbackPort()}/fsi/api/rsfComIfsService/callService`);
    const q = await t.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: 'x' } }).catch((e: unknown) => e);
    expect(q).toBeInstanceOf(HubNetworkError);
    expect(q).toMatchObject({ outcome: 'not_sent', code: 'HUB_NETWORK' });
    const s = await t.hub.settleOutpatient(settleInput(), settleOpts).catch((e: unknown) => e);
    expect(s).toBeInstanceOf(HubNetworkError);
    expect(onlyEntry(t).state).toBe('not_sent');
    expect(t.hub.resolver.listUnresolved()).toEqual([]);
  });

  it('no answer before the server commits: HubTimeoutError, outcome unknown, journaled as unknown', async () => {
    fake = await startFakeHub(() => new Promise(() => {})); // never answers, never commits
    t = createTestHub(fake.url, { config: { timeouts: { callTimeoutMs: 600 } } });
    const e = await t.hub.settleOutpatient(settleInput(), settleOpts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubTimeoutError);
    expect(e).toMatchObject({ outcome: 'unknown', code: 'HUB_TIMEOUT' });
    expect((e as HubError).message).toContain('结果未知');
    expect((e as HubError).hint).toContain('请勿重复收费');
    expect(onlyEntry(t).state).toBe('unknown');
    expect(t.hub.resolver.listUnresolved()).toHaveLength(1);
    expect(fake.requests).toHaveLength(1); // never retried blindly
  });

  it('the server commits, then the answer is lost to the timeout: the same unknown outcome', async () => {
    const committed: string[] = [];
    fake = await startFakeHub((req) => {
      committed.push(req.msgid!);
      return new Promise(() => {});
    });
    t = createTestHub(fake.url, { config: { timeouts: { callTimeoutMs: 600 } } });
    await expect(t.hub.settleOutpatient(settleInput(), settleOpts)).rejects.toBeInstanceOf(HubTimeoutError);
    expect(committed).toHaveLength(1);
    expect(onlyEntry(t).state).toBe('unknown');
  });

  it('connection reset after the request was sent: HubConnectionLostError, unknown', async () => {
    fake = await startFakeHub((_req, res) => void res.socket?.destroy());
    t = createTestHub(fake.url);
    await expect(t.hub.settleOutpatient(settleInput(), settleOpts)).rejects.toBeInstanceOf(HubConnectionLostError);
    expect(onlyEntry(t).state).toBe('unknown');
  });

  it('HTTP 5xx: HubProtocolError; queries retried, side effects sent once and left unknown', async () => {
    fake = await startFakeHub((_req, res) => void res.writeHead(503).end('Service Unavailable'));
    t = createTestHub(fake.url);
    const q = await t.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: 'x' } }).catch((e: unknown) => e);
    expect(q).toBeInstanceOf(HubProtocolError);
    expect((q as HubError).data).toMatchObject({ httpStatus: 503 });
    expect(fake.requests).toHaveLength(3);
    fake.requests.length = 0;
    await expect(t.hub.settleOutpatient(settleInput(), settleOpts)).rejects.toBeInstanceOf(HubProtocolError);
    expect(fake.requests).toHaveLength(1);
    expect(onlyEntry(t).state).toBe('unknown');
  });

  it('a query succeeds on retry after a transient 503, each attempt with a new msgid', async () => {
    let n = 0;
    fake = await startFakeHub((_req, res) => (++n === 1 ? void res.writeHead(503).end() : answerOk(res, '1101', person)));
    t = createTestHub(fake.url);
    const r = await t.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: 'x' } });
    expect(r.attempts).toBe(2);
    expect(fake.requests[0]!.msgid).not.toBe(fake.requests[1]!.msgid);
  });

  it('malformed JSON: HubProtocolError at the json stage, unknown for side effects', async () => {
    fake = await startFakeHub((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"infcode":0,"output":{'));
    t = createTestHub(fake.url);
    const e = await t.hub.settleOutpatient(settleInput(), settleOpts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubProtocolError);
    expect((e as HubError).data).toMatchObject({ stage: 'json' });
    expect(onlyEntry(t).state).toBe('unknown');
  });

  it('a success without inf_refmsgid or with a wrong output is a protocol violation', async () => {
    fake = await startFakeHub((_req, res) => void res.writeHead(200).end('{"infcode":0,"output":{"baseinfo":{"psn_no":"P1"}}}'));
    t = createTestHub(fake.url);
    await expect(t.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: 'x' } })).rejects.toMatchObject({ code: 'HUB_PROTOCOL', data: { stage: 'envelope' } });
    fake.handle((_req, res) => void res.writeHead(200).end('{"infcode":0,"inf_refmsgid":"310000202401010000000000000001","output":{"setlinfo":{"medfee_sumamt":"abc"}}}'));
    await expect(t.hub.settleOutpatient(settleInput(), settleOpts)).rejects.toMatchObject({ code: 'HUB_PROTOCOL', data: { stage: 'output' } });
  });

  it('a body that stalls half-way: HubTimeoutError', async () => {
    fake = await startFakeHub((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"infcode":0,"inf_refmsgid":"3100002024');
    });
    t = createTestHub(fake.url, { config: { timeouts: { callTimeoutMs: 600 } } });
    const e = await t.hub.settleOutpatient(settleInput(), settleOpts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubTimeoutError);
    expect((e as HubError).detail).toContain('body');
    expect(onlyEntry(t).state).toBe('unknown');
  });

  it('infcode −1: HubBusinessError with err_msg shown as is; journaled as rejected (nothing happened)', async () => {
    fake = await startFakeHub((_req, res) => answerRefusal(res, '2207', '参保人未办理跨省异地就医备案，请先办理备案'));
    t = createTestHub(fake.url);
    const e = await t.hub.settleOutpatient(settleInput(), settleOpts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubBusinessError);
    expect((e as HubError).message).toBe('参保人未办理跨省异地就医备案，请先办理备案');
    expect(e).toMatchObject({ outcome: 'rejected', infcode: -1 });
    expect(onlyEntry(t)).toMatchObject({ state: 'rejected', err_msg: '参保人未办理跨省异地就医备案，请先办理备案' });
  });

  it('a gateway that refuses the credentials (401): rejected, nothing happened', async () => {
    fake = await startFakeHub((_req, res) => void res.writeHead(401).end('signature mismatch'));
    t = createTestHub(fake.url);
    await expect(t.hub.settleOutpatient(settleInput(), settleOpts)).rejects.toMatchObject({ code: 'HUB_GATEWAY_REFUSED', outcome: 'rejected' });
    expect(onlyEntry(t).state).toBe('rejected');
  });
});

describe('the deadline budget', () => {
  it('refuses to start a call it cannot finish: nothing sent, nothing journaled', async () => {
    fake = await startFakeHub((req, res) => answerOk(res, '2207', settlementOutput(req.msgid!)));
    t = createTestHub(fake.url);
    const e = await t.hub.settleOutpatient(settleInput(), { ...settleOpts, budget: Budget.start(100) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubBudgetExhaustedError);
    expect(e).toMatchObject({ outcome: 'not_sent' });
    expect(fake.requests).toHaveLength(0);
    expect(t.db.prepare('SELECT count(*) AS n FROM hub_journal').get()).toEqual({ n: 0 });
  });

  it('gives each call of a settlement what is left, and tells the caller the remainder', async () => {
    fake = await startFakeHub((req, res) => {
      setTimeout(() => (req.infno === '1101' ? answerOk(res, '1101', person) : answerOk(res, '2207', settlementOutput(req.msgid!))), req.infno === '1101' ? 700 : 600);
    });
    t = createTestHub(fake.url);
    const budget = Budget.start(1100);
    const p = await t.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: 'x' } }, { budget });
    expect(p.remainingMs).toBeLessThan(420);
    const e = await t.hub.settleOutpatient(settleInput(), { ...settleOpts, budget }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HubTimeoutError);
    expect(((e as HubError).data as { timeoutMs: number }).timeoutMs).toBeLessThan(420);
  });
});

describe('garbage from the hub', () => {
  it('only ever produces typed hub errors (or a valid result)', async () => {
    let payload = '';
    let status = 200;
    fake = await startFakeHub((_req, res) => void res.writeHead(status, { 'content-type': 'application/json' }).end(payload));
    t = createTestHub(fake.url, { deps: { retry: { maxAttempts: 1, baseDelayMs: 1 } } });
    const bodies = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ infcode: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.string()), inf_refmsgid: fc.oneof(fc.string(), fc.constant(null)), err_msg: fc.oneof(fc.string(), fc.constant(null)), output: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom(200, 200, 200, 404, 500, 502), async (body, code) => {
        payload = body;
        status = code;
        try {
          await t!.hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: 'x' } });
          return true;
        } catch (e) {
          return e instanceof HubError;
        }
      }),
      { numRuns: 150 },
    );
  });
});
