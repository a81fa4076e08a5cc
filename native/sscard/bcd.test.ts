import { describe, expect, it } from 'vitest';
import { BcdFormatError, decodeBcdDate, decodeBcdDigits, encodeBcdDate, encodeBcdDigits } from './bcd';
import { fromHex } from './bytes';

describe('packed BCD', () => {
  it('decodes dates and rejects impossible ones', () => {
    expect(decodeBcdDate(fromHex('20211203'))).toBe('2021-12-03');
    expect(() => decodeBcdDate(fromHex('20230231'))).toThrow(BcdFormatError);
    expect(() => decodeBcdDate(fromHex('2021120A'))).toThrow(BcdFormatError);
    expect(() => decodeBcdDate(fromHex('202112'))).toThrow(BcdFormatError);
    expect(() => decodeBcdDate(fromHex('2021FFFF'))).toThrow(/padded/);
  });

  it('stops at F padding (birth place 3 bytes FF-padded)', () => {
    expect(decodeBcdDigits(fromHex('510101'))).toBe('510101');
    expect(decodeBcdDigits(fromHex('51FFFF'))).toBe('51');
    expect(decodeBcdDigits(fromHex('01'))).toBe('01');
  });

  it('encodes what it decodes', () => {
    expect(decodeBcdDate(encodeBcdDate('1955-06-07'))).toBe('1955-06-07');
    expect(decodeBcdDigits(encodeBcdDigits('5101', 3))).toBe('5101');
    expect(() => encodeBcdDigits('1234567', 3)).toThrow(RangeError);
  });
});
