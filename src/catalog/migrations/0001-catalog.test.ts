import { describe, expect, it } from 'vitest';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { catalogMigration } from './0001-catalog';
import { catalogDbMigrations } from '.';

describe('catalog.db migration 1: the live catalogue', () => {
  it('creates items, names, grams and the trigram index, at generation 0', () => {
    const db = databaseBefore(catalogDbMigrations, 1);
    catalogMigration.up(db);
    expect(tableColumns(db, 'item')).toEqual(['id', 'infno', 'code', 'name_id', 'list_type', 'chrgitm_lv', 'selfpay_prop', 'price_cap', 'begndate', 'enddate', 'vali_flag', 'ver', 'detail']);
    expect(tableColumns(db, 'name')).toEqual(['id', 'infno', 'text', 'norm', 'len', 'py_initials', 'py_full', 'ord']);
    expect(tableColumns(db, 'name_gram')).toEqual(['gram', 'infno', 'len', 'name_id']);
    expect(db.prepare("SELECT value FROM catalog_meta WHERE key = 'generation'").pluck().get()).toBe('0');
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_g0' ORDER BY name").pluck().all();
    expect(indexes).toEqual(['item_code_g0', 'item_name_g0', 'name_full_g0', 'name_initials_g0', 'name_norm_g0', 'name_ord_g0', 'name_text_g0']);
  });

  it('keeps one row per catalogue and code', () => {
    const db = databaseBefore(catalogDbMigrations, 1);
    catalogMigration.up(db);
    const insert = db.prepare("INSERT INTO item (infno, code, name_id, list_type, chrgitm_lv, begndate, enddate, vali_flag, ver, detail) VALUES (?, ?, 1, '101', '01', '', '', 1, 'v', '[]')");
    insert.run('1301', 'X1');
    insert.run('1302', 'X1');
    expect(() => insert.run('1301', 'X1')).toThrow(/UNIQUE/);
    expect(() => insert.run('1301', 'x1')).toThrow(/UNIQUE/);
  });

  it('indexes names by trigram without a content table, so the index can be renamed with its table', () => {
    const db = databaseBefore(catalogDbMigrations, 1);
    catalogMigration.up(db);
    db.prepare('INSERT INTO name_fts (rowid, norm) VALUES (?, ?)').run(7, '阿莫西林胶囊');
    expect(db.prepare('SELECT rowid FROM name_fts WHERE name_fts MATCH ?').pluck().all('"西林胶"')).toEqual([7]);
    db.exec('ALTER TABLE name_fts RENAME TO name_fts_old');
    expect(db.prepare('SELECT rowid FROM name_fts_old WHERE name_fts_old MATCH ?').pluck().all('"莫西林"')).toEqual([7]);
  });
});
