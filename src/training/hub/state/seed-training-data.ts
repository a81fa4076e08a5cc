// Seeds the training hub with the training patients (src/training/fixtures/training-patients.ts):
// persons, cards, e-voucher payloads, account balances and filings. Filing dates are relative to
// the hub's "today", so 李娜's temporary filing is always 30 days old after a reset and 孙磊's
// always expired.
import type { Db } from '@src/platform/db/open';
import { chronicDiseaseByKey } from '@src/training/catalog/code-tables';
import { TRAINING_PATIENTS, type TrainingPatient } from '@src/training/fixtures/training-patients';
import { addDays, filingEndDate } from '../filings/filing-rules';

/** Training filings are all for the training treatment area (上海). */
export const TRAINING_TREATMENT_AREA = '310000';

/** Whole years between a birth date and a day (both yyyy-MM-dd). */
export function ageOn(brdy: string, day: string): number {
  let age = Number(day.slice(0, 4)) - Number(brdy.slice(0, 4));
  if (day.slice(5) < brdy.slice(5)) age--;
  return age;
}

/** 人员类别 as the training hub's 1901 psn_type dictionary has it. */
export function psnTypeOf(insutype: string, retired: boolean): string {
  if (insutype === '390') return '1501';
  return retired ? '1102' : '1101';
}

export function insertPerson(db: Db, p: TrainingPatient, today: string): void {
  const retired = p.insutype === '310' && ageOn(p.birthDate, today) >= 60;
  db.prepare(`INSERT INTO persons (psn_no, certno, psn_name, gend, naty, brdy, insuplc_admdvs, insutype, psn_type, retired, emp_name,
      psn_insu_date, card_no, card_sn, ec_payload, account_balance_fen)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    p.psnNo, p.idNumber, p.name, p.gender, p.nation, p.birthDate, p.insuredArea, p.insutype, psnTypeOf(p.insutype, retired), retired ? 1 : 0,
    p.employer ?? '', '2008-07-01', p.card.cardNumber, p.card.cardIdCode, p.ecQrPayload, p.insutype === '310' ? p.accountBalanceFen : 0,
  );
  if (!p.filing) return;
  const begndate = addDays(today, -p.filing.beganDaysAgo);
  db.prepare(`INSERT INTO filings (psn_no, kind, begndate, enddate, mdtrtarea_admdvs, trt_dcla_detl_sn) VALUES (?, ?, ?, ?, ?, ?)`).run(
    p.psnNo, p.filing.kind, begndate, filingEndDate(p.filing.kind, begndate), TRAINING_TREATMENT_AREA, `BA${p.psnNo.slice(-8)}01`,
  );
  for (const key of p.filing.chronic ?? []) {
    const d = chronicDiseaseByKey(key);
    db.prepare('INSERT INTO chronic_filings (psn_no, disease, opsp_dise_code, opsp_dise_name, begndate, enddate) VALUES (?, ?, ?, ?, ?, NULL)').run(p.psnNo, key, d.code, d.name, begndate);
  }
}

/** Inserts every training patient (the tables must be empty). */
export function seedTrainingData(db: Db, today: string): void {
  db.transaction(() => {
    for (const p of TRAINING_PATIENTS) insertPerson(db, p, today);
  }).immediate();
}

/**
 * Seeds only an empty hub, deciding inside the write transaction: the app and the CLI may open the
 * same training-hub.db at the same moment, and only one of them must seed. Returns whether it did.
 */
export function seedTrainingDataIfEmpty(db: Db, today: () => string): boolean {
  return db
    .transaction(() => {
      if ((db.prepare('SELECT COUNT(*) AS n FROM persons').get() as { n: number }).n > 0) return false;
      for (const p of TRAINING_PATIENTS) insertPerson(db, p, today());
      return true;
    })
    .immediate();
}
