// The device layer's transports, each behind one small interface so protocol code never knows
// whether bytes come from a serial port, a HID device, a keyboard wedge or a test fake.
//
// Every transport reports an unplug through onClose instead of throwing from a callback: the
// device manager reopens it; nothing in the host crashes.

/** A byte stream: serial ports (and USB-serial readers). */
export interface ByteTransport {
  readonly id: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  /** Chunks arrive as the OS delivers them: frames may be split or merged. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Closed by us (error undefined) or lost (unplugged, I/O error). */
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

/** Discrete reports: USB HID devices. */
export interface ReportTransport {
  readonly id: string;
  readonly isOpen: boolean;
  /** Bytes per report, excluding the report id (usually 64). */
  readonly reportSize: number;
  open(): Promise<void>;
  writeReport(report: Uint8Array): Promise<void>;
  onReport(listener: (report: Uint8Array) => void): () => void;
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

/** One key event captured in the renderer (keyboard-wedge scanners) and forwarded through the contract. */
export interface WedgeKeyEvent {
  /** KeyboardEvent.key: one character, or 'Enter' / 'Tab'. */
  key: string;
  /** Milliseconds, monotonic within one capture (KeyboardEvent.timeStamp). */
  t: number;
}
