import { describe, expect, it } from 'vitest';
import { SamvFrameAssembler, type AssemblerEvent } from './samv-assembler';
import { encodeResponse } from './samv-frame';

const ok = encodeResponse(0, 0, 0x90);
const big = encodeResponse(0, 0, 0x90, Uint8Array.from({ length: 1284 }, (_, i) => i & 0xff));
const frames = (events: AssemblerEvent[]): Uint8Array[] => events.flatMap((e) => (e.type === 'frame' ? [e.body] : []));

describe('the SAM_V assembler turns a byte stream into frames', () => {
  it('reassembles a long answer that arrives one byte at a time', () => {
    const a = new SamvFrameAssembler();
    const got: Uint8Array[] = [];
    for (const b of big) got.push(...frames(a.push(Uint8Array.of(b))));
    expect(got).toHaveLength(1);
    expect(got[0]!.length).toBe(3 + 1284);
    expect(a.pending).toBe(0);
  });

  it('splits two answers glued together', () => {
    const a = new SamvFrameAssembler();
    const glued = new Uint8Array([...ok, ...big]);
    expect(frames(a.push(glued)).map((f) => f.length)).toEqual([3, 3 + 1284]);
  });

  it('skips garbage before the preamble and reports how much', () => {
    const a = new SamvFrameAssembler();
    const events = a.push(Uint8Array.of(0x00, 0xff, 0xaa, 0x13, 0xaa, 0xaa, ...ok));
    expect(events[0]).toEqual({ type: 'skipped', bytes: 6 });
    expect(frames(events)).toHaveLength(1);
  });

  it('keeps a partial preamble at the end of a chunk', () => {
    const a = new SamvFrameAssembler();
    expect(a.push(Uint8Array.of(0x01, 0xaa, 0xaa))).toEqual([{ type: 'skipped', bytes: 1 }]);
    expect(frames(a.push(ok.slice(2)))).toHaveLength(1);
  });

  it('reports a bad checksum and resynchronises on the next frame', () => {
    const a = new SamvFrameAssembler();
    const bad = ok.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 0xff;
    const events = a.push(new Uint8Array([...bad, ...ok]));
    expect(events.filter((e) => e.type === 'error').map((e) => (e.type === 'error' ? e.error.reason : ''))).toEqual(['checksum']);
    expect(frames(events)).toHaveLength(1);
  });

  it('reports an impossible length instead of waiting for 64 KiB', () => {
    const a = new SamvFrameAssembler();
    const events = a.push(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff, 1, 2, 3, ...ok));
    expect(events.some((e) => e.type === 'error' && e.error.reason === 'length')).toBe(true);
    expect(frames(events)).toHaveLength(1);
  });

  it('reset() drops a partial frame', () => {
    const a = new SamvFrameAssembler();
    a.push(big.slice(0, 100));
    expect(a.pending).toBe(100);
    a.reset();
    expect(a.pending).toBe(0);
    expect(frames(a.push(ok))).toHaveLength(1);
  });
});
