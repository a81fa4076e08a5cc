// DialectReader against the virtual dialect reader, over the device engineer's in-process fakes:
// a byte pair (serial) with small chunks and a report pair (HID). The pty and real serialport
// path is in test/integration/sscard-serial.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { byteTransportPair } from '@native/transport/fake-byte-transport';
import { reportTransportPair } from '@native/transport/fake-report-transport';
import { readSscard } from '@native/sscard/ssse-reader';
import { fromHex } from '@native/sscard/bytes';
import { serveDialectOnBytes, serveDialectOnReports } from '@native/virtual/sscard/virtual-dialect-device';
import { virtualCounterReader } from '@native/virtual/sscard/virtual-counter-reader';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import { outcomeOf, unhandledRejectionsDuring } from '../../../test/helpers/unhandled-rejections';
import { DialectReader } from './dialect-reader';
import { hidFrameLink, serialFrameLink } from './frame-link';
import { yktDialect } from './ykt-dialect';

const gen3 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function serialSetup(timeoutMs = 1000) {
  const { host, device } = byteTransportPair({ maxChunk: 7 });
  await device.open();
  const virtual = virtualCounterReader({ card: new VirtualSscard(sscardProfileOf(gen3)) });
  await virtual.open();
  const served = serveDialectOnBytes(device, virtual);
  const reader = new DialectReader(serialFrameLink(host, yktDialect), yktDialect, { timeoutMs });
  cleanups.push(() => reader.close());
  await reader.open();
  return { host, device, virtual, served, reader };
}

describe('a serial reader speaking the reference dialect', () => {
  it('reads a 3.00 card with the PSAM in its second slot, frames split in 7-byte chunks', async () => {
    const { reader, virtual } = await serialSetup();
    expect(reader.kind).toBe('serial');
    expect(reader.deviceSerial).toBe('YKT-VIRTUAL-0001');
    const read = await readSscard(reader);
    expect(read.card.name).toBe(gen3.name);
    expect(read.card.cardNumber).toBe(gen3.card.cardNumber);
    expect(read.authentication).toBe('internal+external');
    expect(read.driver).toBe('serial');
    expect(read.terminalDevice).toBe('YKT-VIRTUAL-0001');
    expect(virtual.beeps).toBe(1);
  });

  it('ignores line noise before a reply', async () => {
    const { reader, served } = await serialSetup();
    served.faults = { noiseBeforeNextReply: fromHex('FF 55 AA 03 00') };
    await reader.selectSlot('contact');
    expect((await reader.powerOn()).length).toBeGreaterThan(2);
  });

  it('reports a damaged reply as a protocol error at once, without waiting for the timeout', async () => {
    const { reader, served } = await serialSetup(5000);
    served.faults = { corruptNextReply: true };
    const started = Date.now();
    await expect(reader.selectSlot('contact')).rejects.toMatchObject({ code: 'READER_PROTOCOL' });
    expect(Date.now() - started).toBeLessThan(2000);
    await reader.selectSlot('contact');
  });

  it('times out on a silent reader with READER_TIMEOUT and recovers for the next request', async () => {
    const { reader, served } = await serialSetup(150);
    served.faults = { ignoreRequests: 1 };
    await expect(reader.selectSlot('psam1')).rejects.toMatchObject({ code: 'READER_TIMEOUT', message: expect.stringContaining('没有响应') });
    await reader.selectSlot('psam1');
    expect(reader.selectedSlot).toBe('psam1');
  });

  it('closed while a request is still being written (host shutdown): the caller gets READER_DISCONNECTED, nothing is left unhandled', async () => {
    const { reader, host } = await serialSetup(5000);
    // Hold the next write as a slow serial port would while it drains.
    let drain: (() => void) | undefined;
    const write = host.write.bind(host);
    host.write = async (data) => {
      await new Promise<void>((resolve) => (drain = resolve));
      return write(data);
    };
    let request: Promise<unknown> | undefined;
    const unhandled = await unhandledRejectionsDuring(async () => {
      request = outcomeOf(reader.selectSlot('contact'));
      while (!drain) await new Promise((r) => setImmediate(r));
      const closed = reader.close();
      await new Promise((r) => setTimeout(r, 20));
      drain();
      await closed;
      await request;
    });
    expect(unhandled).toEqual([]);
    expect(await request).toMatchObject({ code: 'READER_DISCONNECTED' });
  });

  it('maps "no card" while powered to READER_CARD_REMOVED', async () => {
    const { reader, virtual } = await serialSetup();
    await reader.selectSlot('contact');
    await reader.powerOn();
    virtual.remove('contact');
    await expect(reader.transmit(fromHex('0084000008'))).rejects.toMatchObject({ code: 'READER_CARD_REMOVED' });
  });

  it('reports an empty slot and a slot the model lacks', async () => {
    const { reader, virtual } = await serialSetup();
    virtual.remove('contact');
    await reader.selectSlot('contact');
    await expect(reader.powerOn()).rejects.toMatchObject({ code: 'READER_NO_CARD' });
    await expect(reader.selectSlot('psam4')).rejects.toMatchObject({ code: 'READER_SLOT_UNSUPPORTED' });
  });

  it('fails the pending request with READER_DISCONNECTED when the cable is pulled', async () => {
    const { reader, host, served } = await serialSetup(5000);
    served.faults = { ignoreRequests: 1 };
    const pending = reader.selectSlot('contact');
    setTimeout(() => host.unplug(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'READER_DISCONNECTED' });
    await expect(reader.selectSlot('contact')).rejects.toMatchObject({ code: 'READER_DISCONNECTED' });
  });

  it('refuses to open a device that does not answer GET INFO (wrong dialect or port)', async () => {
    const { host, device } = byteTransportPair();
    await device.open();
    const reader = new DialectReader(serialFrameLink(host, yktDialect), yktDialect, { timeoutMs: 100 });
    cleanups.push(() => reader.close());
    await expect(reader.open()).rejects.toMatchObject({ code: 'READER_TIMEOUT' });
  });
});

