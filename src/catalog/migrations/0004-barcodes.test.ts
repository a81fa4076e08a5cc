import { describe, expect, it } from 'vitest';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { barcodesMigration } from './0004-barcodes';
import { catalogDbMigrations } from '.';

describe('catalog.db migration 4: package barcodes', () => {
  it('maps a barcode to one national code', () => {
    const db = databaseBefore(catalogDbMigrations, 4);
    barcodesMigration.up(db);
    expect(tableColumns(db, 'barcode')).toEqual(['barcode', 'med_list_codg', 'source', 'imported_at']);
    const add = db.prepare("INSERT INTO barcode VALUES (?, ?, 'test', 'now')");
    add.run('6901234567892', 'X1');
    expect(() => add.run('6901234567892', 'X2')).toThrow(/UNIQUE|PRIMARY/);
  });
});
