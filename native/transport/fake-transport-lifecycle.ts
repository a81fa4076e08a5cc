// The life of an in-process fake transport, shared by FakeByteTransport (serial) and
// FakeReportTransport (HID): open/close, a device that can be unplugged and plugged in again,
// and injected open and write failures.
//
// Why one base: both fakes must fail exactly like the real transports do (the same typed errors
// from transport-errors.ts, a close event carrying the unplug error, opens refused while the
// device is absent), so the device layer's recovery code is tested against one behaviour, not two
// copies that could drift. Each subclass adds only its own data path (bytes or reports).
import { ListenerSet } from './listener-set';
import { deviceLost, notOpen, openFailed, writeFailed } from './transport-errors';

export interface FakeFailureTexts {
  /** The OS error message open() reports while the device is absent (code ENOENT). */
  absent: string;
  /** The OS error message behind the default unplug error. */
  unplugged: string;
}

export abstract class FakeTransportLifecycle {
  private open_ = false;
  private nextOpenError: Error | undefined;
  private writeError: Error | undefined;
  private readonly closed = new ListenerSet<[Error | undefined]>('fake.close');
  /** When false, open() fails as if the device were not plugged in. */
  present = true;

  protected constructor(
    readonly id: string,
    private readonly texts: FakeFailureTexts,
  ) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    const err = this.nextOpenError ?? (this.present ? undefined : Object.assign(new Error(this.texts.absent), { code: 'ENOENT' }));
    this.nextOpenError = undefined;
    if (err) throw openFailed(this.id, err);
    this.open_ = true;
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

  /** The device vanishes: the transport closes with an error, as on a real unplug. */
  unplug(error: Error = deviceLost(this.id, new Error(this.texts.unplugged))): void {
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

  /** Every write fails with this error until called again with undefined. */
  failWrites(error: Error | undefined): void {
    this.writeError = error;
  }

  /** A write is refused, as the real transports refuse it, when closed or failing. */
  protected assertWritable(): void {
    if (!this.open_) throw notOpen(this.id);
    if (this.writeError) throw writeFailed(this.id, this.writeError);
  }
}
