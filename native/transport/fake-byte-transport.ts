// In-process ByteTransport for unit tests and for training without socat: no OS, same contract.
//
// A fake can stand alone (the test plays the device with deliver()/onWrite()) or be one end of a
// connected pair (byteTransportPair), where a virtual device runs on the other end exactly as it
// would on a pty. Deliveries are asynchronous (setImmediate) and may be split into small chunks,
// like a real serial driver, so reassembly code is exercised.
import { ListenerSet } from './listener-set';
import { FakeTransportLifecycle } from './fake-transport-lifecycle';
import type { ByteTransport } from './transport';

export interface FakeByteOptions {
  /** Split every delivery into chunks of at most this many bytes (default: whole). */
  maxChunk?: number;
}

export class FakeByteTransport extends FakeTransportLifecycle implements ByteTransport {
  /** Everything written by the code under test, in order. */
  readonly written: Uint8Array[] = [];
  private readonly data = new ListenerSet<[Uint8Array]>('fake.data');
  private readonly writes = new ListenerSet<[Uint8Array]>('fake.write');
  /** Set by byteTransportPair: where writes go. */
  peer: FakeByteTransport | undefined;

  constructor(
    id = 'fake',
    private readonly options: FakeByteOptions = {},
  ) {
    super(id, { absent: `ENOENT: no such file ${id}`, unplugged: 'EIO: device unplugged' });
  }

  async write(data: Uint8Array): Promise<void> {
    this.assertWritable();
    const copy = Uint8Array.from(data);
    this.written.push(copy);
    this.writes.emit(copy);
    if (this.peer) this.peer.deliver(copy);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  // ---- the device side ----

  /** Bytes from the device to the code under test (asynchronous, possibly in chunks). */
  deliver(bytes: Uint8Array): void {
    const size = this.options.maxChunk ?? bytes.length;
    for (let i = 0; i < bytes.length; i += Math.max(1, size)) {
      const chunk = bytes.slice(i, i + Math.max(1, size));
      setImmediate(() => {
        if (this.isOpen) this.data.emit(chunk);
      });
    }
  }

  /** The device sees each write (to answer it). */
  onWrite(listener: (data: Uint8Array) => void): () => void {
    return this.writes.add(listener);
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
