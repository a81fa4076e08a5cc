import { describe, expect, it } from 'vitest';
import { databaseBefore, tableColumns } from '../../../test/helpers/migration-test';
import { localListMigration } from './0003-local-list';
import { catalogDbMigrations } from '.';

describe('catalog.db migration 3: the institution list', () => {
  it('maps each local code to one national code, and many local codes may share one', () => {
    const db = databaseBefore(catalogDbMigrations, 3);
    localListMigration.up(db);
    expect(tableColumns(db, 'local_item')).toEqual(['medins_list_codg', 'name', 'med_list_codg', 'spec', 'unit', 'price', 'source', 'imported_at']);
    const add = db.prepare("INSERT INTO local_item (medins_list_codg, name, med_list_codg, source, imported_at) VALUES (?, 'x', ?, 'test', 'now')");
    add.run('L1', 'N1');
    add.run('L2', 'N1');
    expect(() => add.run('L1', 'N2')).toThrow(/UNIQUE|PRIMARY/);
    expect(tableColumns(db, 'list_import')).toContain('saved_copy');
  });
});
