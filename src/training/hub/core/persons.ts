// Insured persons and their filings, read from the hub's state.
import type { Db } from '@src/platform/db/open';
import type { ChronicDiseaseKey } from '@src/training/catalog/code-tables';
import type { FilingKind } from '@src/training/fixtures/training-patients';
import type { ChronicFiling, CrossProvinceFiling } from '../filings/filing-rules';
import type { Insutype } from '../policy/area-policies';
import { refuse } from './hub-refusal';

export interface PersonRow {
  psn_no: string;
  certno: string;
  psn_cert_type: string;
  psn_name: string;
  gend: string;
  naty: string;
  brdy: string;
  insuplc_admdvs: string;
  insutype: Insutype;
  psn_type: string;
  retired: number;
  cvlserv_flag: string;
  emp_name: string;
  psn_insu_date: string;
  card_no: string | null;
  card_sn: string | null;
  ec_payload: string | null;
  account_balance_fen: number;
}

export function findPerson(db: Db, psnNo: string): PersonRow | undefined {
  return db.prepare('SELECT * FROM persons WHERE psn_no = ?').get(psnNo) as PersonRow | undefined;
}

/** The person, or a refusal naming the unknown 人员编号. */
export function requirePerson(db: Db, psnNo: string): PersonRow {
  const p = findPerson(db, psnNo);
  if (!p) refuse(`人员编号${psnNo}不存在，请先通过【1101】人员信息获取交易获取正确的人员编号`);
  return p;
}

export function crossProvinceFilings(db: Db, psnNo: string): CrossProvinceFiling[] {
  const rows = db.prepare('SELECT kind, begndate, enddate, mdtrtarea_admdvs, revoked FROM filings WHERE psn_no = ? ORDER BY begndate').all(psnNo) as {
    kind: FilingKind;
    begndate: string;
    enddate: string | null;
    mdtrtarea_admdvs: string;
    revoked: number;
  }[];
  return rows.map((r) => ({ kind: r.kind, begndate: r.begndate, enddate: r.enddate, mdtrtareaAdmdvs: r.mdtrtarea_admdvs, revoked: r.revoked === 1 }));
}

export function chronicFilings(db: Db, psnNo: string): (ChronicFiling & { code: string; name: string })[] {
  const rows = db.prepare('SELECT disease, opsp_dise_code, opsp_dise_name, begndate, enddate FROM chronic_filings WHERE psn_no = ? ORDER BY id').all(psnNo) as {
    disease: ChronicDiseaseKey;
    opsp_dise_code: string;
    opsp_dise_name: string;
    begndate: string;
    enddate: string | null;
  }[];
  return rows.map((r) => ({ disease: r.disease, code: r.opsp_dise_code, name: r.opsp_dise_name, begndate: r.begndate, enddate: r.enddate }));
}

/** Age in tenths of a year on `day` (setlinfo.age is 4,1): whole years only, like real outputs. */
export function ageTenths(brdy: string, day: string): number {
  let age = Number(day.slice(0, 4)) - Number(brdy.slice(0, 4));
  if (day.slice(5) < brdy.slice(5)) age--;
  return age * 10;
}

/**
 * Checks that a 就诊凭证 (mdtrt_cert_type/no [+ card_sn]) identifies this person.
 * `checkTokenExpiry`: ecTokens are checked for expiry where the patient presents the voucher
 * (1101, registration, admission, pharmacy); later calls of the same visit only check ownership.
 */
export function checkCertificate(
  db: Db,
  person: PersonRow,
  cert: { type: string; no: string; cardSn?: string | undefined },
  nowMs: number,
  checkTokenExpiry: boolean,
): void {
  // The interface asks for card_sn with type 03 only in 1101; later calls (2201, 2207, 2401, 2101 …)
  // carry the card number alone, and card_sn is checked only when a caller sends it anyway.
  const found = resolveCertificate(db, cert, nowMs, checkTokenExpiry, false);
  if (found.psn_no !== person.psn_no) refuse('就诊凭证与人员编号不符，请确认就诊凭证为参保人本人所有');
}

/** Finds the person a 就诊凭证 names, or refuses with the reason. */
export function resolveCertificate(
  db: Db,
  cert: { type: string; no: string; cardSn?: string | undefined },
  nowMs: number,
  checkTokenExpiry: boolean,
  requireCardSn = true,
): PersonRow {
  const no = cert.no.trim();
  if (no === '') refuse('就诊凭证编号mdtrt_cert_no不能为空');
  switch (cert.type) {
    case '01': {
      const t = db.prepare('SELECT psn_no, expires_at_ms FROM ec_tokens WHERE token = ?').get(no) as { psn_no: string; expires_at_ms: number } | undefined;
      if (!t) refuse('电子凭证令牌无效，请让参保人重新出示医保电子凭证二维码并重新扫码');
      if (checkTokenExpiry && t.expires_at_ms <= nowMs) refuse('电子凭证令牌已过期，请让参保人刷新医保电子凭证二维码后重新扫码');
      return requirePerson(db, t.psn_no);
    }
    case '02': {
      const p = db.prepare('SELECT * FROM persons WHERE certno = ?').get(no.toUpperCase()) as PersonRow | undefined;
      if (!p) refuse('未查询到该身份证号的参保信息，请核对证件号码或确认参保人已参保');
      return p;
    }
    case '03': {
      const cardSn = cert.cardSn?.trim() ?? '';
      if (requireCardSn && cardSn === '') refuse('就诊凭证类型为03（社会保障卡）时，卡识别码card_sn必填');
      const p = db.prepare('SELECT * FROM persons WHERE card_no = ?').get(no) as PersonRow | undefined;
      if (!p) refuse('社会保障卡卡号不存在，请确认卡片有效');
      if (cardSn !== '' && p.card_sn !== cardSn) refuse('社会保障卡卡识别码与卡号不符，卡片可能已挂失或换发，请使用参保人本人有效的社会保障卡');
      return p;
    }
    default:
      return refuse(`就诊凭证类型${cert.type}不支持：应为01（电子凭证令牌）、02（身份证号）或03（社会保障卡）`);
  }
}
