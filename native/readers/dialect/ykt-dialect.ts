// The reference reader dialect ("ykt-ref"), documented in docs/sscard.md §Dialect. The virtual
// serial and HID readers speak it; a vendor's reader gets its own file shaped like this one.
//
//   frame : STX(02) | LEN_H LEN_L | CMD | DATA… | BCC | ETX(03)
//           LEN = bytes of CMD + DATA (big-endian, 1…1024); BCC = XOR of LEN_H … last DATA byte
//   reply : the same frame, CMD echoed, DATA = STATUS | payload
//
// Slot codes follow the ICC_Reader convention (devices.md §3 [D1]): 01 contact, 11–14 PSAM 1–4,
// 41 contactless.
import { type SlotId } from '../slots';
import { lengthByteHidCarriage } from './length-byte-hid-carriage';
import { type DecodedFrame, type DialectReply, type DialectRequest, type DialectStatus, DialectFrameError, type FrameDecoder, type ReaderDialect } from './reader-dialect';

export const STX = 0x02;
export const ETX = 0x03;
export const MAX_FRAME_PAYLOAD = 1024;

export const YKT_COMMANDS = {
  info: 0x01,
  selectSlot: 0x10,
  cardStatus: 0x14,
  powerOn: 0x11,
  powerOff: 0x12,
  transmit: 0x13,
  beep: 0x20,
} as const;

export const YKT_STATUS: Readonly<Record<number, DialectStatus>> = {
  0x00: 'ok',
  0x01: 'noCard',
  0x02: 'cardMute',
  0x03: 'notPowered',
  0x04: 'noSuchSlot',
  0x05: 'frameRejected', // BCC error
  0x06: 'frameRejected', // length error
  0x07: 'unknownCommand',
  0x0f: 'failed',
};

/** The status byte a virtual reader sends for each outcome. */
export const YKT_STATUS_BYTE: Readonly<Record<DialectStatus, number>> = {
  ok: 0x00,
  noCard: 0x01,
  cardMute: 0x02,
  notPowered: 0x03,
  noSuchSlot: 0x04,
  frameRejected: 0x05,
  unknownCommand: 0x07,
  failed: 0x0f,
};

export const YKT_SLOT_CODES: Readonly<Record<SlotId, number>> = {
  contact: 0x01,
  psam1: 0x11,
  psam2: 0x12,
  psam3: 0x13,
  psam4: 0x14,
  contactless: 0x41,
};

export function slotOfCode(code: number): SlotId | undefined {
  return (Object.keys(YKT_SLOT_CODES) as SlotId[]).find((s) => YKT_SLOT_CODES[s] === code);
}

function bcc(bytes: Uint8Array, start: number, end: number): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i] as number;
  return x;
}

/** Builds one frame around CMD + DATA. */
export function encodeFrame(cmd: number, data: Uint8Array): Uint8Array {
  const len = 1 + data.length;
  if (len > MAX_FRAME_PAYLOAD) throw new RangeError(`frame payload of ${len} bytes exceeds ${MAX_FRAME_PAYLOAD}`);
  const out = new Uint8Array(len + 5);
  out[0] = STX;
  out[1] = len >> 8;
  out[2] = len & 0xff;
  out[3] = cmd;
  out.set(data, 4);
  out[4 + data.length] = bcc(out, 1, 4 + data.length);
  out[5 + data.length] = ETX;
  return out;
}

/** CMD and DATA of a complete, checked frame. */
export function frameBody(frame: Uint8Array): { cmd: number; data: Uint8Array } {
  return { cmd: frame[3] as number, data: frame.slice(4, frame.length - 2) };
}

/** Stream decoder: resynchronises on STX after garbage, a bad BCC or a missing ETX. */
export class YktFrameDecoder implements FrameDecoder {
  private buf = new Uint8Array(0);

  push(chunk: Uint8Array): DecodedFrame[] {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf, 0);
    joined.set(chunk, this.buf.length);
    this.buf = joined;
    const out: DecodedFrame[] = [];
    for (;;) {
      const stx = this.buf.indexOf(STX);
      if (stx < 0) {
        this.buf = new Uint8Array(0);
        return out;
      }
      if (stx > 0) this.buf = this.buf.slice(stx);
      if (this.buf.length < 3) return out;
      const len = ((this.buf[1] as number) << 8) | (this.buf[2] as number);
      if (len < 1 || len > MAX_FRAME_PAYLOAD) {
        out.push({ ok: false, reason: `length ${len} out of range` });
        this.buf = this.buf.slice(1);
        continue;
      }
      const total = len + 5;
      if (this.buf.length < total) return out;
      const frame = this.buf.slice(0, total);
      if (frame[total - 1] !== ETX) {
        out.push({ ok: false, reason: 'missing ETX' });
        this.buf = this.buf.slice(1);
        continue;
      }
      if (frame[total - 2] !== bcc(frame, 1, total - 2)) {
        out.push({ ok: false, reason: 'BCC mismatch' });
        this.buf = this.buf.slice(total);
        continue;
      }
      out.push({ ok: true, frame });
      this.buf = this.buf.slice(total);
    }
  }

  reset(): void {
    this.buf = new Uint8Array(0);
  }
}

