import { describe, expect, it } from 'vitest';
import { LosslessNumber } from 'lossless-json';
import { sm3Available, sm3DigestSigner, sm3Hex, staticSigner } from './envelope-signer';

const noSm3 = !sm3Available();
if (noSm3) console.warn('skipping SM3 tests: this Node build has no SM3 in OpenSSL');

describe('envelope signing hook', () => {
  it('passes the configured signtype/cainfo by default', () => {
    expect(staticSigner(() => ({ signtype: 'SM2', cainfo: 'abc' })).sign({})).toEqual({ signtype: 'SM2', cainfo: 'abc' });
  });

  it.skipIf(noSm3)('computes SM3 digests (GB/T 32905 example "abc")', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it.skipIf(noSm3)('signs the canonical input, so key order does not change cainfo', () => {
    const signer = sm3DigestSigner();
    const a = signer.sign({ infno: '2207', input: { data: { b: new LosslessNumber('1.50'), a: 'x' } } });
    const b = signer.sign({ infno: '2207', input: { data: { a: 'x', b: new LosslessNumber('1.50') } } });
    expect(a).toEqual(b);
    expect(a.signtype).toBe('SM3');
    expect(a.cainfo).toBe(sm3Hex('{"data":{"a":"x","b":1.50}}'));
  });
});
