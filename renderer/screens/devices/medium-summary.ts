// One masked line per medium for screens that list reads (patient data protected, rule 5).
import { maskCardNumber, maskIdNumber, maskName } from '@src/common/mask';
import type { Medium } from '@src/contract/methods/devices';

export function mediumSummary(m: Medium): string {
  switch (m.kind) {
    case 'idCard':
      return `${maskName(m.idCard.name)} ${maskIdNumber(m.idCard.idNumber)}`;
    case 'eVoucher':
      return `${maskName(m.identity.name)} ${maskIdNumber(m.identity.idNumber)}`;
    case 'ssCard':
      return `${maskName(m.card.name)} ${maskCardNumber(m.card.cardNumber)}`;
    case 'drugBarcode':
      return m.gtin && m.gtin !== m.code ? `${m.code}（GTIN ${m.gtin}${m.expiry ? `，有效期 ${m.expiry}` : ''}${m.batch ? `，批号 ${m.batch}` : ''}）` : m.code;
  }
}
