// A catalogue cache in a temporary folder, filled through the real sync (in this thread, for
// speed) from a test source. Close with `await fixture.close()` (removes the folder).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogSync, type SyncOutcome } from '@src/catalog/sync/catalog-sync';
import type { CatalogSource } from '@src/catalog/sync/catalog-source';
import type { SyncRequest } from '@src/catalog/sync/sync-types';
import { openCatalogDb } from '@src/database/catalog-db';
import type { Db } from '@src/platform/db/open';

export interface CatalogFixture {
  dir: string;
  file: string;
  db: Db;
  sync: CatalogSync;
  /** Runs a sync to the end. */
  syncNow(request?: SyncRequest): Promise<SyncOutcome>;
  close(): Promise<void>;
}

export function catalogFixture(source: CatalogSource, options: { threaded?: boolean; trainingLists?: boolean } = {}): CatalogFixture {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yk-catalog-'));
  const file = path.join(dir, 'catalog.db');
  const db = openCatalogDb(file);
  const sync = new CatalogSync({ db, dbFile: file, downloadsDir: path.join(dir, 'catalog-downloads'), source: () => source, threaded: options.threaded ?? false, trainingLists: options.trainingLists ?? false });
  return {
    dir,
    file,
    db,
    sync,
    async syncNow(request = {}) {
      const started = await sync.start(request);
      return started.done;
    },
    async close() {
      await sync.cancel();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The real ICD-10 医保版 2.0 diagnosis table, when the shared data folder is present. */
export const ICD_DIAGNOSES_FILE = path.resolve(import.meta.dirname, '../../../shared/data/icd10-yb2.0-diagnoses.txt');
export const ICD_PROCEDURES_FILE = path.resolve(import.meta.dirname, '../../../shared/data/icd9cm3-yb2.0-procedures.txt');