describe('a HID reader speaking the reference dialect in 64-byte reports', () => {
  it('reads a 3.00 card; long responses span several reports', async () => {
    const { host, device } = reportTransportPair(64);
    await device.open();
    const virtual = virtualCounterReader({ card: new VirtualSscard(sscardProfileOf(gen3), { t0: true }) });
    await virtual.open();
    serveDialectOnReports(device, virtual);
    const reader = new DialectReader(hidFrameLink(host, yktDialect), yktDialect, { timeoutMs: 1000 });
    cleanups.push(() => reader.close());
    await reader.open();
    expect(reader.kind).toBe('hid');
    const read = await readSscard(reader);
    expect(read.card.ssn).toBe(gen3.idNumber);
    expect(read.driver).toBe('hid');
    // Every report written is exactly one report long, with the length byte first.
    expect(host.writtenReports.every((r) => r.length === 64 && (r[0]! & 0x7f) <= 63)).toBe(true);
  });

  it('a 300-byte APDU response crosses five reports and arrives whole', async () => {
    const { host, device } = reportTransportPair(64);
    await device.open();
    const big = { atr: fromHex('3B00'), reset() {}, process: () => Uint8Array.from([...new Uint8Array(256).fill(0x5a), 0x90, 0x00]) };
    const virtual = virtualCounterReader({ card: big });
    await virtual.open();
    serveDialectOnReports(device, virtual);
    const reader = new DialectReader(hidFrameLink(host, yktDialect), yktDialect);
    cleanups.push(() => reader.close());
    await reader.open();
    await reader.selectSlot('contact');
    await reader.powerOn();
    const r = await reader.transmit(fromHex('00B0000000'));
    expect(r).toHaveLength(258);
  });
});
