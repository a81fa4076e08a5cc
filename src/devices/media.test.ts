import { describe, expect, it } from 'vitest';
import { mediumSummary } from './media';

describe('media summaries never show patient data in full', () => {
  it('masks names, ID numbers and card numbers', () => {
    expect(mediumSummary({ kind: 'eVoucher', ecToken: 't', identity: { name: '欧阳娜娜', idNumber: '340101198809210026', idType: '01', insuredArea: '340100' }, mdtrtCertType: '01', mdtrtCertNo: 't' })).toBe('电子凭证 欧*** 340101********0026');
    expect(
      mediumSummary({
        kind: 'ssCard',
        card: { cardIdCode: 'x', cardType: null, specVersion: '3.00', issuer: null, issueDate: '', expiryDate: '', cardNumber: 'E32050001', ssn: '320501197203150018', name: '张伟', gender: '1', nation: '01', birthPlace: null, birthDate: null },
        mdtrtCertType: '03',
        mdtrtCertNo: 'E32050001',
        cardSn: 'x',
      }),
    ).toBe('社保卡 张* E3****001');
    expect(mediumSummary({ kind: 'drugBarcode', code: '6901234567892', symbology: 'ean13' })).toBe('药品条码 6901234567892');
  });
});
