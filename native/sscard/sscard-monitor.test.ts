// The monitor reports each insertion once, never retries a failed card on its own (a 3.00 card's
// authentication tries are precious), and stops when the reader is gone.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@src/common/errors';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { waitUntil } from '@native/transport/wait-until';
import { virtualCounterReader } from '@native/virtual/sscard/virtual-counter-reader';
import { VirtualPsam } from '@native/virtual/sscard/virtual-psam';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import type { SscardRead } from './sscard-data';
import { SscardMonitor } from './sscard-monitor';
import { ApduSscardSource, type SscardSource } from './sscard-source';
import { outcomeOf, unhandledRejectionsDuring } from '../../test/helpers/unhandled-rejections';

const gen3 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;
const gen2 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '2.00')!;
const monitors: SscardMonitor[] = [];
afterEach(async () => {
  for (const m of monitors.splice(0)) await m.stop();
});

function watch(source: SscardSource) {
  const reads: SscardRead[] = [];
  const errors: AppError[] = [];
  const lost: AppError[] = [];
  const monitor = new SscardMonitor(source, { intervalMs: 5, errorPauseMs: 5, onRead: (r) => reads.push(r), onError: (e) => errors.push(e), onLost: (e) => lost.push(e) });
  monitors.push(monitor);
  monitor.start();
  return { monitor, reads, errors, lost };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watching a reader for social security cards', () => {
  it('reads each insertion exactly once, whichever card it is', async () => {
    const reader = virtualCounterReader();
    await reader.open();
    const { reads } = watch(new ApduSscardSource(reader));
    await pause(30);
    expect(reads).toEqual([]);
    reader.insert('contact', new VirtualSscard(sscardProfileOf(gen3)));
    await waitUntil(() => reads.length === 1);
    await pause(40);
    expect(reads).toHaveLength(1);
    reader.remove('contact');
    await pause(30);
    reader.insert('contact', new VirtualSscard(sscardProfileOf(gen2)));
    await waitUntil(() => reads.length === 2);
    expect(reads.map((r) => r.card.name)).toEqual([gen3.name, gen2.name]);
  });

  it('reports a failed read once and does not touch the card again until it is reinserted', async () => {
    const reader = virtualCounterReader({ psam: null });
    await reader.open();
    const { reads, errors } = watch(new ApduSscardSource(reader));
    reader.insert('contact', new VirtualSscard(sscardProfileOf(gen3)));
    await waitUntil(() => errors.length === 1);
    const exchanges = reader.exchanges;
    await pause(40);
    expect(reader.exchanges).toBe(exchanges);
    expect(errors.map((e) => e.code)).toEqual(['SSCARD_PSAM_MISSING']);
    // The PSAM goes in, the cashier reinserts the card: now it reads.
    reader.insert('psam1', new VirtualPsam());
    reader.remove('contact');
    await pause(20);
    reader.insert('contact', new VirtualSscard(sscardProfileOf(gen3)));
    await waitUntil(() => reads.length === 1);
  });

  it('stops and says so when the reader is unplugged', async () => {
    const reader = virtualCounterReader();
    await reader.open();
    const { monitor, lost } = watch(new ApduSscardSource(reader));
    reader.unplug();
    await waitUntil(() => lost.length === 1);
    expect(lost[0]!.code).toBe('READER_DISCONNECTED');
    expect(monitor.isRunning).toBe(false);
  });

  it('stopped mid-read (host closing): the cut-off read is reported nowhere and nothing is left unhandled', async () => {
    let cutOff: ((e: AppError) => void) | undefined;
    const slow: SscardSource = {
      kind: 'heasec',
      name: 'slow library',
      open: async () => undefined,
      close: async () => undefined,
      read: () => new Promise<SscardRead>((_resolve, reject) => (cutOff = reject)),
    };
    const { monitor, reads, errors, lost } = watch(slow);
    const unhandled = await unhandledRejectionsDuring(async () => {
      await waitUntil(() => cutOff !== undefined);
      const stopped = outcomeOf(monitor.stop());
      // The source answers the stop the way a closed line does.
      cutOff!(new AppError({ code: 'READER_DISCONNECTED', message: '读卡器连接已断开' }));
      expect(await stopped).toEqual({ value: undefined });
    });
    expect(unhandled).toEqual([]);
    expect({ reads, errors, lost }).toEqual({ reads: [], errors: [], lost: [] });
  });

  it('with the national library (no presence check): "no card" is empty, the same card is reported once', async () => {
    const read = { card: { name: gen2.name } } as SscardRead;
    let answer: 'card' | 'none' | 'broken' = 'none';
    let calls = 0;
    const library: SscardSource = {
      kind: 'heasec',
      name: 'fake library',
      open: async () => undefined,
      close: async () => undefined,
      async read() {
        calls++;
        if (answer === 'none') throw new AppError({ code: 'READER_NO_CARD', message: '读卡器中没有卡' });
        if (answer === 'broken') throw new AppError({ code: 'SSCARD_INTERNAL_AUTH_FAILED', message: '内部认证失败' });
        return read;
      },
    };
    const { reads, errors } = watch(library);
    await waitUntil(() => calls > 2);
    answer = 'card';
    await waitUntil(() => reads.length === 1);
    const before = calls;
    await waitUntil(() => calls > before + 2);
    expect(reads).toHaveLength(1);
    answer = 'broken';
    await waitUntil(() => calls > before + 6);
    expect(errors.map((e) => e.code)).toEqual(['SSCARD_INTERNAL_AUTH_FAILED']);
    answer = 'none';
    await waitUntil(() => calls > before + 8);
    answer = 'card';
    await waitUntil(() => reads.length === 2);
  });
});
