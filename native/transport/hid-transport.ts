// A USB HID interface as a ReportTransport, through node-hid (hidapi).
//
// hidapi has no detach event; a read error after an unplug is the signal (node-hid#199, #346), so
// the 'error' event ends the transport with onClose(error). Output reports always carry a report
// id byte for hidapi (0x00 when the device does not number its reports) and are padded to the
// report size, because many readers ignore short reports.
import type { EventEmitter } from 'node:events';
import { logger } from '@src/platform/logger';
import { ListenerSet } from './listener-set';
import { notOpen, openFailed, writeFailed } from './transport-errors';
import type { ReportTransport } from './transport';

const log = logger('hid');

/** The part of node-hid's HIDAsync this transport uses (tests pass a fake). */
export interface HidDeviceHandle extends EventEmitter {
  write(values: number[] | Buffer): Promise<number>;
  sendFeatureReport(data: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

export type HidOpener = (path: string) => Promise<HidDeviceHandle>;

export const openNodeHid: HidOpener = async (path) => {
  const hid = await import('node-hid');
  return hid.HIDAsync.open(path) as unknown as HidDeviceHandle;
};

export interface HidOptions {
  path: string;
  /** Bytes per output report excluding the report id. Default 64. */
  reportSize?: number;
  /** Report id prefixed to output reports. Default 0 (unnumbered). */
  outputReportId?: number;
  opener?: HidOpener;
}

export class HidReportTransport implements ReportTransport {
  readonly id: string;
  readonly reportSize: number;
  private device: HidDeviceHandle | undefined;
  private readonly reports = new ListenerSet<[Uint8Array]>('hid.report');
  private readonly closed = new ListenerSet<[Error | undefined]>('hid.close');

  constructor(private readonly options: HidOptions) {
    this.id = `hid:${options.path}`;
    this.reportSize = options.reportSize ?? 64;
  }

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  async open(): Promise<void> {
    if (this.device) return;
    let device: HidDeviceHandle;
    try {
      device = await (this.options.opener ?? openNodeHid)(this.options.path);
    } catch (e) {
      throw openFailed(this.options.path, e);
    }
    this.device = device;
    device.on('data', (data: Buffer) => this.reports.emit(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    device.on('error', (err: Error) => {
      log.warn({ err, path: this.options.path }, 'HID device error; treating as unplugged');
      void this.finish(device, err);
    });
    log.info({ path: this.options.path }, 'HID device open');
  }

  private async finish(device: HidDeviceHandle, error: Error | undefined): Promise<void> {
    if (this.device !== device) return;
    this.device = undefined;
    device.removeAllListeners('data');
    try {
      await device.close();
    } catch (e) {
      log.debug({ err: e }, 'HID close after error failed (device already gone)');
    }
    this.closed.emit(error);
  }

  /** Pads `report` to reportSize and prefixes the output report id. */
  frame(report: Uint8Array, reportId = this.options.outputReportId ?? 0): Buffer {
    if (report.length > this.reportSize) throw new RangeError(`report of ${report.length} bytes exceeds ${this.reportSize}`);
    const out = Buffer.alloc(this.reportSize + 1);
    out[0] = reportId;
    out.set(report, 1);
    return out;
  }

  async writeReport(report: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw notOpen(this.id);
    const framed = this.frame(report);
    try {
      await device.write(framed);
    } catch (e) {
      void this.finish(device, e instanceof Error ? e : new Error(String(e)));
      throw writeFailed(this.id, e);
    }
  }

  /** Feature reports switch some scanners into HID-POS mode (Honeywell: report 0xFE = [0x01]). */
  async sendFeatureReport(reportId: number, data: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw notOpen(this.id);
    try {
      await device.sendFeatureReport([reportId, ...data]);
    } catch (e) {
      throw writeFailed(this.id, e);
    }
  }

  onReport(listener: (report: Uint8Array) => void): () => void {
    return this.reports.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    if (this.device) await this.finish(this.device, undefined);
  }
}
