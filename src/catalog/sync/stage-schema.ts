// Staging tables are exact copies of the live tables' definitions, read from sqlite_master, so
// the migrations stay the one place the schema is written and a later migration that changes a
// live table changes its staging copy too.
//
// A full sync builds `stage_<table>` and its indexes (named for the new generation) beside the
// live tables, then swaps them in one transaction: DROP live, RENAME stage → live. The trigram
// index is contentless, so renaming it cannot leave it pointing at a table that no longer exists
// (lessons.md §4, the measured pitfall).
import type { Db } from '@src/platform/db/open';

export const LIVE_TABLES = ['item', 'name', 'name_gram', 'name_fts'] as const;
export type LiveTable = (typeof LIVE_TABLES)[number];

export function stageName(table: LiveTable): string {
  return `stage_${table}`;
}

function sqlOf(db: Db, type: 'table' | 'index', name: string): string | undefined {
  return db.prepare('SELECT sql FROM sqlite_master WHERE type = ? AND name = ?').pluck().get(type, name) as string | undefined;
}

/** CREATE statement of the staging copy of a live table (ordinary or virtual). */
export function stageTableSql(db: Db, table: LiveTable): string {
  const sql = sqlOf(db, 'table', table);
  if (!sql) throw new Error(`live table ${table} is missing`);
  const re = new RegExp(`^(CREATE (?:VIRTUAL )?TABLE )(?:"${table}"|${table})(\\s*(?:\\(|USING))`, 'i');
  if (!re.test(sql)) throw new Error(`unexpected definition of ${table}: ${sql.slice(0, 60)}`);
  return sql.replace(re, `$1${stageName(table)}$2`);
}

/** CREATE INDEX statements of a live table's indexes, for its staging copy, named for `generation`. */
export function stageIndexSql(db: Db, table: LiveTable, generation: number): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(table) as { name: string; sql: string }[];
  return rows.map(({ name, sql }) => {
    const base = name.replace(/_g\d+$/, '');
    const onTable = new RegExp(`\\sON\\s+(?:"${table}"|${table})\\s*\\(`, 'i');
    const nameRe = new RegExp(`^(CREATE (?:UNIQUE )?INDEX )(?:"${name}"|${name})(\\s)`, 'i');
    if (!onTable.test(sql) || !nameRe.test(sql)) throw new Error(`unexpected definition of index ${name}`);
    return sql.replace(nameRe, `$1${base}_g${generation}$2`).replace(onTable, ` ON ${stageName(table)} (`);
  });
}

export function dropStageTables(db: Db): void {
  for (const t of LIVE_TABLES) db.exec(`DROP TABLE IF EXISTS ${stageName(t)}`);
}

export function stageTableExists(db: Db, table: LiveTable): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(stageName(table)) !== undefined;
}

export function currentGeneration(db: Db): number {
  return Number(db.prepare("SELECT value FROM catalog_meta WHERE key = 'generation'").pluck().get() ?? 0);
}

/** The swap: live tables out, staging tables in, in the caller's transaction. */
export function swapInStageTables(db: Db, generation: number): void {
  for (const t of LIVE_TABLES) db.exec(`DROP TABLE ${t}`);
  for (const t of LIVE_TABLES) db.exec(`ALTER TABLE ${stageName(t)} RENAME TO ${t}`);
  db.prepare("UPDATE catalog_meta SET value = ? WHERE key = 'generation'").run(String(generation));
}
