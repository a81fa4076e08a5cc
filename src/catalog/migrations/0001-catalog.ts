// catalog.db 1: the live catalogue.
//
// item       one row per (catalogue, national code); columns the search filters on are columns,
//            the rest of the published fields travel as one JSON array (`detail`, order in
//            src/catalog/item-detail.ts) because they are only shown, never searched — fewer bound
//            columns make the bulk load of 1.5 million rows markedly faster.
// name       distinct names per catalogue with their search keys (normal form, pinyin); items
//            point at them. Catalogues repeat names (one generic name, hundreds of makers), so
//            every name index is built over far fewer rows than the catalogue has.
// name_gram  single characters and pairs of each name: the indexed path for 1–2 character queries.
// name_fts   FTS5 trigram index of names for 3+ characters. Contentless (content=''), so it does
//            not refer to a content table by name: a staging copy can be renamed into place with
//            its table (docs/catalog.md, "The swap"). Its rowid is name.ord (shortest names first).
//
// Codes compare without regard to case: ICD codes carry a lower-case x (A01.000x005) and the
// cashier types either case; no two national codes differ only by case.
//
// Index names end in the generation that built them (_g0 here): a sync builds the next
// generation's tables and indexes beside the live ones and swaps them in one transaction, and
// SQLite cannot rename an index, so names must not collide.
import type { Migration } from '@src/platform/db/migrate';

export const catalogMigration: Migration = {
  id: 1,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO catalog_meta (key, value) VALUES ('generation', '0');

      CREATE TABLE catalog_state (
        infno TEXT PRIMARY KEY,
        version TEXT NOT NULL DEFAULT '',
        row_count INTEGER NOT NULL DEFAULT 0,
        synced_at TEXT
      ) STRICT;

      CREATE TABLE item (
        id INTEGER PRIMARY KEY,
        infno TEXT NOT NULL,
        code TEXT NOT NULL COLLATE NOCASE,
        name_id INTEGER NOT NULL,
        list_type TEXT NOT NULL,
        chrgitm_lv TEXT NOT NULL,
        selfpay_prop INTEGER,
        price_cap INTEGER,
        begndate TEXT NOT NULL,
        enddate TEXT NOT NULL,
        vali_flag INTEGER NOT NULL,
        ver TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX item_code_g0 ON item (infno, code);
      CREATE INDEX item_name_g0 ON item (name_id);

      CREATE TABLE name (
        id INTEGER PRIMARY KEY,
        infno TEXT NOT NULL,
        text TEXT NOT NULL,
        norm TEXT NOT NULL,
        len INTEGER NOT NULL,
        py_initials TEXT NOT NULL,
        py_full TEXT NOT NULL,
        ord INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX name_text_g0 ON name (infno, text);
      CREATE INDEX name_norm_g0 ON name (infno, norm);
      CREATE INDEX name_initials_g0 ON name (infno, py_initials);
      CREATE INDEX name_full_g0 ON name (infno, py_full);
      CREATE UNIQUE INDEX name_ord_g0 ON name (ord);

      CREATE TABLE name_gram (
        gram TEXT NOT NULL,
        infno TEXT NOT NULL,
        len INTEGER NOT NULL,
        name_id INTEGER NOT NULL,
        PRIMARY KEY (gram, infno, len, name_id)
      ) STRICT, WITHOUT ROWID;

      CREATE VIRTUAL TABLE name_fts USING fts5(norm, content='', contentless_delete=1, tokenize='trigram');
    `);
  },
};
