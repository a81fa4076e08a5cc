import { describe, expect, it } from 'vitest';
import type { Medium } from '@src/contract/methods/devices';
import { requestFromMedium } from './settlement-patient';

const base = { deviceId: 'd', at: '2026-11-23T00:00:00Z' };

describe('what a medium asks patient.identify for', () => {
  it('an ID card and an e-voucher carry their certificate type and number', () => {
    const idCard = { kind: 'idCard', ...base, mdtrtCertType: '02', mdtrtCertNo: '320501197203150018' } as unknown as Medium;
    expect(requestFromMedium(idCard)).toEqual({ certType: '02', certNo: '320501197203150018' });
    const voucher = { kind: 'eVoucher', ...base, mdtrtCertType: '01', mdtrtCertNo: 'token' } as unknown as Medium;
    expect(requestFromMedium(voucher)).toEqual({ certType: '01', certNo: 'token' });
  });

  it('a social security card also carries its card_sn (required with 03)', () => {
    const card = { kind: 'ssCard', ...base, mdtrtCertType: '03', mdtrtCertNo: 'E32050001', cardSn: '320500D156' } as unknown as Medium;
    expect(requestFromMedium(card)).toEqual({ certType: '03', certNo: 'E32050001', cardSn: '320500D156' });
  });

  it('a drug barcode identifies nobody', () => {
    const code = { kind: 'drugBarcode', ...base, code: '6901234567892', symbology: 'ean13' } as Medium;
    expect(requestFromMedium(code)).toBeUndefined();
  });
});
