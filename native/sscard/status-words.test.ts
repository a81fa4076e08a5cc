import { describe, expect, it } from 'vitest';
import { returnCodeForStatusWord, statusWordError, statusWordMeaning } from './status-words';

describe('status words', () => {
  it('negates the status word as the national interface does (6A82 → −27266, 63C0 → −25536)', () => {
    expect(returnCodeForStatusWord(0x6a82)).toBe(-27266);
    expect(returnCodeForStatusWord(0x63c0)).toBe(-25536);
    expect(returnCodeForStatusWord(0x6700)).toBe(-26368);
  });

  it('tells the cashier how many tries remain on 63Cx', () => {
    expect(statusWordMeaning(0x63c2).meaning).toContain('剩余可尝试 2 次');
    expect(statusWordMeaning(0x63c0).hint).toContain('锁定');
  });

  it('names the step, the device and the word, with a hint', () => {
    const e = statusWordError(0x6982, '读取姓名');
    expect(e.code).toBe('SSCARD_SECURITY_NOT_SATISFIED');
    expect(e.message).toBe('社保卡读取姓名失败：不满足安全条件（该卡需要先完成 PSAM 认证）（状态字 6982）');
    expect(e.hint).toContain('PSAM');
    expect(statusWordError(0x6a88, '准备密钥', 'psam').code).toBe('SSCARD_PSAM_KEY_NOT_FOUND');
  });

  it('maps an unknown word to SSCARD_UNEXPECTED_STATUS, still with a Chinese message', () => {
    const e = statusWordError(0x1234, '选择社保应用');
    expect(e.code).toBe('SSCARD_UNEXPECTED_STATUS');
    expect(e.message).toContain('1234');
  });
});
