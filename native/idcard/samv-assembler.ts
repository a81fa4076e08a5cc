// Reassembles SAM_V frames from a byte stream: the serial driver hands over whatever arrived (a
// 1295-byte answer comes in a dozen pieces, or glued to the next one), and readers sometimes
// emit noise before the preamble after power-up. push() never throws: it returns complete frames,
// protocol errors, and how many stray bytes were skipped, then resynchronises on the next preamble.
import { SamvProtocolError } from './samv-errors';
import { HEADER_LENGTH, MAX_LEN, MIN_BODY, PREAMBLE, xorChecksum } from './samv-frame';

export type AssemblerEvent = { type: 'frame'; body: Uint8Array } | { type: 'error'; error: SamvProtocolError } | { type: 'skipped'; bytes: number };

export class SamvFrameAssembler {
  private buf = new Uint8Array(2 * MAX_LEN);
  private len = 0;

  constructor(private readonly kind: 'request' | 'response' = 'response') {}

  /** Bytes held while waiting for the rest of a frame. */
  get pending(): number {
    return this.len;
  }

  /** Drops a partial frame (after a timeout: the rest is not coming). */
  reset(): void {
    this.len = 0;
  }

  push(chunk: Uint8Array): AssemblerEvent[] {
    this.append(chunk);
    const events: AssemblerEvent[] = [];
    let start = 0;
    const skip = (to: number): void => {
      if (to > start) events.push({ type: 'skipped', bytes: to - start });
      start = to;
    };
    for (;;) {
      const p = this.findPreamble(start);
      if (p < 0) {
        skip(this.partialPreambleTail(start));
        break;
      }
      skip(p);
      if (this.len - p < HEADER_LENGTH) break;
      const len = ((this.buf[p + 5] as number) << 8) | (this.buf[p + 6] as number);
      if (len < MIN_BODY[this.kind] + 1 || len > MAX_LEN) {
        events.push({ type: 'error', error: new SamvProtocolError('length', `LEN ${len} out of range; resynchronising`) });
        start = p + 1;
        continue;
      }
      const end = p + HEADER_LENGTH + len;
      if (this.len < end) break;
      const expected = xorChecksum(this.buf, p + 5, end - 1);
      if (expected !== this.buf[end - 1]) {
        events.push({ type: 'error', error: new SamvProtocolError('checksum', `CHK ${this.buf[end - 1]} but XOR is ${expected} (LEN ${len})`) });
        start = p + 1;
        continue;
      }
      events.push({ type: 'frame', body: this.buf.slice(p + HEADER_LENGTH, end - 1) });
      start = end;
    }
    this.buf.copyWithin(0, start, this.len);
    this.len -= start;
    return events;
  }

  private append(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.len + chunk.length));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
  }

  private findPreamble(from: number): number {
    const last = this.len - PREAMBLE.length;
    outer: for (let i = from; i <= last; i++) {
      for (let j = 0; j < PREAMBLE.length; j++) if (this.buf[i + j] !== PREAMBLE[j]) continue outer;
      return i;
    }
    return -1;
  }

  /** Where a possible preamble start begins in the tail (bytes that may be completed later). */
  private partialPreambleTail(from: number): number {
    for (let i = Math.max(from, this.len - PREAMBLE.length + 1); i < this.len; i++) {
      let prefix = true;
      for (let j = 0; i + j < this.len; j++) {
        if (this.buf[i + j] !== PREAMBLE[j]) {
          prefix = false;
          break;
        }
      }
      if (prefix) return i;
    }
    return this.len;
  }
}
