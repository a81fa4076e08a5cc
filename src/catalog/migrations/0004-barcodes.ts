// catalog.db 4: drug package barcodes → national code, for the pharmacy's scanner. Imported from
// the IT admin's file, or seeded deterministically from the catalogue in training mode.
import type { Migration } from '@src/platform/db/migrate';

export const barcodesMigration: Migration = {
  id: 4,
  name: 'barcodes',
  up(db) {
    db.exec(`
      CREATE TABLE barcode (
        barcode TEXT PRIMARY KEY,
        med_list_codg TEXT NOT NULL,
        source TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX barcode_national ON barcode (med_list_codg);
    `);
  },
};
