// A virtual 社保卡 counter reader behind a real serial port: its firmware speaks the reference
// dialect (serveDialectOnBytes) on one end of a socat pty pair, and the terminal, the CLI or a
// benchmark opens the other end (`port`) exactly as it would a USB-serial reader.
//
// Why one helper: the serial driver's tests, the `devices read --driver sscard` tests and the
// sscard benchmark all need this same firmware side (115200 baud, contact + contactless + PSAM);
// starting and tearing it down in one place keeps them exercising the same device.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPtyPair, type PtyPair } from '@native/transport/pty-pair';
import { SerialByteTransport } from '@native/transport/serial-transport';
import type { VirtualCardReader } from './virtual-card-reader';
import { serveDialectOnBytes } from './virtual-dialect-device';
import { virtualCounterReader } from './virtual-counter-reader';

export const PTY_READER_BAUD = 115200;

export interface PtyCounterReader {
  /** The virtual reader: insert and remove cards, inject faults, count beeps. */
  virtual: VirtualCardReader;
  /** The serial port the terminal opens. */
  port: string;
  /** The pty pair itself: close it to pull the reader's cable. */
  pty: PtyPair;
  /** Stops the firmware, closes the pty pair and removes its temp folder. */
  close(): Promise<void>;
}

/** Needs socat (openPtyPair says so with DEVICE_SOCAT_MISSING). `tempPrefix` names the mkdtemp folder. */
export async function startPtyCounterReader(tempPrefix: string): Promise<PtyCounterReader> {
  const dir = mkdtempSync(path.join(os.tmpdir(), tempPrefix));
  let pty: PtyPair | undefined;
  let firmware: SerialByteTransport | undefined;
  const close = async (): Promise<void> => {
    await firmware?.close().catch(() => undefined);
    await pty?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    pty = await openPtyPair({ dir, names: ['reader-firmware', 'reader'] });
    firmware = new SerialByteTransport({ path: pty.a, baudRate: PTY_READER_BAUD });
    await firmware.open();
    const virtual = virtualCounterReader();
    await virtual.open();
    serveDialectOnBytes(firmware, virtual);
    return { virtual, port: pty.b, pty, close };
  } catch (e) {
    await close();
    throw e;
  }
}
