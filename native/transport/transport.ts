// The device layer's transports, each behind one small interface so protocol code never knows
// whether bytes come from a serial port, a HID device, a keyboard wedge or a test fake.
//
// Every transport reports an unplug through onClose instead of throwing from a callback: the
// device manager reopens it; nothing in the host crashes.
//
// Implementations: serial-transport.ts (serialport), hid-transport.ts (node-hid),
// wedge-key-source.ts (keys forwarded from the renderer), and the in-process fakes
// fake-byte-transport.ts / fake-report-transport.ts for unit tests.

/** A byte stream: serial ports (and USB-serial readers). */
export interface ByteTransport {
  readonly id: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  /** Resolves once the bytes are handed to the OS (drained); rejects with an AppError when the port is gone. */
  write(data: Uint8Array): Promise<void>;
  /** Chunks arrive as the OS delivers them: frames may be split or merged. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Closed by us (error undefined) or lost (unplugged, I/O error). Fires once per open. */
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
  /** `report` excludes the report id; the transport adds it and pads to reportSize. */
  writeReport(report: Uint8Array): Promise<void>;
  /**
   * One input report as the OS delivers it. For devices with numbered reports the first byte is the
   * report id (hidraw and node-hid behave so); for unnumbered devices it is the first data byte.
   */
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

/**
 * Key events from one source (a window's keyboard). There is nothing to open: a wedge scanner is a
 * keyboard, so the renderer captures keys and the host decides scanner vs typing.
 */
export interface KeyTransport {
  readonly id: string;
  /** A batch of events in time order; `flush` marks the end of a capture (the keyboard went idle). */
  onKeys(listener: (events: readonly WedgeKeyEvent[], flush: boolean) => void): () => void;
}

/** A device seen on a bus during discovery (serial port, HID interface, PC/SC reader …). */
export interface DiscoveredDevice {
  /** 'serial', 'hid', or a bus a later driver adds (e.g. 'pcsc'). */
  bus: string;
  /** What opens it: /dev/ttyUSB0, COM3, a hidraw path, a reader name. */
  path: string;
  vendorId?: number;
  productId?: number;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  /** HID only. */
  usagePage?: number;
  usage?: number;
  interface?: number;
}

/** Stable key for diffing discovery snapshots. */
export function deviceKey(d: Pick<DiscoveredDevice, 'bus' | 'path'>): string {
  return `${d.bus}:${d.path}`;
}

/** 0x0c2e → '0c2e' (how vendor/product ids are written in config and logs). */
export function hex4(id: number | undefined): string {
  return id === undefined ? '----' : id.toString(16).padStart(4, '0');
}
