// The reader driver against the virtual reader over an in-process line (the pty versions of these
// cases are in test/integration/devices-samv-pty.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { byteTransportPair, FakeByteTransport } from '@native/transport/fake-byte-transport';
import { VirtualSamvReader, type VirtualIdCard } from '@native/virtual/virtual-samv-reader';
import { outcomeOf, unhandledRejectionsDuring } from '../../test/helpers/unhandled-rejections';
import { SamvReader } from './samv-reader';

const card: VirtualIdCard = {
  text: {
    name: '刘洋',
    gender: '1',
    nation: '01',
    birthDate: '1985-04-30',
    address: '上海市黄浦区南京东路300号',
    idNumber: '31010119850430005X',
    authority: '上海市公安局黄浦分局',
    validFrom: '2020-08-08',
    validTo: '2040-08-08',
  },
  fingerprint: new Uint8Array(1024).fill(3),
  appendedAddress: '上海市黄浦区九江路1号',
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(options: { maxChunk?: number; commandTimeoutMs?: number; readTimeoutMs?: number } = {}) {
  const { host, device } = byteTransportPair({ maxChunk: options.maxChunk ?? 64 });
  const virtual = new VirtualSamvReader(device);
  await virtual.start();
  await host.open();
  const reader = new SamvReader(host, { commandTimeoutMs: options.commandTimeoutMs ?? 300, readTimeoutMs: options.readTimeoutMs ?? 300 }).attach();
  cleanups.push(async () => {
    reader.detach();
    await host.close();
    await virtual.stop();
  });
  return { host, virtual, reader };
}

describe('SAM_V reader driver', () => {
  it('checks the SAM and reads its id', async () => {
    const { reader } = await setup();
    await expect(reader.samStatus()).resolves.toBeUndefined();
    expect((await reader.samId()).text).toBe('05.01-20260101-0000000001-0000000001');
  });

  it('reads a placed card: find → select → read, decoded and validated', async () => {
    const { reader, virtual } = await setup({ maxChunk: 17 });
    virtual.placeCard(card);
    const read = await reader.readCard();
    expect(read).toMatchObject({ ...card.text, idNumber: '31010119850430005X' });
    expect(read.photoWlt.length).toBe(1024);
    expect(read.fingerprint).toBeUndefined();
  });

  it('the same placement is read once: afterwards the reader reports no card until it is placed again', async () => {
    const { reader, virtual } = await setup();
    virtual.placeCard(card);
    await reader.readCard();
    expect(await reader.findCard()).toBe(false);
    virtual.removeCard();
    virtual.placeCard(card);
    expect(await reader.findCard()).toBe(true);
  });

  it('reads the fingerprint variant and the appended address', async () => {
    const { reader, virtual } = await setup();
    virtual.placeCard(card);
    const read = await reader.readCard({ fingerprint: true });
    expect(read.fingerprint?.length).toBe(1024);
    expect(await reader.readAppendedAddress()).toBe('上海市黄浦区九江路1号');
  });

  it('no card: "请放卡"', async () => {
    const { reader } = await setup();
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'IDCARD_NO_CARD', message: '请放卡' });
  });

  it('card pulled between select and read: "读卡失败，请重新放卡"', async () => {
    const { reader, virtual } = await setup();
    virtual.placeCard(card);
    virtual.inject({ kind: 'removeBeforeRead' });
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'IDCARD_READ_FAILED', message: '读卡失败，请重新放卡' });
  });

  it('card pulled while the answer is on the wire: the truncated answer is reported, and the reader recovers', async () => {
    const { reader, virtual } = await setup();
    virtual.placeCard(card);
    virtual.inject({ kind: 'removeDuringRead', afterBytes: 400 });
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'IDCARD_TRUNCATED' });
    expect(await reader.findCard()).toBe(false);
    virtual.placeCard(card);
    await expect(reader.readCard()).resolves.toMatchObject({ name: '刘洋' });
  });

  it('a bad checksum from the reader is refused', async () => {
    const { reader, virtual } = await setup();
    virtual.placeCard(card);
    await reader.findCard();
    await reader.selectCard();
    virtual.inject({ kind: 'badChecksum' });
    await expect(reader.readRaw()).rejects.toMatchObject({ code: 'IDCARD_BAD_CHECKSUM' });
  });

  it('garbage before the preamble and answers split into pieces are handled', async () => {
    const { reader, virtual } = await setup();
    virtual.placeCard(card);
    virtual.inject({ kind: 'garbage', bytes: Uint8Array.of(0x00, 0xaa, 0x13, 0xaa, 0xaa, 0xff) });
    expect(await reader.findCard()).toBe(true);
    await reader.selectCard();
    virtual.inject({ kind: 'split', chunkBytes: 100, gapMs: 5 });
    expect((await reader.readRaw()).text.length).toBe(256);
  });

  it('silence is a timeout that tells IT staff to check port and baud; a late answer is not taken for the next one', async () => {
    const { reader, virtual } = await setup({ commandTimeoutMs: 100 });
    virtual.inject({ kind: 'silence' });
    await expect(reader.samStatus()).rejects.toMatchObject({ code: 'IDCARD_TIMEOUT', hint: expect.stringContaining('波特率') });
    virtual.placeCard(card);
    expect(await reader.findCard()).toBe(true);
  });

  it('a truncated answer to a short command ends as "incomplete" at the timeout', async () => {
    const { reader, virtual } = await setup({ commandTimeoutMs: 100 });
    virtual.inject({ kind: 'truncate', keepBytes: 8 });
    await expect(reader.samStatus()).rejects.toMatchObject({ code: 'IDCARD_TRUNCATED' });
    await expect(reader.samStatus()).resolves.toBeUndefined();
  });

  it('an unplugged line fails the command in flight at once, with a Chinese message', async () => {
    const { reader, virtual, host } = await setup({ commandTimeoutMs: 5000 });
    virtual.inject({ kind: 'silence' });
    const pending = reader.samStatus();
    await new Promise((r) => setTimeout(r, 20));
    host.unplug();
    await expect(pending).rejects.toMatchObject({ code: 'DEVICE_LOST' });
    await expect(reader.samStatus()).rejects.toMatchObject({ code: 'DEVICE_NOT_OPEN' });
  });

  it('commands are serialised: concurrent callers each get their own answer', async () => {
    const { reader, virtual } = await setup();
    virtual.placeCard(card);
    const [a, b, c] = await Promise.all([reader.samStatus(), reader.findCard(), reader.samId()]);
    expect(a).toBeUndefined();
    expect(b).toBe(true);
    expect(c.text).toContain('05.01');
  });
});

