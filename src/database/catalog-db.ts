// The catalogue cache (catalog.db): WAL with synchronous=NORMAL. Everything in it can be
// downloaded again from the hub, so it trades the last transactions before a power cut for a
// faster bulk load; the money and the queue live in terminal.db (synchronous=FULL).
import { catalogDbMigrations } from '@src/catalog/migrations';
import { openDatabase, type Db } from '@src/platform/db/open';

export { catalogDbMigrations };

export function openCatalogDb(file: string): Db {
  return openDatabase(file, { durability: 'normal', migrations: catalogDbMigrations });
}
