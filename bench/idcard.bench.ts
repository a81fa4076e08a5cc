// `npm run bench -- idcard [--json] [--reads N] [--baud B]`: reads ID cards from the virtual
// SAM_V reader over a socat pty pair at 115200 baud, through the real serial stack and driver.
//
// readMs: mean wall time of one complete read (find → select → read text + photo).
// wireMs: the time the bytes of one read (requests and answers) need on a real 8N1 line at that
//         baud rate (10 bits per byte). ratio = readMs / wireMs; 1.0 would be a perfect line.
//
// A pty does not pace at the baud rate (it moves bytes as fast as memory allows), so the virtual
// reader paces its answers itself; without that the figure would flatter the driver. The unpaced
// time is printed too, as the driver's own overhead.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SamvReader } from '@native/idcard/samv-reader';
import { findSocat, openPtyPair } from '@native/transport/pty-pair';
import { SerialByteTransport } from '@native/transport/serial-transport';
import { VirtualSamvReader, type VirtualIdCard } from '@native/virtual/virtual-samv-reader';
import type { BenchModule } from './main';

const CARD: VirtualIdCard = {
  text: { name: '张伟', gender: '1', nation: '01', birthDate: '1972-03-15', address: '江苏省苏州市姑苏区人民路100号', idNumber: '320501197203150018', authority: '苏州市公安局姑苏分局', validFrom: '2012-05-10', validTo: '2032-05-10' },
};

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
}

interface Run {
  meanMs: number;
  p95Ms: number;
  bytesPerRead: number;
}

async function measure(baud: number, reads: number, paced: boolean): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-bench-idcard-'));
  const pair = await openPtyPair({ dir });
  const virtual = new VirtualSamvReader(new SerialByteTransport({ path: pair.a, baudRate: baud }), paced ? { paceBaud: baud } : {});
  const line = new SerialByteTransport({ path: pair.b, baudRate: baud });
  try {
    await virtual.start();
    await line.open();
    const reader = new SamvReader(line, { baudRate: baud }).attach();
    await reader.samStatus();
    // Warm-up: JIT, first allocations.
    virtual.placeCard(CARD);
    await reader.readCard();
    const times: number[] = [];
    const before = virtual.stats.bytesIn + virtual.stats.bytesOut;
    for (let i = 0; i < reads; i++) {
      virtual.removeCard();
      virtual.placeCard(CARD);
      const started = performance.now();
      await reader.readCard();
      times.push(performance.now() - started);
    }
    const bytes = (virtual.stats.bytesIn + virtual.stats.bytesOut - before) / reads;
    reader.detach();
    times.sort((a, b) => a - b);
    return { meanMs: times.reduce((s, t) => s + t, 0) / times.length, p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!, bytesPerRead: bytes };
  } finally {
    await line.close();
    await virtual.stop().catch(() => undefined);
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number, places = 1): number => Math.round(n * 10 ** places) / 10 ** places;

const bench: BenchModule = {
  description: 'ID-card reads over a socat pty at 115200 baud (virtual reader paced to the baud rate): {readMs, wireMs, ratio}',
  async run(args) {
    if (!findSocat()) throw new Error('socat is not installed (apt-get install socat): this benchmark needs a pty pair');
    const baud = option(args, '--baud', 115200);
    const reads = option(args, '--reads', 20);
    const unpaced = await measure(baud, reads, false);
    const paced = await measure(baud, reads, true);
    const wireMs = (paced.bytesPerRead * 10 * 1000) / baud;
    console.log(
      `idcard: ${reads} reads at ${baud} baud, ${paced.bytesPerRead} bytes per read; paced mean ${round(paced.meanMs)} ms (p95 ${round(paced.p95Ms)}), ` +
        `unpaced mean ${round(unpaced.meanMs)} ms (p95 ${round(unpaced.p95Ms)}) — a pty does not pace at the baud rate, so the virtual reader paces its answers`,
    );
    return { readMs: round(paced.meanMs), wireMs: round(wireMs), ratio: round(paced.meanMs / wireMs, 3) };
  },
};

export default bench;
