// catalog.db 3: the institution's own list (医疗机构目录) and its mapping to national codes
// (medins_list_codg → med_list_codg; many local items may map to one national item), plus a
// record of every list import. The IT admin's import file is kept beside the database
// (list_import.saved_copy) so a corrupt catalogue rebuilt from the hub gets its local lists back.
import type { Migration } from '@src/platform/db/migrate';

export const localListMigration: Migration = {
  id: 3,
  name: 'local-list',
  up(db) {
    db.exec(`
      CREATE TABLE local_item (
        medins_list_codg TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        med_list_codg TEXT NOT NULL,
        spec TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL DEFAULT '',
        price INTEGER,
        source TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX local_item_national ON local_item (med_list_codg, medins_list_codg);

      CREATE TABLE list_import (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('localList', 'barcodes')),
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        rows INTEGER NOT NULL,
        invalid INTEGER NOT NULL,
        unmatched INTEGER NOT NULL,
        saved_copy TEXT,
        actor TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
