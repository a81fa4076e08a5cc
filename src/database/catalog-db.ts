// The catalogue cache (catalog.db): WAL with synchronous=NORMAL. Everything in it can be
// downloaded again from the hub, so it trades the last transactions before a power cut for a
// faster bulk load; the money and the queue live in terminal.db (synchronous=FULL).
import { catalogDbMigrations } from '@src/catalog/migrations';
import { openDatabase, type Db } from '@src/platform/db/open';

export { catalogDbMigrations };

/**
 * Page cache per connection, KiB (negative = KiB in SQLite). Search as you type touches the same
 * index pages over and over; SQLite's default 2 MB keeps re-reading them from the OS (one pread
 * each), which shows in the tail latency of a 1.5-million-row catalogue. 64 MB holds the hot
 * indexes (bench/RESULTS.md, catalog).
 */
export const CATALOG_CACHE_KIB = 65_536;

export function openCatalogDb(file: string): Db {
  const db = openDatabase(file, { durability: 'normal', migrations: catalogDbMigrations });
  db.pragma(`cache_size = -${CATALOG_CACHE_KIB}`);
  return db;
}
