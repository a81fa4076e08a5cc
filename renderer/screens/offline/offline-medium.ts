// The patient a reader identified, as the 延时结算 form needs it: certificate type and number
// (社保卡: card number + 卡识别码 for 03; ID card and e-voucher identity: the ID number for 02),
// the name, and the insured area when the medium says it. A drug barcode is not a patient.
import type { Medium } from '@src/contract/methods/devices';

export interface OfflinePatient {
  certType: '02' | '03';
  certNo: string;
  cardSn?: string | undefined;
  name: string;
  insuredArea?: string | undefined;
}

export function offlinePatientOf(m: Medium): OfflinePatient | undefined {
  switch (m.kind) {
    case 'idCard':
      return { certType: '02', certNo: m.idCard.idNumber, name: m.idCard.name };
    case 'ssCard':
      return { certType: '03', certNo: m.mdtrtCertNo, cardSn: m.cardSn, name: m.card.name };
    case 'eVoucher':
      // The e-voucher's token expires before an offline visit is sent: the identity's ID number is used (02).
      return { certType: '02', certNo: m.identity.idNumber, name: m.identity.name, insuredArea: /^\d{6}$/.test(m.identity.insuredArea) ? m.identity.insuredArea : undefined };
    case 'drugBarcode':
      return undefined;
  }
}
