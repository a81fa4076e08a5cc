// Virtual QR / barcode scanners for training and tests: the device end of a serial line (line
// mode with a suffix), of a HID link (Honeywell HID-POS reports), or a keyboard wedge (key events
// as a renderer would forward them). Codes come in as parameters.
import iconv from 'iconv-lite';
import type { ByteTransport, ReportTransport, WedgeKeyEvent } from '@native/transport/transport';
import { encodeHoneywellReports } from '@native/qr/hid-pos-scanner';
import { suffixBytes, type ScannerSuffix } from '@native/qr/serial-line-scanner';

export class VirtualSerialScanner {
  constructor(
    readonly transport: ByteTransport,
    private readonly options: { suffix?: ScannerSuffix; encoding?: 'utf8' | 'gbk' } = {},
  ) {}

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
  }

  async stop(): Promise<void> {
    await this.transport.close();
  }

  /** "Shows" a code to the scanner: it sends the code and its suffix. */
  async scan(text: string): Promise<void> {
    const body = iconv.encode(text, this.options.encoding ?? 'utf8');
    const suffix = suffixBytes(this.options.suffix ?? 'CR');
    const out = new Uint8Array(body.length + suffix.length);
    out.set(body, 0);
    out.set(suffix, body.length);
    await this.transport.write(out);
  }
}

export class VirtualHidPosScanner {
  constructor(readonly transport: ReportTransport) {}

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
  }

  async scan(text: string, aim = ']Q1', codeId = 0x73): Promise<void> {
    for (const report of encodeHoneywellReports(new TextEncoder().encode(text), aim, codeId)) await this.transport.writeReport(report);
  }
}

/** Key events a wired wedge scanner would produce for `text` (Shift before capitals, Enter at the end). */
export function wedgeScanEvents(text: string, options: { start?: number; gapMs?: number; terminator?: 'Enter' | 'Tab' | null } = {}): WedgeKeyEvent[] {
  const gap = options.gapMs ?? 4;
  let t = options.start ?? 0;
  const out: WedgeKeyEvent[] = [];
  for (const ch of text) {
    if (/[A-Z]/.test(ch)) out.push({ key: 'Shift', t: t - 0.5 });
    out.push({ key: ch, t });
    t += gap;
  }
  const terminator = options.terminator === undefined ? 'Enter' : options.terminator;
  if (terminator) out.push({ key: terminator, t });
  return out;
}
