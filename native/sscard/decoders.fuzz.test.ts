// Fuzz tests (fast-check) for everything that decodes bytes from a card: whatever arrives, the
// decoders return a value or throw their own format error — never a TypeError, never a hang,
// never a field read past the bytes present.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@src/common/errors';
import { type CommandApdu, decodeCommand, encodeCommand, parseResponse } from './apdu';
import { parseFci } from './ssse-reader';
import { SSSE_RECORDS } from './ssse-layout';
import { decodeRecord } from './ssse-records';
import { TlvFormatError, decodeBerTlv, decodeSimpleTlv, encodeBerTlv, encodeSimpleTlv } from './tlv';

const bytes = fc.uint8Array({ maxLength: 300 });
const RUNS = { numRuns: 2000 };

function onlyThrows<T>(fn: () => T, allowed: (e: unknown) => boolean): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!allowed(e)) throw e;
    return undefined;
  }
}

describe('fuzz: TLV decoders', () => {
  it('SIMPLE-TLV: any bytes decode or raise TlvFormatError, and values never exceed the input', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const out = onlyThrows(() => decodeSimpleTlv(b), (e) => e instanceof TlvFormatError);
        if (out) expect(out.reduce((n, o) => n + o.value.length + 2, 0)).toBeLessThanOrEqual(b.length);
      }),
      RUNS,
    );
  });

  it('SIMPLE-TLV: encoded objects decode back to themselves', () => {
    const obj = fc.record({ tag: fc.integer({ min: 1, max: 0xfe }), value: fc.uint8Array({ maxLength: 400 }) });
    fc.assert(
      fc.property(fc.array(obj, { maxLength: 6 }), (objs) => {
        const joined = objs.map((o) => encodeSimpleTlv(o.tag, o.value));
        const all = new Uint8Array(joined.reduce((n, j) => n + j.length, 0));
        let at = 0;
        for (const j of joined) {
          all.set(j, at);
          at += j.length;
        }
        expect(decodeSimpleTlv(all).map((o) => ({ tag: o.tag, value: Array.from(o.value) }))).toEqual(objs.map((o) => ({ tag: o.tag, value: Array.from(o.value) })));
      }),
      { numRuns: 500 },
    );
  });

  it('BER-TLV: any bytes decode or raise TlvFormatError', () => {
    fc.assert(fc.property(bytes, (b) => void onlyThrows(() => decodeBerTlv(b), (e) => e instanceof TlvFormatError)), RUNS);
  });

  it('BER-TLV: a primitive object round-trips for 1- and 2-byte tags', () => {
    const tag = fc.oneof(fc.constantFrom(0x84, 0x86, 0x88, 0x50), fc.integer({ min: 0x9f01, max: 0x9f7f }));
    fc.assert(
      fc.property(tag, fc.uint8Array({ maxLength: 600 }), (t, v) => {
        const [node] = decodeBerTlv(encodeBerTlv(t, v));
        expect(node!.tag).toBe(t);
        expect(Array.from(node!.value)).toEqual(Array.from(v));
      }),
      { numRuns: 500 },
    );
  });

  it('FCI parsing never throws anything but "not a social security card"', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const alg = onlyThrows(() => parseFci(b), (e) => isAppError(e) && e.code === 'SSCARD_NOT_SSSE');
        if (alg !== undefined) expect(alg).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('record decoding: any answer is a field value or SSCARD_BAD_RECORD', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SSSE_RECORDS), fc.uint8Array({ maxLength: 40 }), (spec, b) => {
        onlyThrows(() => decodeRecord(spec, b), (e) => isAppError(e) && e.code === 'SSCARD_BAD_RECORD');
      }),
      RUNS,
    );
  });

  it('record decoding: a well-formed record with random value bytes never escapes as another error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SSSE_RECORDS), fc.uint8Array({ maxLength: 32 }), (spec, v) => {
        onlyThrows(() => decodeRecord(spec, encodeSimpleTlv(spec.tag, v)), (e) => isAppError(e) && e.code === 'SSCARD_BAD_RECORD');
      }),
      RUNS,
    );
  });
});

describe('fuzz: APDU codec', () => {
  const command: fc.Arbitrary<CommandApdu> = fc
    .record({
      cla: fc.integer({ min: 0, max: 255 }),
      ins: fc.integer({ min: 0, max: 255 }),
      p1: fc.integer({ min: 0, max: 255 }),
      p2: fc.integer({ min: 0, max: 255 }),
      data: fc.option(fc.uint8Array({ minLength: 1, maxLength: 255 }), { nil: undefined }),
      le: fc.option(fc.integer({ min: 1, max: 256 }), { nil: undefined }),
    })
    .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as unknown as CommandApdu);

  it('decode(encode(cmd)) is cmd', () => {
    fc.assert(
      fc.property(command, (cmd) => {
        const back = decodeCommand(encodeCommand(cmd));
        expect({ ...back, data: back.data && Array.from(back.data) }).toEqual({ ...cmd, data: cmd.data && Array.from(cmd.data) });
      }),
      RUNS,
    );
  });

  it('any bytes decode to a command that re-encodes to the same bytes, or raise RangeError', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const cmd = onlyThrows(() => decodeCommand(b), (e) => e instanceof RangeError);
        if (cmd) expect(Array.from(encodeCommand(cmd))).toEqual(Array.from(b));
      }),
      RUNS,
    );
  });

  it('responses of two bytes or more always split; shorter ones raise RangeError', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const r = onlyThrows(() => parseResponse(b), (e) => e instanceof RangeError);
        if (r) expect(r.data.length + 2).toBe(b.length);
        else expect(b.length).toBeLessThan(2);
      }),
      RUNS,
    );
  });
});
