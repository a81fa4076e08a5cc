// GA 467 "SAM_V" frames (docs: ../shared/docs/devices.md §1):
//
//   request : AA AA AA 96 69 | LEN_H LEN_L | CMD PARA DATA… | CHK
//   response: AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 DATA… | CHK
//
// LEN is big-endian and counts every byte after itself, CHK included. CHK is the XOR of LEN_H
// through the last data byte. Validated strictly: one public test program sends a wrong CHK
// (0x21 for find-card instead of 0x22); a reader that accepted it would accept line noise too.
import { SamvProtocolError } from './samv-errors';

export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Preamble + LEN. */
export const HEADER_LENGTH = PREAMBLE.length + 2;
/**
 * Largest LEN accepted. The longest real answer (text + photo + 1024-byte fingerprint) has
 * LEN 0x090A = 2314; anything far beyond it is line noise, and waiting for 64 KiB of it would
 * stall the reader until its timeout.
 */
export const MAX_LEN = 4096;

/** XOR of `bytes[from, to)`. */
export function xorChecksum(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i] as number;
  return x;
}

/** Wraps a body (CMD PARA DATA or SW1 SW2 SW3 DATA) into a complete frame. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError(`SAM_V body of ${body.length} bytes is too long`);
  const out = new Uint8Array(HEADER_LENGTH + len);
  out.set(PREAMBLE, 0);
  out[5] = len >> 8;
  out[6] = len & 0xff;
  out.set(body, HEADER_LENGTH);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

export function encodeRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

export function encodeResponse(sw1: number, sw2: number, sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

export function startsWithPreamble(bytes: Uint8Array, at = 0): boolean {
  for (let i = 0; i < PREAMBLE.length; i++) if (bytes[at + i] !== PREAMBLE[i]) return false;
  return true;
}

/** Minimum body: a request has CMD PARA, a response SW1 SW2 SW3. */
export const MIN_BODY = { request: 2, response: 3 } as const;

/**
 * Decodes exactly one complete frame and returns its body. Throws SamvProtocolError, and nothing
 * else, for any input that is not one valid frame.
 */
export function decodeFrame(frame: Uint8Array, kind: 'request' | 'response' = 'response'): Uint8Array {
  if (frame.length < HEADER_LENGTH + MIN_BODY[kind] + 1) throw new SamvProtocolError('truncated', `frame of ${frame.length} bytes is shorter than the minimum`);
  if (!startsWithPreamble(frame)) throw new SamvProtocolError('preamble', 'frame does not start with AA AA AA 96 69');
  const len = ((frame[5] as number) << 8) | (frame[6] as number);
  if (len < MIN_BODY[kind] + 1 || len > MAX_LEN) throw new SamvProtocolError('length', `LEN ${len} out of range`);
  if (frame.length < HEADER_LENGTH + len) throw new SamvProtocolError('truncated', `LEN ${len} but only ${frame.length - HEADER_LENGTH} bytes follow`);
  if (frame.length > HEADER_LENGTH + len) throw new SamvProtocolError('length', `LEN ${len} but ${frame.length - HEADER_LENGTH} bytes follow`);
  const expected = xorChecksum(frame, 5, frame.length - 1);
  const actual = frame[frame.length - 1] as number;
  if (expected !== actual) throw new SamvProtocolError('checksum', `CHK ${hex(actual)} but XOR is ${hex(expected)}`);
  return frame.slice(HEADER_LENGTH, frame.length - 1);
}

export function hex(n: number): string {
  return n.toString(16).padStart(2, '0').toUpperCase();
}

export function hexBytes(bytes: Uint8Array, max = 64): string {
  const shown = [...bytes.slice(0, max)].map(hex).join(' ');
  return bytes.length > max ? `${shown} …(${bytes.length} bytes)` : shown;
}
