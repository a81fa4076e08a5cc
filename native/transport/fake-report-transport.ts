// In-process ReportTransport for unit tests: the test (or a virtual HID device) plays the device.
// Reports written by the code under test are recorded as written (without the report id, as
// ReportTransport.writeReport receives them); reports delivered to it arrive as given.
import { ListenerSet } from './listener-set';
import { FakeTransportLifecycle } from './fake-transport-lifecycle';
import type { ReportTransport } from './transport';

export class FakeReportTransport extends FakeTransportLifecycle implements ReportTransport {
  readonly writtenReports: Uint8Array[] = [];
  private readonly reports = new ListenerSet<[Uint8Array]>('fake.report');
  private readonly writes = new ListenerSet<[Uint8Array]>('fake.writeReport');
  peer: FakeReportTransport | undefined;

  constructor(
    id = 'fake-hid',
    readonly reportSize = 64,
  ) {
    super(id, { absent: 'ENOENT', unplugged: 'HID read error: device unplugged' });
  }

  async writeReport(report: Uint8Array): Promise<void> {
    this.assertWritable();
    if (report.length > this.reportSize) throw new RangeError(`report of ${report.length} bytes exceeds ${this.reportSize}`);
    const copy = Uint8Array.from(report);
    this.writtenReports.push(copy);
    this.writes.emit(copy);
    if (this.peer) this.peer.deliverReport(copy);
  }

  onReport(listener: (report: Uint8Array) => void): () => void {
    return this.reports.add(listener);
  }

  // ---- the device side ----

  /** A report from the device (asynchronous, like hidapi's read thread). */
  deliverReport(report: Uint8Array): void {
    const copy = Uint8Array.from(report);
    setImmediate(() => {
      if (this.isOpen) this.reports.emit(copy);
    });
  }

  onWriteReport(listener: (report: Uint8Array) => void): () => void {
    return this.writes.add(listener);
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
