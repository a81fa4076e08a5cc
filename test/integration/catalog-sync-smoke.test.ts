import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogSync } from '@src/catalog/sync/catalog-sync';
import { openCatalogDb } from '@src/database/catalog-db';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { trainingSource } from '../helpers/catalog-sources';

describe('smoke', () => {
  it.each([false, true])('full sync threaded=%s', async (threaded) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yk-cat-'));
    const file = path.join(dir, 'catalog.db');
    const db = openCatalogDb(file);
    const source = trainingSource(new TrainingCatalog({ feeItemRows: 5000 }));
    const progress: unknown[] = [];
    const sync = new CatalogSync({ db, dbFile: file, downloadsDir: path.join(dir, 'dl'), source: () => source, threaded, onProgress: (p) => progress.push(p) });
    const t = performance.now();
    const started = await sync.start({});
    const outcome = await started.done;
    console.log('took', performance.now() - t, outcome.runs[0]!.files.map((f) => `${f.infno}:${f.rows}`).join(' '), progress.length);
    console.log(db.prepare('SELECT count(*) n FROM item').get(), db.prepare('SELECT count(*) n FROM name').get(), db.prepare('SELECT count(*) n FROM name_gram').get());
    console.log(db.prepare("SELECT name FROM sqlite_master WHERE type='index' ORDER BY name").pluck().all().join(' '));
    expect(outcome.runs).toHaveLength(1);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
