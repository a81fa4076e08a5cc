// `npm run bench -- sscard [--json] [--reads N]`: social security card reads through the whole
// SSSE flow (SELECT, EF05, for 3.00 cards PSAM internal + RKSSSE external authentication with
// SM4, EF06) against the virtual card and PSAM.
//
// inProcess*: the card application alone (virtual reader in-process): its own cost, the baseline.
// serial3Ms : the same 3.00 read through the reference dialect over a socat pty (real serialport
//             and termios, unpaced): what DialectReader, framing and the OS add per read.
// apdus*    : card + PSAM command/response exchanges per read (on hardware each costs a reader
//             round trip, typically 5–30 ms, which is what dominates at the counter).
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { DialectReader } from '@native/readers/dialect/dialect-reader';
import { serialFrameLink } from '@native/readers/dialect/frame-link';
import { yktDialect } from '@native/readers/dialect/ykt-dialect';
import type { ApduReader } from '@native/readers/apdu-reader';
import { readSscard, type SscardReadStats } from '@native/sscard/ssse-reader';
import { findSocat } from '@native/transport/pty-pair';
import { SerialByteTransport } from '@native/transport/serial-transport';
import { PTY_READER_BAUD, startPtyCounterReader } from '@native/virtual/sscard/pty-counter-reader';
import { virtualCounterReader } from '@native/virtual/sscard/virtual-counter-reader';
import type { VirtualCardReader } from '@native/virtual/sscard/virtual-card-reader';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import type { BenchModule } from './main';
import { positiveIntegerOption } from './positive-integer-option';

const gen2 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '2.00')!;
const gen3 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;

interface Run {
  meanMs: number;
  p95Ms: number;
  apdus: number;
}

async function measure(reader: ApduReader, virtual: VirtualCardReader, patient: typeof gen3, reads: number): Promise<Run> {
  const stats: SscardReadStats = { cardExchanges: 0, psamExchanges: 0 };
  virtual.insert('contact', new VirtualSscard(sscardProfileOf(patient)));
  await readSscard(reader, { beep: false }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < reads; i++) {
    const started = performance.now();
    await readSscard(reader, { beep: false }, stats);
    times.push(performance.now() - started);
  }
  virtual.remove('contact');
  times.sort((a, b) => a - b);
  return { meanMs: times.reduce((s, t) => s + t, 0) / reads, p95Ms: times[Math.min(reads - 1, Math.floor(reads * 0.95))]!, apdus: stats.cardExchanges + stats.psamExchanges };
}

async function overSerial(reads: number): Promise<Run> {
  const counter = await startPtyCounterReader('ykt-bench-sscard-');
  const reader = new DialectReader(serialFrameLink(new SerialByteTransport({ path: counter.port, baudRate: PTY_READER_BAUD }), yktDialect), yktDialect);
  try {
    await reader.open();
    return await measure(reader, counter.virtual, gen3, reads);
  } finally {
    await reader.close().catch(() => undefined);
    await counter.close();
  }
}

const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

const bench: BenchModule = {
  description: '社保卡 reads (2.00 and 3.00 with PSAM/SM4) in-process and over a socat pty: {inProcess2Ms, inProcess3Ms, serial3Ms, serialRatio, apdus2, apdus3}',
  async run(args) {
    const reads = positiveIntegerOption(args, '--reads', 200);
    const virtual = virtualCounterReader();
    await virtual.open();
    const two = await measure(virtual, virtual, gen2, reads);
    const three = await measure(virtual, virtual, gen3, reads);
    const serial = findSocat() ? await overSerial(Math.min(reads, 50)) : null;
    if (!serial) console.log('sscard: socat not installed, the serial figure is left out (apt-get install socat)');
    console.log(
      `sscard: ${reads} reads each; in-process 2.00 ${round(two.meanMs)} ms (p95 ${round(two.p95Ms)}, ${two.apdus} APDUs), ` +
        `3.00 ${round(three.meanMs)} ms (p95 ${round(three.p95Ms)}, ${three.apdus} APDUs incl. PSAM)` +
        (serial ? `; 3.00 over a pty ${round(serial.meanMs)} ms (p95 ${round(serial.p95Ms)})` : ''),
    );
    return {
      inProcess2Ms: round(two.meanMs),
      inProcess3Ms: round(three.meanMs),
      serial3Ms: serial ? round(serial.meanMs) : null,
      serialRatio: serial ? round(serial.meanMs / three.meanMs) : null,
      apdus2: two.apdus,
      apdus3: three.apdus,
    };
  },
};

export default bench;
