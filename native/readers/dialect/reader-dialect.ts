// A reader *dialect*: how one vendor's serial/HID card reader frames its commands and what the
// command bytes are. The terminal talks to every such reader through DialectReader; a vendor's
// reader is supported by writing one file that implements ReaderDialect (see ykt-dialect.ts, the
// documented reference dialect, and docs/sscard.md "Adding a vendor dialect").
import type { SlotId } from '../slots';

/** What the terminal asks of a reader. */
export type DialectRequest =
  | { command: 'info' }
  | { command: 'selectSlot'; slot: SlotId }
  /** Is a card in the selected slot? Reply payload: 00 absent, 01 present, 02 present and powered. */
  | { command: 'cardStatus' }
  | { command: 'powerOn' }
  | { command: 'powerOff' }
  | { command: 'transmit'; apdu: Uint8Array }
  | { command: 'beep'; durationMs: number };

export type DialectCommand = DialectRequest['command'];

/** Outcomes a reader reports, in the terminal's words (each dialect maps its status bytes to these). */
export type DialectStatus =
  | 'ok'
  | 'noCard'
  | 'cardMute'
  | 'notPowered'
  | 'noSuchSlot'
  /** The reader received a damaged frame (BCC/length): the terminal may send it again. */
  | 'frameRejected'
  | 'unknownCommand'
  | 'failed';

export interface DialectReply {
  status: DialectStatus;
  data: Uint8Array;
  /** The dialect's own status byte, for logs. */
  rawStatus: number;
}

/** One unit out of the stream decoder: a complete frame, or a frame the decoder had to discard. */
export type DecodedFrame = { ok: true; frame: Uint8Array } | { ok: false; reason: string };

export interface FrameDecoder {
  /** Feeds bytes as the OS delivers them; returns what completed (garbage between frames is skipped). */
  push(chunk: Uint8Array): DecodedFrame[];
  /** Forgets a partial frame (after a timeout, before the next request). */
  reset(): void;
}

/** How frames travel in fixed-size HID reports. */
export interface HidCarriage {
  /** Splits one frame into reports of exactly `reportSize` bytes (report id excluded). */
  toReports(frame: Uint8Array, reportSize: number): Uint8Array[];
  /** Feeds one input report; returns the frame bytes once a message is complete. */
  createAssembler(): { push(report: Uint8Array): Uint8Array | null; reset(): void };
}

export interface ReaderDialect {
  /** Configuration id: "ykt-ref", "decard-xx", … */
  readonly id: string;
  /** Chinese name for settings and messages. */
  readonly label: string;
  encodeRequest(request: DialectRequest): Uint8Array;
  /** Decodes the reply frame to `request`; throws DialectFrameError when it is not one. */
  decodeReply(frame: Uint8Array, request: DialectRequest): DialectReply;
  createDecoder(): FrameDecoder;
  readonly hid: HidCarriage;
  /** Slots this reader model has. */
  readonly slots: readonly SlotId[];
}

/** A frame that decoded but is not a valid reply (wrong command echo, short). */
export class DialectFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DialectFrameError';
  }
}
