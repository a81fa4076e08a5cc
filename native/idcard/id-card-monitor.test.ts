import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '@src/common/errors';
import { byteTransportPair } from '@native/transport/fake-byte-transport';
import { waitUntil } from '@native/transport/wait-until';
import { VirtualSamvReader, type VirtualIdCard } from '@native/virtual/virtual-samv-reader';
import type { IdCardData } from './id-card';
import { IdCardMonitor } from './id-card-monitor';
import { SamvReader } from './samv-reader';

const card: VirtualIdCard = {
  text: { name: '赵敏', gender: '2', nation: '01', birthDate: '1948-11-03', address: '重庆市渝中区解放碑民族路12号', idNumber: '500103194811030061', authority: '重庆市公安局渝中区分局', validFrom: '2010-02-14', validTo: '长期' },
};

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

async function setup() {
  const { host, device } = byteTransportPair();
  const virtual = new VirtualSamvReader(device);
  await virtual.start();
  await host.open();
  const reader = new SamvReader(host, { commandTimeoutMs: 200, readTimeoutMs: 200 }).attach();
  const cards: IdCardData[] = [];
  const errors: AppError[] = [];
  const monitor = new IdCardMonitor(reader, { intervalMs: 10, errorPauseMs: 20, onCard: (c) => cards.push(c), onError: (e) => errors.push(e) });
  monitor.start();
  stops.push(async () => {
    await monitor.stop();
    reader.detach();
    await virtual.stop();
  });
  return { virtual, host, monitor, cards, errors };
}

describe('the ID-card monitor reads each placed card once, without a click', () => {
  it('reports a placed card once, and again after it is placed anew', async () => {
    const { virtual, cards } = await setup();
    await new Promise((r) => setTimeout(r, 50));
    expect(cards).toHaveLength(0);
    virtual.placeCard(card);
    await waitUntil(() => cards.length === 1);
    await new Promise((r) => setTimeout(r, 80));
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ name: '赵敏', validTo: '长期' });
    virtual.removeCard();
    await new Promise((r) => setTimeout(r, 30));
    virtual.placeCard(card);
    await waitUntil(() => cards.length === 2);
  });

  it('reports a failed read once, not on every poll', async () => {
    const { virtual, cards, errors } = await setup();
    virtual.inject({ kind: 'removeBeforeRead' });
    virtual.placeCard(card);
    await waitUntil(() => errors.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(errors.map((e) => e.message)).toEqual(['读卡失败，请重新放卡']);
    virtual.placeCard(card);
    await waitUntil(() => cards.length === 1);
  });

  it('stops by itself when the reader is unplugged', async () => {
    const { host, monitor } = await setup();
    host.unplug();
    await waitUntil(() => !monitor.isRunning);
  });
});
