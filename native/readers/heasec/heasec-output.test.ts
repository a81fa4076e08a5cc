import { describe, expect, it } from 'vitest';
import { parseCardBasOutput, parseSfzOutput } from './heasec-output';

describe('HeaSecReadInfo output', () => {
  it('parses the 11 "|"-terminated fields of ReadCardBas (the interface spec sample)', () => {
    const out = parseCardBasOutput('639900|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|00814E43238697159900BF7C7A|1.00|20101001|20201001|000000000001|DC-0042|');
    expect(out.regionCode).toBe('639900');
    expect(out.atr).toBe('00814E43238697159900BF7C7A');
    expect(out.terminalNumber).toBe('000000000001');
    expect(out.terminalDevice).toBe('DC-0042');
    expect(out.card).toEqual({
      cardIdCode: '639900D15600000500BF7C7A48FB4966',
      cardType: null,
      specVersion: '1.00',
      issuer: null,
      issueDate: '2010-10-01',
      expiryDate: '2020-10-01',
      cardNumber: 'X00000019',
      ssn: '111111198101011110',
      name: '张三',
      // The sample's number happens to be a valid ID number: gender and birth date follow from it.
      gender: '1',
      nation: null,
      birthPlace: null,
      birthDate: '1981-01-01',
    });
  });

  it('leaves gender and birth date null when the 社会保障号码 is not a resident ID number', () => {
    const out = parseCardBasOutput('639900|P00000000000001234|X00000019|639900D15600000500BF7C7A48FB4966|JOHN SMITH|00|3.00|20210601|20310601|');
    expect(out.card).toMatchObject({ gender: null, birthDate: null, name: 'JOHN SMITH' });
  });

  it('derives gender and birth date from a valid resident ID number', () => {
    const out = parseCardBasOutput('320500|320501197203150018|E32050001|320500D1560000050A1B2C3D4E5F6071|张伟|00|3.00|20210601|20310601|||');
    expect(out.card).toMatchObject({ gender: '1', birthDate: '1972-03-15' });
    expect(out.terminalNumber).toBeNull();
  });

  it('refuses the empty protected fields a 3.00 card yields without PSAM, naming them', () => {
    expect(() => parseCardBasOutput('411600|||411600D156000005C38275EEFC9B9648||008C544CB386844116018593CA|3.00|20211203|20311202|')).toThrow(
      expect.objectContaining({ code: 'SSCARD_INCOMPLETE', message: expect.stringContaining('卡号、社会保障号码、姓名') }),
    );
  });

  it('refuses short or malformed output with a clear error', () => {
    expect(() => parseCardBasOutput('639900|111')).toThrow(expect.objectContaining({ code: 'SSCARD_LIBRARY_OUTPUT' }));
    expect(() => parseCardBasOutput('639900|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|00|1.00|20101341|20201001|')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('发卡日期') }),
    );
  });

  it('parses ReadSFZ into the ID-card shape, names turned into codes', () => {
    expect(parseSfzOutput('张伟|男|汉|19720315|江苏省苏州市姑苏区人民路100号|320501197203150018|20120510|20320510|苏州市公安局姑苏分局|')).toEqual({
      name: '张伟',
      gender: '1',
      nation: '01',
      birthDate: '1972-03-15',
      address: '江苏省苏州市姑苏区人民路100号',
      idNumber: '320501197203150018',
      validFrom: '2012-05-10',
      validTo: '2032-05-10',
      authority: '苏州市公安局姑苏分局',
    });
    expect(parseSfzOutput('王芳|女|维吾尔族|19550607|地址|510101195506070036|20150701|长期|成都市公安局|')).toMatchObject({ gender: '2', nation: '05', validTo: '长期' });
  });
});
