// The data part of a successful read (30 01 / 30 10) answer:
//
//   30 01: TEXT_LEN(2, BE) PHOTO_LEN(2, BE) | text | photo                       (0x0100, 0x0400)
//   30 10: TEXT_LEN PHOTO_LEN FINGER_LEN (2 each, BE) | text | photo | fingerprint (0, 512 or 1024)
//
// The declared lengths must add up to what arrived: a mismatch means a corrupted or misread answer.
import { SamvProtocolError } from './samv-errors';
import { TEXT_BLOCK_LENGTH } from './id-card-text';

export interface RawCardRead {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

export const PHOTO_LENGTH = 1024;

export function parseReadData(data: Uint8Array, withFingerprint: boolean): RawCardRead {
  const header = withFingerprint ? 6 : 4;
  if (data.length < header) throw new SamvProtocolError('length', `read answer of ${data.length} bytes has no length header`);
  const u16 = (at: number): number => ((data[at] as number) << 8) | (data[at + 1] as number);
  const textLen = u16(0);
  const photoLen = u16(2);
  const fingerLen = withFingerprint ? u16(4) : 0;
  if (textLen !== TEXT_BLOCK_LENGTH) throw new SamvProtocolError('length', `text length ${textLen}, expected ${TEXT_BLOCK_LENGTH}`);
  if (photoLen !== PHOTO_LENGTH) throw new SamvProtocolError('length', `photo length ${photoLen}, expected ${PHOTO_LENGTH}`);
  if (![0, 512, 1024].includes(fingerLen)) throw new SamvProtocolError('length', `fingerprint length ${fingerLen} is not 0, 512 or 1024`);
  if (data.length !== header + textLen + photoLen + fingerLen) {
    throw new SamvProtocolError('length', `read answer of ${data.length} bytes, header declares ${header + textLen + photoLen + fingerLen}`);
  }
  const text = data.slice(header, header + textLen);
  const photo = data.slice(header + textLen, header + textLen + photoLen);
  const out: RawCardRead = { text, photo };
  if (fingerLen > 0) out.fingerprint = data.slice(header + textLen + photoLen);
  return out;
}

/** Builds the data part of a read answer (virtual readers). */
export function buildReadData(text: Uint8Array, photo: Uint8Array, fingerprint?: Uint8Array | null): Uint8Array {
  const withFingerprint = fingerprint !== undefined;
  const finger = fingerprint ?? new Uint8Array(0);
  const header = withFingerprint ? 6 : 4;
  const out = new Uint8Array(header + text.length + photo.length + finger.length);
  out[0] = text.length >> 8;
  out[1] = text.length & 0xff;
  out[2] = photo.length >> 8;
  out[3] = photo.length & 0xff;
  if (withFingerprint) {
    out[4] = finger.length >> 8;
    out[5] = finger.length & 0xff;
  }
  out.set(text, header);
  out.set(photo, header + text.length);
  out.set(finger, header + text.length + photo.length);
  return out;
}
