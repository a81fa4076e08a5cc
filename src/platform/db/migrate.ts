// Numbered schema migrations (Signal Desktop style): one small, tested function per step.
//
// Each domain owns its migrations in `<domain>/migrations/NNNN-name.ts` and an id range
// (docs/ARCHITECTURE.md, "Databases"), so features developed side by side never collide.
// Applied ids are recorded in `schema_migrations`; every pending migration runs in order, each in
// its own transaction, so a failure leaves the database at the last good step.
import type Database from 'better-sqlite3';

export interface Migration {
  /** Unique, increasing id within one database. */
  id: number;
  /** Short kebab-case name, also the file name after the id. */
  name: string;
  up(db: Database.Database): void;
}

export function sortMigrations(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.id - b.id);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) {
      throw new Error(`duplicate migration id ${sorted[i]!.id}: ${sorted[i - 1]!.name} and ${sorted[i]!.name}`);
    }
  }
  return sorted;
}

export function appliedMigrationIds(db: Database.Database): Set<number> {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  ) STRICT`);
  const rows = db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Applies pending migrations (optionally only those with id ≤ `upTo`, for migration tests). */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], upTo = Infinity): Migration[] {
  const applied = appliedMigrationIds(db);
  const ran: Migration[] = [];
  for (const m of sortMigrations(migrations)) {
    if (m.id > upTo || applied.has(m.id)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (id, name) VALUES (?, ?)').run(m.id, m.name);
    }).immediate();
    ran.push(m);
  }
  return ran;
}
