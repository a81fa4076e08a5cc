import { describe, expect, it } from 'vitest';
import { buildInfRefmsgid, buildMsgid, isMsgid, parseMsgid } from './msgid';

describe('msgid format: fixmedins_code(12) + yyyyMMddHHmmss + 4-digit sequence', () => {
  it('builds 30 characters and parses them back', () => {
    const id = buildMsgid('H31010100001', '20240301083005', 7);
    expect(id).toBe('H31010100001202403010830050007');
    expect(id).toHaveLength(30);
    expect(parseMsgid(id)).toEqual({ fixmedinsCode: 'H31010100001', stamp: '20240301083005', sequence: 7 });
  });

  it('matches the real example from the interface notes', () => {
    expect(isMsgid('H13110200026202111291809520478')).toBe(true);
    expect(isMsgid('H1311020002620211129180952047')).toBe(false);
  });

  it('refuses sequences and codes that do not fit', () => {
    expect(() => buildMsgid('H31010100001', '20240301083005', 10000)).toThrow(RangeError);
    expect(() => buildMsgid('H3101', '20240301083005', 1)).toThrow(RangeError);
  });

  it('builds inf_refmsgid as area + stamp + 10 digits', () => {
    expect(buildInfRefmsgid('310000', '20230920182350', 2516630)).toBe('310000202309201823500002516630');
  });
});
