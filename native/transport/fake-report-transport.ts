// In-process ReportTransport for unit tests: the test (or a virtual HID device) plays the device.
// Reports written by the code under test are recorded as written (without the report id, as
// ReportTransport.writeReport receives them); reports delivered to it arrive as given.
import { ListenerSet } from './listener-set';
import { deviceLost, notOpen, openFailed, writeFailed } from './transport-errors';
import type { ReportTransport } from './transport';

export class FakeReportTransport implements ReportTransport {
  readonly writtenReports: Uint8Array[] = [];
  private open_ = false;
  private writeError: Error | undefined;
  private readonly reports = new ListenerSet<[Uint8Array]>('fake.report');
  private readonly closed = new ListenerSet<[Error | undefined]>('fake.close');
  private readonly writes = new ListenerSet<[Uint8Array]>('fake.writeReport');
  peer: FakeReportTransport | undefined;
  present = true;

  constructor(
    readonly id = 'fake-hid',
    readonly reportSize = 64,
  ) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    if (!this.present) throw openFailed(this.id, Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
    this.open_ = true;
  }

  async writeReport(report: Uint8Array): Promise<void> {
    if (!this.open_) throw notOpen(this.id);
    if (this.writeError) throw writeFailed(this.id, this.writeError);
    if (report.length > this.reportSize) throw new RangeError(`report of ${report.length} bytes exceeds ${this.reportSize}`);
    const copy = Uint8Array.from(report);
    this.writtenReports.push(copy);
    this.writes.emit(copy);
    if (this.peer) this.peer.deliverReport(copy);
  }

  onReport(listener: (report: Uint8Array) => void): () => void {
    return this.reports.add(listener);
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

  /** A report from the device (asynchronous, like hidapi's read thread). */
  deliverReport(report: Uint8Array): void {
    const copy = Uint8Array.from(report);
    setImmediate(() => {
      if (this.open_) this.reports.emit(copy);
    });
  }

  onWriteReport(listener: (report: Uint8Array) => void): () => void {
    return this.writes.add(listener);
  }

  unplug(error: Error = deviceLost(this.id, new Error('HID read error: device unplugged'))): void {
    this.present = false;
    if (!this.open_) return;
    this.open_ = false;
    this.closed.emit(error);
  }

  plugIn(): void {
    this.present = true;
  }

  failWrites(error: Error | undefined): void {
    this.writeError = error;
  }
}

/** Two connected fakes: a report written on one is delivered to the other. */
export function reportTransportPair(reportSize = 64): { host: FakeReportTransport; device: FakeReportTransport } {
  const host = new FakeReportTransport('fake-hid-host', reportSize);
  const device = new FakeReportTransport('fake-hid-device', reportSize);
  host.peer = device;
  device.peer = host;
  return { host, device };
}
