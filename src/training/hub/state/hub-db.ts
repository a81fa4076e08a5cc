// Opening and resetting the training hub's database (WAL, synchronous=FULL: the hub is a money
// system in miniature, and the drills that kill it mid-settlement must find it consistent).
import { openDatabase, type Db } from '@src/platform/db/open';
import { hubMigrations } from './migrations';

export function openHubDb(file: string): Db {
  return openDatabase(file, { durability: 'full', migrations: hubMigrations });
}

/** Tables emptied by a reset, children first. */
const STATE_TABLES = [
  'ledger', 'messages', 'reversed_unknown', 'files', 'clearings', 'accumulators', 'settlements', 'fee_lines', 'visits',
  'ec_tokens', 'sign_ins', 'chronic_filings', 'filings', 'persons', 'sequences',
] as const;

/** Empties every table (the ledger too: its append-only trigger lets a reset through). */
export function clearHubState(db: Db): void {
  db.transaction(() => {
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('resetting', '1')").run();
    for (const t of STATE_TABLES) db.prepare(`DELETE FROM ${t}`).run();
    db.prepare('DELETE FROM meta').run();
  }).immediate();
}

export function getMeta(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Next value of a named sequence (1, 2, …), inside the caller's transaction. */
export function nextSequence(db: Db, name: string): number {
  const row = db.prepare('INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value').get(name) as { value: number };
  return row.value;
}