/** A line whose writes drain only when the test says so, like a serial port draining at 9600 baud. */
class HeldWriteLine extends FakeByteTransport {
  private releaseWrite: (() => void) | undefined;

  get writing(): boolean {
    return this.releaseWrite !== undefined;
  }

  override async write(data: Uint8Array): Promise<void> {
    await new Promise<void>((resolve) => (this.releaseWrite = resolve));
    this.releaseWrite = undefined;
    await super.write(data);
  }

  drain(): void {
    this.releaseWrite?.();
  }
}

describe('SAM_V reader: stopping (host close, device removed)', () => {
  it('stopped while the read command is still being written: the caller gets IDCARD_STOPPED and nothing is left unhandled', async () => {
    const line = new HeldWriteLine('held-line');
    await line.open();
    const reader = new SamvReader(line, { readTimeoutMs: 5000 }).attach();
    let outcome: Promise<unknown> | undefined;
    const unhandled = await unhandledRejectionsDuring(async () => {
      outcome = outcomeOf(reader.readRaw());
      while (!line.writing) await new Promise((r) => setImmediate(r));
      reader.detach();
      // Let whole event-loop turns pass with the write still draining: the window of the old bug.
      await new Promise((r) => setTimeout(r, 20));
      line.drain();
      await outcome;
    });
    expect(unhandled).toEqual([]);
    expect(await outcome).toMatchObject({ code: 'IDCARD_STOPPED', message: '身份证读卡已停止' });
    await line.close();
  });

  it('stopped while waiting for the card data: the read ends at once with IDCARD_STOPPED, quietly', async () => {
    const { reader, virtual } = await setup({ readTimeoutMs: 5000 });
    virtual.placeCard(card);
    await reader.findCard();
    await reader.selectCard();
    virtual.inject({ kind: 'silence' });
    const unhandled = await unhandledRejectionsDuring(async () => {
      const read = outcomeOf(reader.readRaw());
      await new Promise((r) => setTimeout(r, 20));
      const stoppedAt = Date.now();
      reader.detach();
      expect(await read).toMatchObject({ code: 'IDCARD_STOPPED' });
      expect(Date.now() - stoppedAt).toBeLessThan(1000);
    });
    expect(unhandled).toEqual([]);
  });

  it('stopped while a command waits for a chattering line to go quiet: nothing is sent, the command ends with IDCARD_STOPPED', async () => {
    const line = new FakeByteTransport('chatty-line');
    await line.open();
    const reader = new SamvReader(line, { commandTimeoutMs: 30 }).attach();
    // No answer: a timeout, so the next command first waits for the line to be quiet.
    await expect(reader.samStatus()).rejects.toMatchObject({ code: 'IDCARD_TIMEOUT' });
    const writtenBefore = line.written.length;
    const chatter = setInterval(() => line.deliver(Uint8Array.of(0x00)), 5);
    try {
      await new Promise((r) => setTimeout(r, 15));
      const unhandled = await unhandledRejectionsDuring(async () => {
        const next = outcomeOf(reader.samStatus());
        await new Promise((r) => setTimeout(r, 30));
        reader.detach();
        expect(await next).toMatchObject({ code: 'IDCARD_STOPPED' });
      });
      expect(unhandled).toEqual([]);
      expect(line.written.length).toBe(writtenBefore);
    } finally {
      clearInterval(chatter);
      await line.close();
    }
  });
});
