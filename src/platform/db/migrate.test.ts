import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, sortMigrations, type Migration } from './migrate';

const m = (id: number, sql: string): Migration => ({ id, name: `m${id}`, up: (db) => db.exec(sql) });

describe('numbered migrations', () => {
  it('apply in id order, once each, and record what ran', () => {
    const db = new Database(':memory:');
    const list = [m(2, 'CREATE TABLE b (x)'), m(1, 'CREATE TABLE a (x)')];
    expect(applyMigrations(db, list).map((x) => x.id)).toEqual([1, 2]);
    expect(applyMigrations(db, list)).toEqual([]);
    expect(db.prepare('SELECT id FROM schema_migrations ORDER BY id').all()).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('apply a migration added later with a lower id than one already applied (parallel features)', () => {
    const db = new Database(':memory:');
    applyMigrations(db, [m(100, 'CREATE TABLE hub (x)')]);
    expect(applyMigrations(db, [m(100, 'CREATE TABLE hub (x)'), m(3, 'CREATE TABLE audit (x)')]).map((x) => x.id)).toEqual([3]);
  });

  it('leave the database at the last good step when one fails', () => {
    const db = new Database(':memory:');
    expect(() => applyMigrations(db, [m(1, 'CREATE TABLE a (x)'), m(2, 'CREATE TABLE broken (')])).toThrow();
    expect(db.prepare('SELECT id FROM schema_migrations').all()).toEqual([{ id: 1 }]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'broken'").get()).toBeUndefined();
  });

  it('refuse duplicate ids', () => {
    expect(() => sortMigrations([m(1, ''), m(1, '')])).toThrow(/duplicate migration id 1/);
  });

  it('can stop before a given id (for testing one migration)', () => {
    const db = new Database(':memory:');
    applyMigrations(db, [m(1, 'CREATE TABLE a (x)'), m(2, 'CREATE TABLE b (x)')], 1);
    expect(db.prepare('SELECT id FROM schema_migrations').all()).toEqual([{ id: 1 }]);
  });
});
