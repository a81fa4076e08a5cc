// Turning reads into the contract's media: what 1101 needs (mdtrt_cert_type / mdtrt_cert_no)
// plus what the screen shows. Also a one-line, masked summary for the device screen's "last read".
import { maskCardNumber, maskIdNumber, maskName } from '@src/common/mask';
import type { Medium } from '@src/contract/methods/devices';
import type { IdCardData } from '@native/idcard/id-card';
import type { DrugCode } from '@native/qr/scan-classifier';
import type { MediumInput } from './driver-context';
import type { EcResolution } from './ec-resolver';

/** mdtrt_cert_type (interface.md): 01 电子凭证令牌, 02 身份证号, 03 社会保障卡. */
export const CERT_TYPE = { eVoucher: '01', idCard: '02', ssCard: '03' } as const;

export function idCardMedium(card: IdCardData, photoBmp?: Uint8Array): MediumInput {
  return {
    kind: 'idCard',
    idCard: {
      name: card.name,
      gender: card.gender,
      nation: card.nation,
      birthDate: card.birthDate,
      address: card.address,
      idNumber: card.idNumber,
      authority: card.authority,
      validFrom: card.validFrom,
      validTo: card.validTo,
      ...(photoBmp ? { photoBmpBase64: Buffer.from(photoBmp).toString('base64') } : {}),
    },
    mdtrtCertType: CERT_TYPE.idCard,
    mdtrtCertNo: card.idNumber,
  };
}

export function eVoucherMedium(r: EcResolution): MediumInput {
  return {
    kind: 'eVoucher',
    ecToken: r.ecToken,
    identity: {
      name: r.name,
      idNumber: r.idNumber,
      idType: r.idType,
      insuredArea: r.insuredArea,
      ...(r.gender ? { gender: r.gender } : {}),
      ...(r.birthDate ? { birthDate: r.birthDate } : {}),
    },
    mdtrtCertType: CERT_TYPE.eVoucher,
    mdtrtCertNo: r.ecToken,
  };
}

export function drugMedium(d: DrugCode): MediumInput {
  return {
    kind: 'drugBarcode',
    code: d.code,
    symbology: d.symbology,
    ...(d.gtin ? { gtin: d.gtin } : {}),
    ...(d.batch ? { batch: d.batch } : {}),
    ...(d.expiry ? { expiry: d.expiry } : {}),
    ...(d.serial ? { serial: d.serial } : {}),
  };
}

/** "身份证 张* 320501********0018": safe to keep and show on the IT screen. */
export function mediumSummary(m: Medium | MediumInput): string {
  switch (m.kind) {
    case 'idCard':
      return `身份证 ${maskName(m.idCard.name)} ${maskIdNumber(m.idCard.idNumber)}`;
    case 'eVoucher':
      return `电子凭证 ${maskName(m.identity.name)} ${maskIdNumber(m.identity.idNumber)}`;
    case 'ssCard':
      return `社保卡 ${maskName(m.card.name)} ${maskCardNumber(m.card.cardNumber)}`;
    case 'drugBarcode':
      return `药品条码 ${m.code}`;
  }
}
