// A frame link: a transport plus the dialect's framing, delivering whole frames. The serial link
// runs the byte stream through the dialect's decoder; the HID link first joins reports with the
// dialect's HID carriage. DialectReader only sees frames, so a dialect works over both.
import type { ByteTransport, ReportTransport } from '@native/transport/transport';
import type { DecodedFrame, ReaderDialect } from './reader-dialect';

export interface FrameLink {
  readonly name: string;
  readonly kind: 'serial' | 'hid';
  readonly isOpen: boolean;
  open(): Promise<void>;
  send(frame: Uint8Array): Promise<void>;
  onFrame(listener: (frame: DecodedFrame) => void): () => void;
  /** Fires when the link closes; `error` set when it was lost (unplugged). */
  onClose(listener: (error?: Error) => void): () => void;
  /** Drops any partial frame (before a new request, after a timeout). */
  resync(): void;
  close(): Promise<void>;
}

/** A dialect over a byte stream (serial port, USB-serial, pty). */
export function serialFrameLink(transport: ByteTransport, dialect: ReaderDialect): FrameLink {
  const decoder = dialect.createDecoder();
  return {
    name: transport.id.replace(/^serial:/, ''),
    kind: 'serial',
    get isOpen() {
      return transport.isOpen;
    },
    open: () => transport.open(),
    send: (frame) => transport.write(frame),
    onFrame(listener) {
      return transport.onData((chunk) => {
        for (const f of decoder.push(chunk)) listener(f);
      });
    },
    onClose: (listener) => transport.onClose(listener),
    resync: () => decoder.reset(),
    close: () => transport.close(),
  };
}

/** A dialect over HID reports: frames split by the dialect's HID carriage, then decoded as a stream. */
export function hidFrameLink(transport: ReportTransport, dialect: ReaderDialect): FrameLink {
  const decoder = dialect.createDecoder();
  const assembler = dialect.hid.createAssembler();
  return {
    name: transport.id,
    kind: 'hid',
    get isOpen() {
      return transport.isOpen;
    },
    open: () => transport.open(),
    async send(frame) {
      for (const report of dialect.hid.toReports(frame, transport.reportSize)) await transport.writeReport(report);
    },
    onFrame(listener) {
      return transport.onReport((report) => {
        const bytes = assembler.push(report);
        if (bytes) for (const f of decoder.push(bytes)) listener(f);
      });
    },
    onClose: (listener) => transport.onClose(listener),
    resync() {
      decoder.reset();
      assembler.reset();
    },
    close: () => transport.close(),
  };
}
