// The catalogue cache across modules: a threaded sync (writer and parser in worker threads, as
// the app runs it) swapped in while the host keeps searching on its own connection.
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogSearch } from '@src/catalog/search/catalog-search';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { catalogFixture, type CatalogFixture } from '../helpers/catalog-fixture';
import { scriptedSource, trainingSource, type ScriptedRow } from '../helpers/catalog-sources';

const V1 = '20250101000000';
const V2 = '20250301000000';

function rows(n: number, prefix: string, name: string, version: string): ScriptedRow[] {
  return Array.from({ length: n }, (_, i) => ({ code: `${prefix}${String(i).padStart(7, '0')}`, name: `${name}${i % 50}号`, version }));
}

describe('the catalogue sync in worker threads', () => {
  let fx: CatalogFixture | undefined;
  afterEach(async () => {
    await fx?.close();
    fx = undefined;
  });

  it('loads the training catalogue through the worker threads', async () => {
    const catalog = new TrainingCatalog({ feeItemRows: 4000 });
    fx = catalogFixture(trainingSource(catalog), { threaded: true, trainingLists: true });
    const outcome = await fx.syncNow();
    expect(outcome.runs[0]!.files.reduce((n, f) => n + f.rows, 0)).toBe(catalog.totalRows());
    expect(outcome.trainingLists!.barcodes).toBeGreaterThan(0);
    expect(Number(fx.db.prepare('SELECT count(*) FROM item').pluck().get())).toBe(catalog.totalRows());
  });

  it('swaps a new catalogue in while searches run: every search sees the old catalogue or the new one, never a mix, never an error', async () => {
    const source = scriptedSource({ '1301': rows(6000, 'XOLD', '旧版阿莫西林', V1) });
    fx = catalogFixture(source, { threaded: true });
    await fx.syncNow();
    const search = new CatalogSearch(fx.db, () => '2026-11-23');
    const count = fx.db.prepare("SELECT count(*) FROM item WHERE infno = '1301'").pluck();
    source.catalogs['1301'] = rows(9000, 'XNEW', '新版阿莫西林', V2);

    const seen = { old: 0, new: 0, searches: 0 };
    const errors: unknown[] = [];
    let running = true;
    const reader = (async () => {
      while (running) {
        try {
          // One read transaction: the count and the searches see the same snapshot.
          const { n, r, gramHit, oldItem, newItem } = fx!.db.transaction(() => ({
            n: Number(count.get()),
            r: search.search({ text: '阿莫西林', validToday: true, limit: 20 }),
            gramHit: search.search({ text: '莫西', validToday: true, limit: 5 }),
            oldItem: search.lookup('XOLD0000001'),
            newItem: search.lookup('XNEW0000001'),
          }))();
          seen.searches++;
          if (n === 6000) {
            seen.old++;
            expect(oldItem).not.toBeNull();
            expect(r.items.every((i) => i.code.startsWith('XOLD'))).toBe(true);
          } else {
            seen.new++;
            expect(n).toBe(9000);
            expect(newItem).not.toBeNull();
            expect(r.items.every((i) => i.code.startsWith('XNEW'))).toBe(true);
          }
          expect(r.items.length).toBe(20);
          expect(gramHit.items.length).toBe(5);
        } catch (e) {
          errors.push(e);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const outcome = await fx.syncNow({ full: true });
    // A few more searches after the swap.
    const after = seen.new + 5;
    while (seen.new < after) await new Promise((resolve) => setTimeout(resolve, 1));
    running = false;
    await reader;
    expect(errors).toEqual([]);
    expect(outcome.runs[0]!.files[0]).toMatchObject({ full: true, rows: 9000 });
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
    expect(search.search({ text: '旧版', validToday: true, limit: 5 }).items).toEqual([]);
    expect(search.search({ text: 'xbamxl', validToday: true, limit: 5 }).items[0]!.name).toMatch(/^新版阿莫西林/);
  });
});
