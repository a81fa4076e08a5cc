import { describe, expect, it } from 'vitest';
import type { Medium } from '@src/contract/methods/devices';
import { offlinePatientOf } from './offline-medium';

const base = { deviceId: 'r1', at: '2026-01-01T00:00:00.000Z' };

describe('offlinePatientOf (the reader fills the 延时结算 form)', () => {
  it('takes a 社保卡 as certificate 03 with its card number and 卡识别码', () => {
    const m = { ...base, kind: 'ssCard', mdtrtCertType: '03', mdtrtCertNo: 'E32050001', cardSn: '320500D156', card: { name: '张伟', cardNumber: 'E32050001' } } as unknown as Medium;
    expect(offlinePatientOf(m)).toEqual({ certType: '03', certNo: 'E32050001', cardSn: '320500D156', name: '张伟' });
  });
  it('takes an ID card as certificate 02 with the ID number', () => {
    const m = { ...base, kind: 'idCard', mdtrtCertType: '02', mdtrtCertNo: '320501197203150018', idCard: { name: '张伟', idNumber: '320501197203150018' } } as unknown as Medium;
    expect(offlinePatientOf(m)).toEqual({ certType: '02', certNo: '320501197203150018', name: '张伟' });
  });
  it('uses an e-voucher identity as an ID number (the token would expire) with its insured area', () => {
    const m = { ...base, kind: 'eVoucher', mdtrtCertType: '01', mdtrtCertNo: 'tok', ecToken: 'tok', identity: { name: '李娜', idNumber: '340101198809210026', idType: '01', insuredArea: '340100' } } as unknown as Medium;
    expect(offlinePatientOf(m)).toMatchObject({ certType: '02', certNo: '340101198809210026', insuredArea: '340100' });
  });
  it('leaves drug barcodes alone', () => {
    expect(offlinePatientOf({ ...base, kind: 'drugBarcode', code: '6901234567892' } as unknown as Medium)).toBeUndefined();
  });
});
