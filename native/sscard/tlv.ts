// TLV decoding for the social security card.
//
// Two encodings meet here: each READ RECORD answer is one SIMPLE-TLV record (tag byte, length
// byte, value: "01 10 33 03 00 …"), and the SELECT answer (FCI) is BER-TLV with two-byte tags such
// as 9F0C. Both decoders check every length against the bytes actually present: a card pulled
// halfway or a reader that drops bytes yields TlvFormatError, never a short or shifted field.

/** Malformed TLV; `detail` says where. The card application turns it into an AppError. */
export class TlvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlvFormatError';
  }
}

export interface SimpleTlv {
  tag: number;
  value: Uint8Array;
}

/**
 * Decodes SIMPLE-TLV objects (ISO 7816-4 §5.2): tag 01–FE, length 00–FE or FF followed by two
 * bytes. Trailing 00/FF filler after the last object is ignored, as cards pad records that way.
 */
export function decodeSimpleTlv(bytes: Uint8Array): SimpleTlv[] {
  const out: SimpleTlv[] = [];
  let i = 0;
  while (i < bytes.length) {
    const tag = bytes[i] as number;
    if (tag === 0x00 || tag === 0xff) {
      if (bytes.subarray(i).every((b) => b === tag)) break;
      throw new TlvFormatError(`invalid SIMPLE-TLV tag ${tag.toString(16)} at offset ${i}`);
    }
    if (i + 1 >= bytes.length) throw new TlvFormatError(`tag ${tag.toString(16)} at offset ${i} has no length`);
    let len = bytes[i + 1] as number;
    let head = 2;
    if (len === 0xff) {
      if (i + 3 >= bytes.length) throw new TlvFormatError(`tag ${tag.toString(16)}: three-byte length truncated`);
      len = ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number);
      head = 4;
    }
    const start = i + head;
    if (start + len > bytes.length) throw new TlvFormatError(`tag ${tag.toString(16)} declares ${len} bytes, only ${bytes.length - start} present`);
    out.push({ tag, value: bytes.slice(start, start + len) });
    i = start + len;
  }
  return out;
}

/** Encodes SIMPLE-TLV (used by the virtual cards). */
export function encodeSimpleTlv(tag: number, value: Uint8Array): Uint8Array {
  if (tag < 0x01 || tag > 0xfe) throw new RangeError(`SIMPLE-TLV tag out of range: ${tag}`);
  const head = value.length < 0xff ? [tag, value.length] : [tag, 0xff, value.length >> 8, value.length & 0xff];
  const out = new Uint8Array(head.length + value.length);
  out.set(head, 0);
  out.set(value, head.length);
  return out;
}

export interface BerTlv {
  /** The tag bytes as a number: 0x6F, 0x9F0C, … */
  tag: number;
  constructed: boolean;
  value: Uint8Array;
  /** Decoded children when constructed. */
  children: BerTlv[];
}

const MAX_DEPTH = 8;

/** Decodes a sequence of BER-TLV objects (tags up to 3 bytes, definite lengths up to 0x83). */
export function decodeBerTlv(bytes: Uint8Array, depth = 0): BerTlv[] {
  if (depth > MAX_DEPTH) throw new TlvFormatError('BER-TLV nested too deeply');
  const out: BerTlv[] = [];
  let i = 0;
  while (i < bytes.length) {
    const first = bytes[i] as number;
    // 00 and FF between objects are padding (ISO 7816-4 §5.2.2.1).
    if (first === 0x00 || first === 0xff) {
      i++;
      continue;
    }
    let tag = first;
    i++;
    if ((first & 0x1f) === 0x1f) {
      let more = true;
      let extra = 0;
      while (more) {
        if (i >= bytes.length) throw new TlvFormatError('BER-TLV tag truncated');
        const b = bytes[i++] as number;
        tag = tag * 256 + b;
        more = (b & 0x80) !== 0;
        if (++extra > 2) throw new TlvFormatError('BER-TLV tag longer than 3 bytes');
      }
    }
    if (i >= bytes.length) throw new TlvFormatError(`BER-TLV tag ${tag.toString(16)} has no length`);
    let len = bytes[i++] as number;
    if (len === 0x80) throw new TlvFormatError('indefinite BER-TLV length is not allowed');
    if (len > 0x80) {
      const n = len & 0x7f;
      if (n > 3) throw new TlvFormatError(`BER-TLV length of ${n} bytes is not supported`);
      if (i + n > bytes.length) throw new TlvFormatError('BER-TLV length truncated');
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + (bytes[i++] as number);
    }
    if (i + len > bytes.length) throw new TlvFormatError(`BER-TLV tag ${tag.toString(16)} declares ${len} bytes, only ${bytes.length - i} present`);
    const value = bytes.slice(i, i + len);
    i += len;
    const constructed = (firstByteOf(tag) & 0x20) !== 0;
    out.push({ tag, constructed, value, children: constructed ? decodeBerTlv(value, depth + 1) : [] });
  }
  return out;
}

function firstByteOf(tag: number): number {
  let t = tag;
  while (t > 0xff) t = Math.floor(t / 256);
  return t;
}

/** Depth-first search for the first object with `tag`. */
export function findBerTlv(nodes: readonly BerTlv[], tag: number): BerTlv | undefined {
  for (const n of nodes) {
    if (n.tag === tag) return n;
    const inner = findBerTlv(n.children, tag);
    if (inner) return inner;
  }
  return undefined;
}

/** Encodes one BER-TLV object with a definite length (virtual cards build their FCI with it). */
export function encodeBerTlv(tag: number, value: Uint8Array): Uint8Array {
  const tagBytes: number[] = [];
  for (let t = tag; t > 0; t = Math.floor(t / 256)) tagBytes.unshift(t & 0xff);
  if (tagBytes.length === 0) tagBytes.push(0);
  const n = value.length;
  const lenBytes = n < 0x80 ? [n] : n <= 0xff ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  const out = new Uint8Array(tagBytes.length + lenBytes.length + n);
  out.set(tagBytes, 0);
  out.set(lenBytes, tagBytes.length);
  out.set(value, tagBytes.length + lenBytes.length);
  return out;
}
