// A social security card read → the medium the screens receive and what 1101 needs from it:
// mdtrt_cert_type 03, mdtrt_cert_no = 卡号 (社会保障卡卡号), card_sn = 卡识别码 (interface.md 1101;
// devices.md §2 "Transaction 1101"). The device service adds deviceId and the time.
import type { SscardRead } from '@native/sscard/sscard-data';
import type { MediumInput } from '../driver-context';
import { CERT_TYPE } from '../media';

export type SscardMediumInput = Extract<MediumInput, { kind: 'ssCard' }>;

export function sscardMedium(read: SscardRead): SscardMediumInput {
  return { kind: 'ssCard', card: { ...read.card }, mdtrtCertType: CERT_TYPE.ssCard, mdtrtCertNo: read.card.cardNumber, cardSn: read.card.cardIdCode };
}

/** The 1101 人员信息获取 certificate fields for a 社保卡 medium. */
export function sscard1101Certificate(medium: Pick<SscardMediumInput, 'mdtrtCertNo' | 'cardSn'>): { mdtrt_cert_type: '03'; mdtrt_cert_no: string; card_sn: string } {
  return { mdtrt_cert_type: CERT_TYPE.ssCard, mdtrt_cert_no: medium.mdtrtCertNo, card_sn: medium.cardSn };
}
