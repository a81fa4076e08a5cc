import { describe, expect, it } from 'vitest';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { gs1Date, parseGs1 } from './gs1';
import { isValidGtin, withGtinCheckDigit } from './gtin';
import { classifyScan } from './scan-classifier';

const now = new Date('2026-11-23T00:00:00Z');

describe('scanned codes are told apart: drug package or e-voucher', () => {
  it('EAN-13, EAN-8, UPC-A and GTIN-14 with valid check digits are drug codes', () => {
    expect(classifyScan('6901234567892')).toMatchObject({ kind: 'drug', symbology: 'ean13', gtin: '6901234567892' });
    expect(classifyScan('96385074')).toMatchObject({ kind: 'drug', symbology: 'ean8' });
    expect(classifyScan('036000291452')).toMatchObject({ kind: 'drug', symbology: 'upca', gtin: '0036000291452' });
    expect(classifyScan('16901234567899')).toMatchObject({ kind: 'drug', symbology: 'gtin14' });
  });

  it('a GTIN-shaped code with a wrong check digit is a misread, never an e-voucher', () => {
    expect(classifyScan('6901234567891')).toMatchObject({ kind: 'unknown', message: '条码校验位错误' });
  });

  it('GS1 element strings give GTIN, batch, expiry and serial in every transmission form', () => {
    const expected = { kind: 'drug', symbology: 'gs1', gtin: '06901234567892', batch: '12345A', expiry: '2026-12-31', serial: 'SN001' };
    expect(classifyScan('(01)06901234567892(17)261231(10)12345A(21)SN001', {}, now)).toMatchObject(expected);
    expect(classifyScan(']d2010690123456789217261231' + '1012345A\u001d21SN001', {}, now)).toMatchObject(expected);
    expect(classifyScan('\u001d0106901234567892172612311012345A\u001d21SN001', {}, now)).toMatchObject(expected);
    expect(classifyScan('0106901234567892172612311012345A', {}, now)).toMatchObject({ kind: 'drug', gtin: '06901234567892', batch: '12345A' });
  });

  it('20-digit 药品追溯码 are drug codes', () => {
    expect(classifyScan('81234567890123456789')).toMatchObject({ kind: 'drug', symbology: 'drugTrace' });
  });

  it("every training patient's e-voucher payload is an e-voucher", () => {
    for (const p of TRAINING_PATIENTS) expect(classifyScan(p.ecQrPayload)).toEqual({ kind: 'eVoucher', payload: p.ecQrPayload });
  });

  it('a configured e-voucher pattern narrows what is accepted', () => {
    expect(classifyScan('EC0132050020261123ZW00000000001', { eVoucherPattern: '^EC\\d{2}' })).toMatchObject({ kind: 'eVoucher' });
    expect(classifyScan('https://example.com/x', { eVoucherPattern: '^EC\\d{2}' })).toMatchObject({ kind: 'unknown' });
  });

  it('short, blank or non-printable input is refused with a hint', () => {
    expect(classifyScan('abc')).toMatchObject({ kind: 'unknown', message: '无法识别的条码' });
    expect(classifyScan('   ')).toMatchObject({ kind: 'unknown', message: '扫描内容为空' });
    expect(classifyScan('二维码内容二维码内容二维码')).toMatchObject({ kind: 'unknown' });
  });
});

describe('GS1 helpers', () => {
  it('check digits', () => {
    expect(withGtinCheckDigit('690123456789')).toBe('6901234567892');
    expect(isValidGtin('6901234567892')).toBe(true);
    expect(isValidGtin('690123456789X')).toBe(false);
  });

  it('dates: DD 00 is the last day of the month; the century follows GS1 sliding window', () => {
    expect(gs1Date('260200', now)).toBe('2026-02-28');
    expect(gs1Date('991231', now)).toBe('1999-12-31');
    expect(gs1Date('261331', now)).toBeUndefined();
  });

  it('unknown AIs are not GS1', () => {
    expect(parseGs1('99ABC')).toBeUndefined();
    expect(parseGs1('(01)123')).toBeUndefined();
  });
});
