import { describe, expect, it } from 'vitest';
import { nationalReturnCodeError } from './national-return-codes';

describe('national return codes', () => {
  it('maps the listed codes to the shared error codes with Chinese text', () => {
    expect(nationalReturnCodeError(-2, '', 'lib')).toMatchObject({ code: 'READER_NO_CARD', message: '读社保卡失败：读卡器中没有卡' });
    expect(nationalReturnCodeError(-2201, '无PSAM卡', 'lib')).toMatchObject({ code: 'SSCARD_PSAM_MISSING', message: '读社保卡失败：没有 PSAM 卡（无PSAM卡）', data: { returnCode: -2201 } });
    expect(nationalReturnCodeError(-2203, '', 'lib').code).toBe('SSCARD_PSAM_NO_RKSSSE');
  });

  it('reads negated status words (−27266 = 6A82, −25536 = 63C0)', () => {
    expect(nationalReturnCodeError(-27266, '', 'lib')).toMatchObject({ code: 'SSCARD_FILE_NOT_FOUND', data: { sw: '6A82', returnCode: -27266 } });
    expect(nationalReturnCodeError(-25536, '', 'lib').code).toBe('SSCARD_AUTH_FAILED');
  });

  it('keeps an unknown code visible instead of guessing', () => {
    expect(nationalReturnCodeError(-777, '厂商错误', 'lib')).toMatchObject({ code: 'SSCARD_LIBRARY_ERROR', message: expect.stringContaining('-777') });
  });
});
