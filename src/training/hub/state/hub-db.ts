// Opening and resetting the training hub's database.
//
// WAL with synchronous=NORMAL (measured, bench/RESULTS.md "queue — training hub per-call cost"):
// every call is one IMMEDIATE transaction that stores the answer with its effects, and with FULL
// each commit waited for an fsync — a third of the hub's time per call. With WAL, NORMAL keeps every
// commit atomic and keeps what a killed hub process had committed (the drills that kill it
// mid-settlement still find it consistent, a resent msgid still gets its first answer); only an
// OS crash or power cut of the training machine may lose the last commits — acceptable for a
// training hub, and the terminal's own database stays FULL.
import type { Statement } from 'better-sqlite3';
import { openDatabase, type Db } from '@src/platform/db/open';
import { hubMigrations } from './migrations';

export function openHubDb(file: string): Db {
  return withStatementCache(openDatabase(file, { durability: 'normal', migrations: hubMigrations }));
}

/** The hub's SQL texts are fixed strings: bounded, but capped in case one ever carries a value. */
const STATEMENT_CACHE_LIMIT = 1000;

/**
 * Handlers call `db.prepare(sql)` per call; preparing was ~7 % of the hub's time. Same SQL, same
 * statement: better-sqlite3 statements are reusable, and the hub never iterates one while running
 * it again (no iterate(), pluck() or raw() in the hub).
 */
function withStatementCache(db: Db): Db {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
  return db;
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
