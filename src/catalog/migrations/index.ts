// catalog.db has its own migration sequence, starting at 1 (docs/ARCHITECTURE.md, "Databases").
import type { Migration } from '@src/platform/db/migrate';
import { catalogMigration } from './0001-catalog';
import { syncRunsMigration } from './0002-sync-runs';
import { localListMigration } from './0003-local-list';
import { barcodesMigration } from './0004-barcodes';

export const catalogDbMigrations: readonly Migration[] = [catalogMigration, syncRunsMigration, localListMigration, barcodesMigration];
