// A serial port (RS-232, USB-serial, a pty in tests) as a ByteTransport, through serialport.
//
// Why the extra care: serialport reports an unplug as a 'close' event carrying a disconnect error
// on Linux, but not reliably on Windows (node-serialport#2351), and write errors arrive as 'error'
// events. Both end here as one onClose(error), so the device manager sees a single "lost" signal
// and reopens; nothing is ever thrown from an event callback.
import { SerialPort } from 'serialport';
import { logger } from '@src/platform/logger';
import { ListenerSet } from './listener-set';
import { notOpen, openFailed, writeFailed } from './transport-errors';
import type { ByteTransport } from './transport';

const log = logger('serial');

export interface SerialOptions {
  path: string;
  /** Default 115200 (GA 467 readers); 8N1 always. */
  baudRate?: number;
}

/** Baud rates offered in configuration; the serial layer accepts any the OS accepts. */
export const STANDARD_BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

export class SerialByteTransport implements ByteTransport {
  readonly id: string;
  private port: SerialPort | undefined;
  private lastError: Error | undefined;
  private readonly data = new ListenerSet<[Uint8Array]>('serial.data');
  private readonly closed = new ListenerSet<[Error | undefined]>('serial.close');

  constructor(private readonly options: SerialOptions) {
    this.id = `serial:${options.path}`;
  }

  get path(): string {
    return this.options.path;
  }

  get baudRate(): number {
    return this.options.baudRate ?? 115200;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const port = new SerialPort({ path: this.options.path, baudRate: this.baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(openFailed(this.options.path, err)) : resolve()));
    });
    this.lastError = undefined;
    this.port = port;
    port.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('error', (err: Error) => {
      // After open, an 'error' means the port is unusable (write failure, device gone).
      log.warn({ err, path: this.options.path }, 'serial port error; closing');
      this.lastError = err;
      if (port.isOpen) port.close(() => undefined);
      else this.finish(port, err);
    });
    port.on('close', (err: Error | null) => this.finish(port, err ?? this.lastError));
    log.info({ path: this.options.path, baudRate: this.baudRate }, 'serial port open');
  }

  private finish(port: SerialPort, error: Error | undefined): void {
    if (this.port !== port) return;
    this.port = undefined;
    port.removeAllListeners('data');
    if (error) log.warn({ path: this.options.path, err: error }, 'serial port lost');
    this.closed.emit(error);
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw notOpen(this.id);
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (err) => {
        if (err) return reject(writeFailed(this.id, err));
        port.drain((drainErr) => (drainErr ? reject(writeFailed(this.id, drainErr)) : resolve()));
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    if (!port.isOpen) {
      this.finish(port, undefined);
      return;
    }
    await new Promise<void>((resolve) => {
      port.close((err) => {
        if (err) log.warn({ err, path: this.options.path }, 'serial close failed');
        // 'close' normally fires first; make sure listeners hear about it exactly once either way.
        this.finish(port, undefined);
        resolve();
      });
    });
  }
}
