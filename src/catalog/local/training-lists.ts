// Training mode: the training hospital's own list and the training pharmacy's package barcodes,
// derived deterministically from the catalogue, so every training terminal (and the training
// scanner, which can compute the same barcode) agrees without a file to import.
//
// Barcodes are GTIN-13 with the Chinese prefix 69 and a valid check digit; local codes are
// "YN" + 10 digits. Both come from a hash of the national code; the rare collision is skipped.
import type { Db } from '@src/platform/db/open';
import { CATALOG_GROUPS } from '@src/contract/methods/catalog';

/** 53-bit string hash (two 32-bit lanes), stable across runs and platforms. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function tenDigits(code: string, seed: number): string {
  return String(hash53(code, seed) % 10_000_000_000).padStart(10, '0');
}

/** GS1 check digit of the digits before it. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** The training barcode of a drug's national code: 69 + 10 digits + check digit. */
export function trainingBarcodeFor(code: string): string {
  const body = '69' + tenDigits(code, 1);
  return body + String(gs1CheckDigit(body));
}

/** The training hospital's own code (medins_list_codg) for a national code. */
export function trainingLocalCodeFor(code: string): string {
  return 'YN' + tenDigits(code, 2);
}

const list = (infnos: readonly string[]): string => infnos.map((i) => `'${i}'`).join(',');

/** A package code the training scanner offers (src/training/devices), and the drug it shows. */
export interface TrainingBarcodeSample {
  barcode: string;
  /** The drug's generic name, e.g. 阿莫西林胶囊. */
  drugName: string;
}

/**
 * Maps the training scanner's sample codes to drugs of the catalogue, so scanning one at the
 * pharmacy finds an item: the drug with exactly that name, else the shortest name starting with
 * its first four characters (lowest code first, so every terminal picks the same one).
 */
function seedSampleBarcodes(db: Db, samples: readonly TrainingBarcodeSample[], at: string): number {
  const exact = db.prepare(`SELECT i.code FROM item i JOIN name n ON n.id = i.name_id WHERE n.infno = '1301' AND n.text = ? ORDER BY i.code LIMIT 1`).pluck();
  const near = db.prepare(`SELECT i.code FROM name n JOIN item i ON i.name_id = n.id WHERE n.infno = '1301' AND n.text >= ? AND n.text < ? ORDER BY n.len, i.code LIMIT 1`).pluck();
  const upsert = db.prepare("INSERT INTO barcode (barcode, med_list_codg, source, imported_at) VALUES (?, ?, 'training', ?) ON CONFLICT (barcode) DO UPDATE SET med_list_codg = excluded.med_list_codg WHERE barcode.source = 'training'");
  let added = 0;
  for (const s of samples) {
    const stem = Array.from(s.drugName).slice(0, 4).join('');
    const code = (exact.get(s.drugName) ?? near.get(stem, stem + '\u{10FFFF}')) as string | undefined;
    if (!code || !/^\d{8,14}$/.test(s.barcode)) continue;
    added += upsert.run(s.barcode, code, at).changes;
    // A GS1 DataMatrix carries the same product as a 14-digit GTIN: 0 + the EAN-13.
    if (s.barcode.length === 13) added += upsert.run('0' + s.barcode, code, at).changes;
  }
  return added;
}

/** Adds barcodes and local items for catalogue rows that have none yet; returns what was added. */
export function seedTrainingLists(db: Db, samples: readonly TrainingBarcodeSample[] = []): { barcodes: number; localItems: number } {
  db.function('yk_training_barcode', { deterministic: true }, (code: unknown) => trainingBarcodeFor(String(code)));
  db.function('yk_training_local_code', { deterministic: true }, (code: unknown) => trainingLocalCodeFor(String(code)));
  const at = new Date().toISOString();
  return db.transaction(() => {
    const barcodes = db
      .prepare(`INSERT OR IGNORE INTO barcode (barcode, med_list_codg, source, imported_at) SELECT yk_training_barcode(code), code, 'training', ? FROM item WHERE infno IN (${list(CATALOG_GROUPS.drug)})`)
      .run(at).changes + seedSampleBarcodes(db, samples, at);
    // An imported list is the institution's real one: training rows are not mixed into it.
    const imported = db.prepare("SELECT 1 FROM local_item WHERE source <> 'training' LIMIT 1").get() !== undefined;
    const localItems = imported
      ? 0
      : db
          .prepare(
            `INSERT OR IGNORE INTO local_item (medins_list_codg, name, med_list_codg, spec, unit, price, source, imported_at)
             SELECT yk_training_local_code(i.code), n.text, i.code, json_extract(i.detail, '$[0]'), json_extract(i.detail, '$[3]'), i.price_cap, 'training', ?
             FROM item i JOIN name n ON n.id = i.name_id WHERE i.infno IN (${list(CATALOG_GROUPS.fee)})`,
          )
          .run(at).changes;
    return { barcodes, localItems };
  })();
}
