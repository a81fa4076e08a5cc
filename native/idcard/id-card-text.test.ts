import { describe, expect, it } from 'vitest';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import type { IdCardText } from './id-card';
import { decodeIdCardText, encodeIdCardText, IdCardDataError } from './id-card-text';
import { genderName, nationName } from './nations';

const zhangSan: IdCardText = {
  name: '张三',
  gender: '1',
  nation: '01',
  birthDate: '1972-03-15',
  address: '江苏省苏州市姑苏区人民路100号',
  idNumber: '320501197203150018',
  authority: '苏州市公安局姑苏分局',
  validFrom: '2012-05-10',
  validTo: '长期',
};

describe('the 256-byte ID-card text block (UCS-2 LE, space padded)', () => {
  it('encodes fields at their offsets as the documented example shows', () => {
    const block = encodeIdCardText(zhangSan);
    expect(block.length).toBe(256);
    expect([...block.slice(0, 6)]).toEqual([0x20, 0x5f, 0x09, 0x4e, 0x20, 0x00]);
    expect([...block.slice(30, 32)]).toEqual([0x31, 0x00]);
    expect([...block.slice(32, 36)]).toEqual([0x30, 0x00, 0x31, 0x00]);
    expect([...block.slice(250, 256)]).toEqual([0x20, 0, 0x20, 0, 0x20, 0]);
  });

  it('decodes every training patient back exactly, dates as YYYY-MM-DD, 长期 kept', () => {
    for (const p of TRAINING_PATIENTS) {
      const text: IdCardText = { name: p.name, gender: p.gender, nation: p.nation, birthDate: p.birthDate, address: p.address, idNumber: p.idNumber, authority: p.authority, validFrom: p.idValidFrom, validTo: p.idValidTo };
      expect(decodeIdCardText(encodeIdCardText(text))).toEqual(text);
    }
  });

  it('refuses an ID number whose check digit is wrong', () => {
    const block = encodeIdCardText({ ...zhangSan, idNumber: '320501197203150019' });
    expect(() => decodeIdCardText(block)).toThrow(IdCardDataError);
    expect(() => decodeIdCardText(block)).toThrow('身份证号码校验错误');
  });

  it('refuses a birth date that disagrees with the ID number, and impossible dates', () => {
    expect(() => decodeIdCardText(encodeIdCardText({ ...zhangSan, birthDate: '1972-03-16' }))).toThrow('出生日期');
    expect(() => decodeIdCardText(encodeIdCardText({ ...zhangSan, validFrom: '2012-02-30' }))).toThrow('有效期起始');
    expect(() => decodeIdCardText(encodeIdCardText({ ...zhangSan, validTo: '2032-05-32' }))).toThrow(IdCardDataError);
  });

  it('refuses blank names and unknown codes with a message the cashier can act on', () => {
    try {
      decodeIdCardText(encodeIdCardText({ ...zhangSan, name: '' }));
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'IDCARD_BAD_TEXT', message: '身份证信息有误（姓名）', hint: expect.stringContaining('重新放卡') });
    }
    expect(() => decodeIdCardText(encodeIdCardText({ ...zhangSan, gender: '5' }))).toThrow('性别');
    expect(() => decodeIdCardText(encodeIdCardText({ ...zhangSan, nation: '77' }))).toThrow('民族');
  });

  it('tells foreign permanent-residence cards and HK/Macao/Taiwan permits apart instead of misreading them', () => {
    expect(() => decodeIdCardText(encodeIdCardText(zhangSan, 'I'))).toThrow('外国人永久居留身份证');
    expect(() => decodeIdCardText(encodeIdCardText(zhangSan, 'J'))).toThrow('港澳台居民居住证');
  });

  it('refuses fields that do not fit when encoding (virtual readers)', () => {
    expect(() => encodeIdCardText({ ...zhangSan, name: '一二三四五六七八九十一二三四五六' })).toThrow(RangeError);
  });

  it('names gender and nation codes for screens', () => {
    expect(genderName('1')).toBe('男');
    expect(genderName('2')).toBe('女');
    expect(nationName('01')).toBe('汉族');
    expect(nationName('56')).toBe('基诺族');
    expect(nationName('98')).toBe('外国血统中国籍人士');
    expect(nationName('77')).toBe('77');
  });
});
