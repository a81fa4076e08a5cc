// In-process ByteTransport for unit tests and for training without socat: no OS, same contract.
//
// A fake can stand alone (the test plays the device with deliver()/onWrite()) or be one end of a
// connected pair (byteTransportPair), where a virtual device runs on the other end exactly as it
// would on a pty. Deliveries are asynchronous (setImmediate) and may be split into small chunks,
// like a real serial driver, so reassembly code is exercised.
import { ListenerSet } from './listener-set';
import { deviceLost, notOpen, openFailed, writeFailed } from './transport-errors';
import type { ByteTransport } from './transport';

export interface FakeByteOptions {
  /** Split every delivery into chunks of at most this many bytes (default: whole). */
  maxChunk?: number;
}

export class FakeByteTransport implements ByteTransport {
  /** Everything written by the code under test, in order. */
  readonly written: Uint8Array[] = [];
  private open_ = false;
  private nextOpenError: Error | undefined;
  private writeError: Error | undefined;
  private readonly data = new ListenerSet<[Uint8Array]>('fake.data');
  private readonly closed = new ListenerSet<[Error | undefined]>('fake.close');
  private readonly writes = new ListenerSet<[Uint8Array]>('fake.write');
  /** Set by byteTransportPair: where writes go. */
  peer: FakeByteTransport | undefined;
  /** When false, open() fails as if the device were not plugged in. */
  present = true;

  constructor(
    readonly id = 'fake',
    private readonly options: FakeByteOptions = {},
  ) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    const err = this.nextOpenError ?? (this.present ? undefined : Object.assign(new Error(`ENOENT: no such file ${this.id}`), { code: 'ENOENT' }));
    this.nextOpenError = undefined;
    if (err) throw openFailed(this.id, err);
    this.open_ = true;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open_) throw notOpen(this.id);
    if (this.writeError) throw writeFailed(this.id, this.writeError);
    const copy = Uint8Array.from(data);
    this.written.push(copy);
    this.writes.emit(copy);
    if (this.peer) this.peer.deliver(copy);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.closed.emit(undefined);
  }

  // ---- the device side ----

  /** Bytes from the device to the code under test (asynchronous, possibly in chunks). */
  deliver(bytes: Uint8Array): void {
    const size = this.options.maxChunk ?? bytes.length;
    for (let i = 0; i < bytes.length; i += Math.max(1, size)) {
      const chunk = bytes.slice(i, i + Math.max(1, size));
      setImmediate(() => {
        if (this.open_) this.data.emit(chunk);
      });
    }
  }

  /** The device sees each write (to answer it). */
  onWrite(listener: (data: Uint8Array) => void): () => void {
    return this.writes.add(listener);
  }

  /** The device vanishes: the transport closes with an error, as on a real unplug. */
  unplug(error: Error = deviceLost(this.id, new Error('EIO: device unplugged'))): void {
    this.present = false;
    if (!this.open_) return;
    this.open_ = false;
    this.closed.emit(error);
  }

  /** The device is back: the next open() succeeds. */
  plugIn(): void {
    this.present = true;
  }

  failNextOpen(error: Error): void {
    this.nextOpenError = error;
  }

  failWrites(error: Error | undefined): void {
    this.writeError = error;
  }

  /** All bytes written so far, concatenated. */
  writtenBytes(): Uint8Array {
    return concatBytes(this.written);
  }
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Two connected fakes: bytes written on one arrive on the other. Unplugging either end closes both
 * (a cable pulled out). `host` is what the code under test opens; `device` is where a virtual device runs.
 */
export function byteTransportPair(options: FakeByteOptions & { hostId?: string; deviceId?: string } = {}): { host: FakeByteTransport; device: FakeByteTransport } {
  const host = new FakeByteTransport(options.hostId ?? 'fake-host', options);
  const device = new FakeByteTransport(options.deviceId ?? 'fake-device', options);
  host.peer = device;
  device.peer = host;
  const unplugHost = host.unplug.bind(host);
  const unplugDevice = device.unplug.bind(device);
  host.unplug = (error) => {
    unplugHost(error);
    unplugDevice(error);
  };
  device.unplug = (error) => {
    unplugDevice(error);
    unplugHost(error);
  };
  return { host, device };
}
