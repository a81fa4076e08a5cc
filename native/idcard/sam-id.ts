// The SAM id (管理信息, answer to 12 FF): 16 bytes, shown by vendor tools as
// "05.01-20101206-0012345678-1234567890". The byte layout behind that text is not confirmed by a
// public source (docs/devices.md, "Uncertain points"), so the raw bytes are kept and the text is
// a best effort: two little-endian 16-bit parts, then three little-endian 32-bit parts.
export interface SamId {
  /** Hex of the bytes as received. */
  raw: string;
  /** Vendor-style text, best effort. */
  text: string;
}

export function formatSamId(data: Uint8Array): SamId {
  const raw = [...data].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (data.length < 16) return { raw, text: raw };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const text = `${p2(view.getUint16(0, true))}.${p2(view.getUint16(2, true))}-${view.getUint32(4, true)}-${String(view.getUint32(8, true)).padStart(10, '0')}-${String(view.getUint32(12, true)).padStart(10, '0')}`;
  return { raw, text };
}

/** Builds 16 SAM-id bytes from the text form (virtual readers). */
export function samIdBytes(text: string): Uint8Array {
  const m = /^(\d+)\.(\d+)-(\d+)-(\d+)-(\d+)$/.exec(text);
  if (!m) throw new RangeError(`not a SAM id: ${text}`);
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  view.setUint16(0, Number(m[1]), true);
  view.setUint16(2, Number(m[2]), true);
  view.setUint32(4, Number(m[3]), true);
  view.setUint32(8, Number(m[4]), true);
  view.setUint32(12, Number(m[5]), true);
  return out;
}
