import { describe, expect, it } from 'vitest';
import { fromHex } from './bytes';
import { CardTextError, decodeAsciiField, decodeGbkField, encodeTextField, splitGbk } from './card-text';

describe('card text fields', () => {
  it('decodes GBK names with any of the paddings cards use', () => {
    expect(decodeGbkField(fromHex('D5C5CEB0 0000000000'))).toBe('张伟');
    expect(decodeGbkField(fromHex('D5C5CEB0 20202020'))).toBe('张伟');
    expect(decodeGbkField(fromHex('D5C5CEB0 FFFFFFFF'))).toBe('张伟');
  });

  it('refuses a name cut in the middle of a character', () => {
    expect(() => decodeGbkField(fromHex('D5C5CE'))).toThrow(CardTextError);
  });

  it('decodes ASCII and refuses control bytes', () => {
    expect(decodeAsciiField(fromHex('453332303530303031'))).toBe('E32050001');
    expect(() => decodeAsciiField(fromHex('4507'))).toThrow(CardTextError);
  });

  it('splits a name at a character boundary by GBK length', () => {
    expect(splitGbk('张伟', 30)).toEqual(['张伟', '']);
    expect(splitGbk('阿卜杜热依木买买提艾力江吐尔逊托合提', 30)).toEqual(['阿卜杜热依木买买提艾力江吐尔逊', '托合提']);
    expect(() => encodeTextField('张伟', 3, 'gbk')).toThrow(RangeError);
  });
});
