import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LosslessNumber } from 'lossless-json';
import { z } from 'zod';
import { list, listOrOne, wire } from './codecs';
import { parseWireJson, stringifyWire } from './wire';

const Line = z.object({ amt: wire.money, cnt: wire.quantity, pric: wire.price, prop: wire.ratioOpt, n: wire.intOpt, code: wire.text, memo: wire.textOpt, fund: wire.moneyOr0 });

describe('wire codecs turn hub decimals into integers and back, exactly', () => {
  it('decodes amounts, quantities, prices and ratios to scaled integers', () => {
    const raw = parseWireJson('{"amt":23442.46,"cnt":1.5,"pric":0.333333,"prop":0.05,"n":3,"code":"01","memo":null}');
    expect(Line.decode(raw as never)).toEqual({ amt: 2344246, cnt: 15000, pric: 333333, prop: 500, n: 3, code: '01', memo: undefined, fund: 0 });
  });

  it('accepts quoted decimals and numeric codes, as some regions send them', () => {
    const raw = parseWireJson('{"amt":"12.30","cnt":"2","pric":"5","code":1}');
    expect(Line.decode(raw as never)).toMatchObject({ amt: 1230, cnt: 20000, pric: 5000000, code: '1' });
  });

  it('refuses more places than the field has, instead of rounding', () => {
    const raw = parseWireJson('{"amt":1.234,"cnt":1,"pric":1,"code":"x"}');
    const r = Line.safeDecode(raw as never);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['amt']);
  });

  it('writes numbers unquoted with exactly the field\'s places', () => {
    const text = stringifyWire(Line.encode({ amt: -50, cnt: 10000, pric: 12500000, prop: 500, code: '02', fund: 0 }));
    expect(text).toBe('{"amt":-0.50,"cnt":1.0000,"pric":12.500000,"prop":0.0500,"code":"02","fund":0.00}');
  });

  it('round-trips any amount through text without loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: -1e12, max: 1e12 }), (amt, pric) => {
        const text = stringifyWire(Line.encode({ amt, cnt: 1, pric, code: 'c', fund: amt }));
        const back = Line.decode(parseWireJson(text) as never);
        return back.amt === amt && back.pric === pric && back.fund === amt;
      }),
    );
  });

  it('reads absent or null lists as empty, and a single object where a list is expected', () => {
    const S = z.object({ a: list(z.object({ x: wire.text })), b: listOrOne(z.object({ x: wire.text })) });
    expect(S.decode(parseWireJson('{"a":null,"b":{"x":"1"}}') as never)).toEqual({ a: [], b: [{ x: '1' }] });
    expect(S.decode(parseWireJson('{"b":[{"x":"1"},{"x":2}]}') as never)).toEqual({ a: [], b: [{ x: '1' }, { x: '2' }] });
  });

  it('carries bytes as base64 and accepts a byte array', () => {
    const S = z.object({ in: wire.bytes });
    expect(stringifyWire(S.encode({ in: new Uint8Array([1, 2, 255]) }))).toBe('{"in":"AQL/"}');
    expect(Array.from(S.decode(parseWireJson('{"in":[1,2,-1]}') as never).in)).toEqual([1, 2, 255]);
    expect(S.safeDecode({ in: 'not base64!' } as never).success).toBe(false);
  });

  it('never lets an unsafe number through', () => {
    const r = z.object({ amt: wire.money }).safeDecode({ amt: new LosslessNumber('123456789012345678901') } as never);
    expect(r.success).toBe(false);
  });
});
