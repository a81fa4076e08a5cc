// Short APDUs (ISO 7816-4): command encoding/decoding and response splitting.
//
// The terminal only ever builds commands and splits responses; the virtual cards decode commands.
// Both directions live here so the fuzz test can check that decode(encode(x)) is x and that no
// byte string makes the decoder do anything but return a value or throw a RangeError.

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  /** Command data (Lc is its length, 1–255). */
  data?: Uint8Array;
  /** Expected response length: 1–256 (256 is encoded as 00). Absent: no response data expected. */
  le?: number;
}

export interface ResponseApdu {
  data: Uint8Array;
  /** SW1 << 8 | SW2 */
  sw: number;
}

function checkByte(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xff) throw new RangeError(`${name} must be a byte, got ${v}`);
}

/** Encodes a short command APDU (cases 1–4). */
export function encodeCommand(cmd: CommandApdu): Uint8Array {
  checkByte('cla', cmd.cla);
  checkByte('ins', cmd.ins);
  checkByte('p1', cmd.p1);
  checkByte('p2', cmd.p2);
  const data = cmd.data ?? new Uint8Array(0);
  if (data.length > 255) throw new RangeError(`command data too long for a short APDU: ${data.length}`);
  if (cmd.le !== undefined && (!Number.isInteger(cmd.le) || cmd.le < 1 || cmd.le > 256)) throw new RangeError(`le must be 1..256, got ${cmd.le}`);
  const out: number[] = [cmd.cla, cmd.ins, cmd.p1, cmd.p2];
  if (data.length > 0) out.push(data.length, ...data);
  if (cmd.le !== undefined) out.push(cmd.le === 256 ? 0 : cmd.le);
  return Uint8Array.from(out);
}

/**
 * Decodes a short command APDU. Ambiguity note: a 5-byte APDU is case 2 (Le), never case 3 with an
 * empty body, as ISO 7816-3 reads it. Throws RangeError for anything that is not a valid short APDU.
 */
export function decodeCommand(bytes: Uint8Array): CommandApdu {
  if (bytes.length < 4) throw new RangeError(`APDU too short: ${bytes.length} bytes`);
  const [cla, ins, p1, p2] = bytes as unknown as [number, number, number, number];
  if (bytes.length === 4) return { cla, ins, p1, p2 };
  const b5 = bytes[4] as number;
  if (bytes.length === 5) return { cla, ins, p1, p2, le: b5 === 0 ? 256 : b5 };
  if (b5 === 0) throw new RangeError('extended-length APDUs are not supported');
  const lc = b5;
  if (bytes.length === 5 + lc) return { cla, ins, p1, p2, data: bytes.slice(5, 5 + lc) };
  if (bytes.length === 6 + lc) {
    const le = bytes[5 + lc] as number;
    return { cla, ins, p1, p2, data: bytes.slice(5, 5 + lc), le: le === 0 ? 256 : le };
  }
  throw new RangeError(`APDU length ${bytes.length} does not match Lc ${lc}`);
}

/** Splits a response into data and status word. Throws RangeError when fewer than 2 bytes arrived. */
export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new RangeError(`response too short: ${bytes.length} bytes`);
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: ((bytes[n - 2] as number) << 8) | (bytes[n - 1] as number) };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data, 0);
  out[data.length] = (sw >> 8) & 0xff;
  out[data.length + 1] = sw & 0xff;
  return out;
}

/** Status-only response. */
export function swOnly(sw: number): Uint8Array {
  return Uint8Array.of((sw >> 8) & 0xff, sw & 0xff);
}
