import { describe, expect, it } from 'vitest';
import { nameGrams } from './grams';
import { chars, hasCjk, looksLikeCode, looksLikePinyin, normalizeText } from './normalize';
import { PinyinCache, pinyinKeys } from './pinyin';

describe('the normal form of names and queries', () => {
  it('folds full-width characters and case, and collapses white space', () => {
    expect(normalizeText('  银杏叶片（Ⅱ）  ')).toBe('银杏叶片(ii)');
    expect(normalizeText('维生素Ｂ１２　注射液')).toBe('维生素b12 注射液');
  });

  it('tells Chinese text, codes and pinyin apart', () => {
    expect(hasCjk('阿莫')).toBe(true);
    expect(hasCjk('amxl')).toBe(false);
    expect(looksLikeCode('A01.000x005+J17.0*')).toBe(true);
    expect(looksLikeCode('阿莫')).toBe(false);
    expect(looksLikePinyin('AMXL')).toBe(true);
    expect(looksLikePinyin('2XTNB')).toBe(true);
    expect(looksLikePinyin('123')).toBe(false);
  });

  it('counts a character outside the basic plane as one character', () => {
    expect(chars('𠀀药')).toHaveLength(2);
  });
});

describe('pinyin keys', () => {
  it('give initials and full pinyin, keeping letters and digits of the name', () => {
    expect(pinyinKeys('阿莫西林胶囊')).toEqual({ initials: 'AMXLJN', full: 'amoxilinjiaonang' });
    expect(pinyinKeys('2型糖尿病').initials).toBe('2XTNB');
    expect(pinyinKeys('维生素B12注射液').initials).toBe('WSSB12ZSY');
    expect(pinyinKeys('0.9%氯化钠注射液').full).toBe('09lvhuanazhusheye');
  });

  it('are cached per name', () => {
    const cache = new PinyinCache(1);
    expect(cache.keys('胶囊')).toBe(cache.keys('胶囊'));
    expect(cache.keys('片剂').initials).toBe('PJ');
  });
});

describe('name grams', () => {
  it('are the distinct characters and character pairs', () => {
    expect(nameGrams('阿莫西林').sort()).toEqual(['莫', '莫西', '西', '西林', '阿', '阿莫', '林'].sort());
    expect(nameGrams('哈哈哈')).toEqual(['哈', '哈哈']);
    expect(nameGrams('a b')).toEqual(['a', 'a ', ' b', 'b']);
  });
});
