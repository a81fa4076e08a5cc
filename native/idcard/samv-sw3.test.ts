import { describe, expect, it } from 'vitest';
import { SW3, SW3_TEXT, sw3Error } from './samv-sw3';

describe('every SW3 status becomes a Chinese message that says what to do', () => {
  it('maps the documented codes', () => {
    for (const code of [0x91, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81, 0xff]) {
      const text = SW3_TEXT[code];
      expect(text, `SW3 ${code.toString(16)}`).toBeDefined();
      expect(text!.message).toMatch(/[\u4e00-\u9fff]/);
      expect(text!.hint).toMatch(/[\u4e00-\u9fff]/);
      expect(text!.code).toMatch(/^IDCARD_/);
    }
  });

  it('80 asks for the card and 41 asks to place it again', () => {
    expect(sw3Error(SW3.findFailed, 'find')).toMatchObject({ code: 'IDCARD_NO_CARD', message: '请放卡' });
    expect(sw3Error(SW3.readFailed, 'read')).toMatchObject({ code: 'IDCARD_READ_FAILED', message: '读卡失败，请重新放卡' });
  });

  it('an unknown code is still explained, with the code for IT staff', () => {
    expect(sw3Error(0x77, 'read')).toMatchObject({ code: 'IDCARD_READER_STATUS', message: expect.stringContaining('77') });
  });
});
