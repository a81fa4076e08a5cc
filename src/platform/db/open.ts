// Opening a SQLite database the way the terminal needs it.
//
// Two durabilities: `full` (WAL + synchronous=FULL) for the terminal database that records money
// and pending work — a settlement acknowledged to the cashier must survive a power cut — and
// `normal` (WAL + synchronous=NORMAL) for the catalogue cache, which can always be rebuilt from
// the hub. SQLite's synchronous setting is per connection, so they live in separate files.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, type Migration } from './migrate';

export type Db = Database.Database;
export type Durability = 'full' | 'normal';

export interface OpenOptions {
  durability: Durability;
  migrations: readonly Migration[];
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  // Another process (the CLI while the app runs) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) applyMigrations(db, options.migrations);
  return db;
}

/** Runs `fn` in an IMMEDIATE transaction: the write lock is taken up front, so two processes never interleave. */
export function immediate<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
