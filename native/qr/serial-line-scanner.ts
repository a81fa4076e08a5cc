// A scanner in serial (RS-232 / USB-CDC) line mode: each code is followed by a configurable
// suffix. No public source states a default suffix (devices.md §4); CR is the common factory
// setting, so it is the default here and IT staff can choose LF, CRLF, TAB, none, or any hex bytes.
// With no suffix, a pause in the data ends the code.
import { logger } from '@src/platform/logger';
import iconv from 'iconv-lite';
import { ListenerSet } from '@native/transport/listener-set';
import type { ByteTransport } from '@native/transport/transport';
import type { ScanEvent, Scanner } from './scanner';

const log = logger('serial-scanner');

export type ScannerSuffix = 'CR' | 'LF' | 'CRLF' | 'TAB' | 'NONE' | `HEX:${string}`;

export function suffixBytes(suffix: ScannerSuffix): Uint8Array {
  switch (suffix) {
    case 'CR':
      return Uint8Array.of(0x0d);
    case 'LF':
      return Uint8Array.of(0x0a);
    case 'CRLF':
      return Uint8Array.of(0x0d, 0x0a);
    case 'TAB':
      return Uint8Array.of(0x09);
    case 'NONE':
      return new Uint8Array(0);
    default: {
      const hex = suffix.slice(4).replace(/\s+/g, '');
      if (!/^([0-9a-fA-F]{2})+$/.test(hex)) throw new RangeError(`bad suffix ${suffix}`);
      return Uint8Array.from(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)));
    }
  }
}

export interface SerialLineScannerOptions {
  suffix?: ScannerSuffix;
  /** 'utf8' (default) or 'gbk' for scanners set to a Chinese code page. */
  encoding?: 'utf8' | 'gbk';
  /** Without a suffix: a pause this long ends the code. Default 50 ms. */
  idleMs?: number;
  /** Longest code kept; longer input is dropped as noise. Default 4096 bytes. */
  maxLength?: number;
}

export class SerialLineScanner implements Scanner {
  private buffer: number[] = [];
  private readonly scans = new ListenerSet<[ScanEvent]>('serial-scanner.scan');
  private readonly suffix: Uint8Array;
  private idleTimer: NodeJS.Timeout | undefined;
  private stop: (() => void) | undefined;

  constructor(
    private readonly transport: ByteTransport,
    private readonly options: SerialLineScannerOptions = {},
  ) {
    this.suffix = suffixBytes(options.suffix ?? 'CR');
  }

  attach(): this {
    this.stop ??= this.transport.onData((chunk) => this.receive(chunk));
    return this;
  }

  detach(): void {
    this.stop?.();
    this.stop = undefined;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.buffer = [];
  }

  onScan(listener: (scan: ScanEvent) => void): () => void {
    return this.scans.add(listener);
  }

  private receive(chunk: Uint8Array): void {
    for (const byte of chunk) {
      this.buffer.push(byte);
      if (this.suffix.length > 0 && this.endsWithSuffix()) {
        this.emit(this.buffer.slice(0, this.buffer.length - this.suffix.length));
        this.buffer = [];
      } else if (this.buffer.length > (this.options.maxLength ?? 4096)) {
        log.warn({ bytes: this.buffer.length }, 'scanner line too long without a suffix; dropped (check the suffix setting)');
        this.buffer = [];
      }
    }
    if (this.suffix.length === 0 && this.buffer.length > 0) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        const bytes = this.buffer;
        this.buffer = [];
        this.emit(bytes);
      }, this.options.idleMs ?? 50);
      this.idleTimer.unref();
    }
  }

  private endsWithSuffix(): boolean {
    const n = this.suffix.length;
    if (this.buffer.length < n) return false;
    for (let i = 0; i < n; i++) if (this.buffer[this.buffer.length - n + i] !== this.suffix[i]) return false;
    return true;
  }

  private emit(bytes: number[]): void {
    // A CRLF scanner configured as CR leaves a stray LF at the start of the next code.
    const text = iconv.decode(Buffer.from(bytes), this.options.encoding ?? 'utf8').replace(/^[\r\n]+|[\r\n]+$/g, '');
    if (text.length > 0) this.scans.emit({ text });
  }
}
