// Migration tests: a fresh in-memory database brought to just before a migration, then through it.
import Database from 'better-sqlite3';
import { applyMigrations, type Migration } from '@src/platform/db/migrate';

export function databaseBefore(migrations: readonly Migration[], id: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, migrations, id - 1);
  return db;
}

export function tableColumns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}
