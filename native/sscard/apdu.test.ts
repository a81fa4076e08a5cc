import { describe, expect, it } from 'vitest';
import { decodeCommand, encodeCommand, encodeResponse, parseResponse } from './apdu';
import { fromHex, toHex } from './bytes';

describe('command APDUs', () => {
  it('encodes the SELECT SSSE command as seen in the field', () => {
    const aid = fromHex('7378312E73682EC9E7BBE1B1A3D5CF');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 4, p2: 0, data: aid }))).toBe('00A404000F7378312E73682EC9E7BBE1B1A3D5CF');
  });

  it('encodes all four cases, Le 256 as 00', () => {
    expect(toHex(encodeCommand({ cla: 0, ins: 0x84, p1: 0, p2: 0 }))).toBe('00840000');
    expect(toHex(encodeCommand({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 }))).toBe('0084000008');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 2, p2: 0, data: fromHex('EF05') }))).toBe('00A4020002EF05');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 4, p2: 0, data: fromHex('A0'), le: 256 }))).toBe('00A4040001A000');
  });

  it('decodes what it encodes', () => {
    const cmd = { cla: 0x80, ins: 0x1a, p1: 2, p2: 3, data: fromHex('00112233445566778899AABBCCDDEEFF'), le: 16 };
    expect(decodeCommand(encodeCommand(cmd))).toEqual(cmd);
  });

  it('reads a 5-byte APDU as case 2 (Le), not as a case 3 with empty data', () => {
    expect(decodeCommand(fromHex('00B2010012'))).toEqual({ cla: 0, ins: 0xb2, p1: 1, p2: 0, le: 0x12 });
  });

  it('refuses bad input with RangeError', () => {
    expect(() => encodeCommand({ cla: 256, ins: 0, p1: 0, p2: 0 })).toThrow(RangeError);
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, data: new Uint8Array(256) })).toThrow(RangeError);
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, le: 0 })).toThrow(RangeError);
    expect(() => decodeCommand(fromHex('00A4'))).toThrow(RangeError);
    expect(() => decodeCommand(fromHex('00A4040005AABB'))).toThrow(RangeError);
    expect(() => decodeCommand(fromHex('00A40400000102'))).toThrow(RangeError);
  });
});

describe('response APDUs', () => {
  it('splits data and status word', () => {
    expect(parseResponse(fromHex('0304332E30309000'))).toEqual({ data: fromHex('0304332E3030'), sw: 0x9000 });
    expect(parseResponse(encodeResponse(new Uint8Array(0), 0x6a82)).sw).toBe(0x6a82);
  });

  it('refuses a response shorter than a status word', () => {
    expect(() => parseResponse(Uint8Array.of(0x90))).toThrow(RangeError);
  });
});