function requestBody(request: DialectRequest): { cmd: number; data: Uint8Array } {
  switch (request.command) {
    case 'info':
      return { cmd: YKT_COMMANDS.info, data: new Uint8Array(0) };
    case 'selectSlot':
      return { cmd: YKT_COMMANDS.selectSlot, data: Uint8Array.of(YKT_SLOT_CODES[request.slot]) };
    case 'cardStatus':
      return { cmd: YKT_COMMANDS.cardStatus, data: new Uint8Array(0) };
    case 'powerOn':
      return { cmd: YKT_COMMANDS.powerOn, data: new Uint8Array(0) };
    case 'powerOff':
      return { cmd: YKT_COMMANDS.powerOff, data: new Uint8Array(0) };
    case 'transmit':
      return { cmd: YKT_COMMANDS.transmit, data: request.apdu };
    case 'beep':
      return { cmd: YKT_COMMANDS.beep, data: Uint8Array.of(Math.max(1, Math.min(255, Math.round(request.durationMs / 10)))) };
  }
}

export const yktDialect: ReaderDialect = {
  id: 'ykt-ref',
  label: '一卡通参考协议（STX/ETX）',
  slots: ['contact', 'contactless', 'psam1', 'psam2'],
  hid: lengthByteHidCarriage,
  encodeRequest(request) {
    const { cmd, data } = requestBody(request);
    return encodeFrame(cmd, data);
  },
  decodeReply(frame, request): DialectReply {
    const { cmd, data } = frameBody(frame);
    // A reader that could not read our frame cannot know its command: accept any echo then.
    const rawFirst = data[0];
    if (rawFirst !== undefined && YKT_STATUS[rawFirst] === 'frameRejected') return { status: 'frameRejected', data: new Uint8Array(0), rawStatus: rawFirst };
    const expected = requestBody(request).cmd;
    if (cmd !== expected) throw new DialectFrameError(`reply to command ${cmd.toString(16)}, expected ${expected.toString(16)}`);
    if (data.length < 1) throw new DialectFrameError('reply without status byte');
    const rawStatus = data[0] as number;
    return { status: YKT_STATUS[rawStatus] ?? 'failed', data: data.slice(1), rawStatus };
  },
  createDecoder() {
    return new YktFrameDecoder();
  },
};

// ---- the reader's side (virtual readers) ---------------------------------------------------------

/** Decodes a request frame as a reader would; null for an unknown command (the reader answers 07). */
export function decodeYktRequest(frame: Uint8Array): { cmd: number; request: DialectRequest | null; error?: DialectStatus } {
  const { cmd, data } = frameBody(frame);
  switch (cmd) {
    case YKT_COMMANDS.info:
      return { cmd, request: { command: 'info' } };
    case YKT_COMMANDS.selectSlot: {
      const slot = data.length === 1 ? slotOfCode(data[0] as number) : undefined;
      return slot ? { cmd, request: { command: 'selectSlot', slot } } : { cmd, request: null, error: 'noSuchSlot' };
    }
    case YKT_COMMANDS.cardStatus:
      return { cmd, request: { command: 'cardStatus' } };
    case YKT_COMMANDS.powerOn:
      return { cmd, request: { command: 'powerOn' } };
    case YKT_COMMANDS.powerOff:
      return { cmd, request: { command: 'powerOff' } };
    case YKT_COMMANDS.transmit:
      return data.length >= 4 ? { cmd, request: { command: 'transmit', apdu: data } } : { cmd, request: null, error: 'frameRejected' };
    case YKT_COMMANDS.beep:
      return { cmd, request: { command: 'beep', durationMs: (data[0] ?? 10) * 10 } };
    default:
      return { cmd, request: null, error: 'unknownCommand' };
  }
}

/** A reply frame: CMD echoed, STATUS, payload. */
export function encodeYktReply(cmd: number, status: DialectStatus, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const data = new Uint8Array(payload.length + 1);
  data[0] = YKT_STATUS_BYTE[status];
  data.set(payload, 1);
  return encodeFrame(cmd, data);
}
