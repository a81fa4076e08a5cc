// A scanner in USB HID-POS mode (usage page 0x8C), reading the Honeywell report layout — the one
// disclosed publicly (devices.md §4; verified against captured reports, see docs/devices.md):
//
//   report id 0x02 | len | AIM id (3) | data (len bytes, ≤ 56) | … | [61] code id | [62] 0 | [63] more
//
// (offsets with the report id at [0], as hidraw delivers numbered reports; 64 bytes in all). A code
// longer than 56 bytes arrives in several reports; byte 63 is 1 on all but the last. Another
// vendor's layout is one more decoder with the same interface.
import { logger } from '@src/platform/logger';
import { ListenerSet } from '@native/transport/listener-set';
import type { ReportTransport } from '@native/transport/transport';
import type { ScanEvent, Scanner } from './scanner';

const log = logger('hidpos-scanner');

export const HONEYWELL_INPUT_REPORT = 0x02;
/** Feature report that switches Honeywell scanners into HID-POS mode. */
export const HONEYWELL_ENABLE_FEATURE = { reportId: 0xfe, data: Uint8Array.of(0x01) } as const;
export const HONEYWELL_MAX_DATA = 56;

export interface HidPosChunk {
  aim: string;
  data: Uint8Array;
  codeId: number;
  more: boolean;
}

/** Decodes one input report; undefined for reports that are not scanned data. */
export function decodeHoneywellReport(report: Uint8Array): HidPosChunk | undefined {
  if (report.length < 64 || report[0] !== HONEYWELL_INPUT_REPORT) return undefined;
  const len = report[1] as number;
  if (len > HONEYWELL_MAX_DATA) return undefined;
  const aim = String.fromCharCode(report[2] as number, report[3] as number, report[4] as number);
  return { aim, data: report.slice(5, 5 + len), codeId: report[61] as number, more: report[63] === 1 };
}

/** Builds the reports a Honeywell scanner sends for one code (virtual scanner, tests). */
export function encodeHoneywellReports(text: Uint8Array, aim = ']Q1', codeId = 0x73): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let i = 0; i < Math.max(1, text.length); i += HONEYWELL_MAX_DATA) {
    const part = text.slice(i, i + HONEYWELL_MAX_DATA);
    const r = new Uint8Array(64);
    r[0] = HONEYWELL_INPUT_REPORT;
    r[1] = part.length;
    for (let k = 0; k < 3; k++) r[2 + k] = aim.charCodeAt(k) & 0xff;
    r.set(part, 5);
    r[61] = codeId;
    r[63] = i + HONEYWELL_MAX_DATA < text.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}

export class HidPosScanner implements Scanner {
  private parts: Uint8Array[] = [];
  private readonly scans = new ListenerSet<[ScanEvent]>('hidpos.scan');
  private stop: (() => void) | undefined;

  constructor(private readonly transport: ReportTransport) {}

  attach(): this {
    this.stop ??= this.transport.onReport((r) => this.receive(r));
    return this;
  }

  detach(): void {
    this.stop?.();
    this.stop = undefined;
    this.parts = [];
  }

  onScan(listener: (scan: ScanEvent) => void): () => void {
    return this.scans.add(listener);
  }

  private receive(report: Uint8Array): void {
    const chunk = decodeHoneywellReport(report);
    if (!chunk) {
      log.debug({ bytes: report.length, id: report[0] }, 'ignored HID report');
      return;
    }
    this.parts.push(chunk.data);
    if (this.parts.reduce((n, p) => n + p.length, 0) > 8192) {
      log.warn('HID-POS message too long; dropped');
      this.parts = [];
      return;
    }
    if (chunk.more) return;
    const total = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      total.set(p, at);
      at += p.length;
    }
    this.parts = [];
    const text = new TextDecoder('utf-8').decode(total).replace(/[\r\n]+$/, '');
    if (text.length > 0) this.scans.emit({ text, aim: chunk.aim, codeId: chunk.codeId });
  }
}
