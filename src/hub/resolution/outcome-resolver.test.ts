import { afterEach, describe, expect, it } from 'vitest';
import { answerOk, settlementOutput, startFakeHub, type FakeHub } from '../../../test/integration/hub-client-fake-hub';
import { createTestHub, OPERATOR, settleInput, type TestHub } from '../../../test/integration/hub-client-test-kit';

let fake: FakeHub | undefined;
let t: TestHub | undefined;
afterEach(async () => {
  t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const opts = { operator: OPERATOR, insuplcAdmdvs: '320500', context: 'settlement:7' };
const hang = () => new Promise<void>(() => {});

describe('outcome resolver', () => {
  it('refuses to resolve what is already known, and methods a transaction does not allow', async () => {
    fake = await startFakeHub((req, res) => answerOk(res, '2207', settlementOutput(req.msgid!)));
    t = createTestHub(fake.url);
    const ok = await t.hub.settleOutpatient(settleInput(), opts);
    await expect(t.hub.resolver.resend(ok.journalId!)).rejects.toMatchObject({ code: 'HUB_OUTCOME_KNOWN' });
    fake.handle(hang);
    const e = await t.hub.uploadOutpatientFees({ feedetail: [] }, { ...opts, budget: undefined }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'HUB_TIMEOUT' });
    const [fees] = t.hub.resolver.listUnresolved();
    await expect(t.hub.resolver.reverse(fees!.id)).rejects.toMatchObject({ code: 'HUB_RESOLUTION_UNSUPPORTED' });
    await expect(t.hub.resolver.query(fees!.id)).rejects.toMatchObject({ code: 'HUB_RESOLUTION_UNSUPPORTED' });
  }, 10_000);

  it('closes earlier reversals of the same original once one is confirmed (2601 is idempotent)', async () => {
    fake = await startFakeHub(hang);
    t = createTestHub(fake.url, { config: { timeouts: { callTimeoutMs: 500 } } });
    await t.hub.settleOutpatient(settleInput(), opts).catch(() => undefined);
    const [original] = t.hub.resolver.listUnresolved();
    const first = await t.hub.resolver.reverse(original!.id);
    expect(first.result).toBe('still_unknown'); // the 2601 itself timed out
    expect(t.hub.resolver.listUnresolved().map((e) => e.infno)).toEqual(['2207', '2601']);
    fake.handle((_req, res) => answerOk(res, '2601', null));
    const second = await t.hub.resolver.reverse(original!.id);
    expect(second.result).toBe('reversed');
    expect(t.hub.resolver.listUnresolved()).toEqual([]);
  });

  it('a resent 2601 that gets its answer reverses its original', async () => {
    fake = await startFakeHub(hang);
    t = createTestHub(fake.url, { config: { timeouts: { callTimeoutMs: 500 } } });
    await t.hub.settleOutpatient(settleInput(), opts).catch(() => undefined);
    const [original] = t.hub.resolver.listUnresolved();
    await t.hub.resolver.reverse(original!.id);
    const reversal = t.hub.resolver.listUnresolved().find((e) => e.infno === '2601')!;
    expect(t.hub.resolver.methodsFor(reversal)).toEqual(['resend', 'manual']);
    fake.handle((_req, res) => answerOk(res, '2601', null));
    const r = await t.hub.resolver.resend(reversal.id);
    expect(r.result).toBe('confirmed');
    expect(t.hub.journal.get(original!.id)).toMatchObject({ resolution: 'reversed', unresolved: false });
  });
});
