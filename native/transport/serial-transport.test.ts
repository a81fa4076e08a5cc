// Real serial I/O (serialport, termios) over a socat pty pair.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSocat, openPtyPair, type PtyPair } from './pty-pair';
import { SerialByteTransport } from './serial-transport';
import { waitUntil } from './wait-until';

const socat = findSocat();
if (!socat) console.warn('serial-transport tests skipped: socat is not installed (apt-get install socat)');

describe.skipIf(!socat)('serial transport over a socat pty pair', () => {
  let dir: string;
  let pair: PtyPair;
  const opened: SerialByteTransport[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-serial-'));
    pair = await openPtyPair({ dir });
  });

  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function transport(p: string): SerialByteTransport {
    const t = new SerialByteTransport({ path: p, baudRate: 115200 });
    opened.push(t);
    return t;
  }

  it('moves bytes both ways', async () => {
    const a = transport(pair.a);
    const b = transport(pair.b);
    await a.open();
    await b.open();
    const atB: number[] = [];
    const atA: number[] = [];
    b.onData((c) => atB.push(...c));
    a.onData((c) => atA.push(...c));
    const big = Uint8Array.from({ length: 3000 }, (_, i) => i & 0xff);
    await a.write(big);
    await b.write(Uint8Array.of(0x96, 0x69));
    await waitUntil(() => atB.length === 3000 && atA.length === 2);
    expect(Uint8Array.from(atB)).toEqual(big);
  });

  it('reports a closed pty (the reader unplugged) through onClose with an error while idle', async () => {
    const b = transport(pair.b);
    await b.open();
    let closed: Error | undefined | null = null;
    b.onClose((e) => (closed = e));
    // Let the read loop start waiting, as it does while a reader sits idle on the counter.
    await new Promise((r) => setTimeout(r, 300));
    await pair.close();
    await waitUntil(() => closed !== null, { what: 'close after pty vanished' });
    expect(closed).toBeInstanceOf(Error);
    expect(b.isOpen).toBe(false);
    await expect(b.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'DEVICE_NOT_OPEN' });
  });

  it('a write to a vanished pty fails with a Chinese error and closes the transport', async () => {
    const b = transport(pair.b);
    await b.open();
    let closed: Error | undefined | null = null;
    b.onClose((e) => (closed = e));
    await pair.close();
    // Either the write itself fails, or the hang-up was noticed first: both are clean refusals.
    const error = await b.write(Uint8Array.of(0xaa)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: expect.stringMatching(/^DEVICE_(WRITE_FAILED|NOT_OPEN)$/) });
    await waitUntil(() => closed !== null, { what: 'close after failed write' });
    expect(closed).toBeInstanceOf(Error);
  });

  it('closing by hand reports onClose without an error', async () => {
    const b = transport(pair.b);
    await b.open();
    const closes: (Error | undefined)[] = [];
    b.onClose((e) => closes.push(e));
    await b.close();
    expect(closes).toEqual([undefined]);
  });

  it('opening a missing port fails with a Chinese message naming the path', async () => {
    const t = transport(path.join(dir, 'nope'));
    await expect(t.open()).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND', message: expect.stringContaining('nope') });
  });
});
