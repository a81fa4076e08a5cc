import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerOk, answerRefusal, startFakeHub, type FakeHub } from '../../../test/integration/hub-client-fake-hub';
import { createTestHub, type TestHub } from '../../../test/integration/hub-client-test-kit';
import { HubMonitor, type HubStatus } from './hub-monitor';

let fake: FakeHub | undefined;
let t: TestHub | undefined;
let monitor: HubMonitor | undefined;
afterEach(async () => {
  monitor?.stop();
  t?.close();
  await fake?.close();
  monitor = undefined;
  t = undefined;
  fake = undefined;
});

async function deadUrl(): Promise<string> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}/fsi/api/rsfComIfsService/callService`;
}

function watch(interval = 100): HubStatus[] {
  const seen: HubStatus[] = [];
  monitor = new HubMonitor({ client: t!.hub.client, report: (s) => seen.push(s), intervalMs: () => interval });
  return seen;
}

const until = async (cond: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('hub monitor', () => {
  it('probes without sending any request, and reports online with the latency', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '1901', { list: [] }));
    t = createTestHub(fake.url);
    const seen = watch();
    monitor!.start();
    await until(() => seen.length > 0);
    expect(seen[0]).toMatchObject({ state: 'online', latencyMs: expect.any(Number) });
    expect(fake.requests).toHaveLength(0);
  });

  it('turns offline when the hub cannot be reached, and back online by itself', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '1901', { list: [] }));
    t = createTestHub(await deadUrl());
    const seen = watch();
    monitor!.start();
    await until(() => seen.some((s) => s.state === 'offline'));
    expect(seen.at(-1)?.lastError).toContain('无法连接医保中心');
    t.hub.setEndpointOverride(fake.url);
    await until(() => seen.at(-1)?.state === 'online');
  });

  it('follows real calls: a refusal means online, a network failure offline', async () => {
    fake = await startFakeHub((_req, res) => answerRefusal(res, '1901', '字典类型不存在'));
    t = createTestHub(fake.url);
    const seen = watch(60_000);
    monitor!.start();
    await until(() => seen.length > 0);
    await t.hub.dictionary({ data: { type: 'x' } }).catch(() => undefined);
    expect(seen.at(-1)).toMatchObject({ state: 'online' });
    t.hub.setEndpointOverride(await deadUrl());
    await t.hub.dictionary({ data: { type: 'x' } }).catch(() => undefined);
    expect(seen.at(-1)).toMatchObject({ state: 'offline', lastError: expect.stringContaining('无法连接医保中心') });
  });

  it('stops listening and probing when stopped', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '1901', { list: [] }));
    t = createTestHub(fake.url);
    const seen = watch(50);
    monitor!.start();
    await until(() => seen.length > 0);
    monitor!.stop();
    const count = seen.length;
    await t.hub.dictionary({ data: { type: 'x' } });
    await new Promise((r) => setTimeout(r, 150));
    expect(seen.length).toBe(count);
  });
});
