import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes';
import { TlvFormatError, decodeBerTlv, decodeSimpleTlv, encodeBerTlv, encodeSimpleTlv, findBerTlv } from './tlv';

describe('SIMPLE-TLV records', () => {
  it('decodes the field samples: 卡识别码 and spec version 3.00', () => {
    const [id] = decodeSimpleTlv(fromHex('01 10 33 03 00 D1 56 00 00 05 99 11 01 45 FF FF FF FF'));
    expect(id!.tag).toBe(1);
    expect(toHex(id!.value)).toBe('330300D15600000599110145FFFFFFFF');
    const [version] = decodeSimpleTlv(fromHex('03 04 33 2E 30 30'));
    expect(new TextDecoder().decode(version!.value)).toBe('3.00');
  });

  it('ignores trailing 00 or FF filler but not filler followed by data', () => {
    expect(decodeSimpleTlv(fromHex('07 01 41 FF FF'))).toHaveLength(1);
    expect(() => decodeSimpleTlv(fromHex('07 01 41 FF 07'))).toThrow(TlvFormatError);
  });

  it('refuses a value longer than the bytes present (a truncated read)', () => {
    expect(() => decodeSimpleTlv(fromHex('09 1E D5 C5'))).toThrow(/declares 30 bytes, only 2 present/);
    expect(() => decodeSimpleTlv(fromHex('09'))).toThrow(TlvFormatError);
  });

  it('handles the three-byte length form', () => {
    const big = new Uint8Array(300).fill(0x41);
    expect(decodeSimpleTlv(encodeSimpleTlv(0x20, big))[0]!.value).toHaveLength(300);
  });
});

describe('BER-TLV (the FCI)', () => {
  const fci = fromHex('6F 1B 84 0F 73 78 31 2E 73 68 2E C9 E7 BB E1 B1 A3 D5 CF A5 08 9F 0C 03 86 01 03 00 00');

  it('finds the DF name and the proprietary 9F0C with the algorithm', () => {
    const nodes = decodeBerTlv(fci.subarray(0, 0x1d));
    expect(toHex(findBerTlv(nodes, 0x84)!.value)).toBe('7378312E73682EC9E7BBE1B1A3D5CF');
    const prop = findBerTlv(nodes, 0x9f0c)!;
    expect(toHex(findBerTlv(decodeBerTlv(prop.value), 0x86)!.value)).toBe('03');
  });

  it('round-trips long lengths', () => {
    const v = new Uint8Array(200).fill(1);
    expect(decodeBerTlv(encodeBerTlv(0x9f0c, v))[0]).toMatchObject({ tag: 0x9f0c, constructed: false });
    expect(decodeBerTlv(encodeBerTlv(0x9f0c, v))[0]!.value).toHaveLength(200);
  });

  it('refuses truncation, indefinite lengths and over-long tags', () => {
    expect(() => decodeBerTlv(fromHex('6F 10 84 02'))).toThrow(TlvFormatError);
    expect(() => decodeBerTlv(fromHex('6F 80 00 00'))).toThrow(/indefinite/);
    expect(() => decodeBerTlv(fromHex('9F FF FF 01 00'))).toThrow(/longer than 3 bytes/);
    expect(() => decodeBerTlv(fromHex('9F'))).toThrow(TlvFormatError);
  });
});
