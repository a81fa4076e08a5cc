import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '@src/common/errors';
import type { SyncProgress } from '@src/contract/methods/catalog';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { zipTextStream } from '@src/training/catalog/zip-text';
import { catalogFixture, type CatalogFixture } from '../../../test/helpers/catalog-fixture';
import { scriptedSource, trainingSource, type ScriptedRow } from '../../../test/helpers/catalog-sources';
import { CatalogSearch } from '../search/catalog-search';
import type { CatalogSource } from './catalog-source';
import { CatalogSync } from './catalog-sync';

const V1 = '20250101000000';
const V2 = '20250301000000';
const V3 = '20250601000000';

function drugs(n: number, version = V1, prefix = 'XD'): ScriptedRow[] {
  return Array.from({ length: n }, (_, i) => ({ code: `${prefix}${String(i).padStart(8, '0')}`, name: `训练药品${i % 40}号片`, version }));
}

const diagnoses: ScriptedRow[] = [
  { code: 'E11.900', name: '2型糖尿病', version: V1 },
  { code: 'I10.x00', name: '高血压', version: V1 },
];

async function failureOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    return { code: (e as { code?: string }).code ?? 'UNKNOWN', message: (e as Error).message };
  }
  throw new Error('expected the sync to fail');
}

const state = (fx: CatalogFixture) =>
  Object.fromEntries((fx.db.prepare('SELECT infno, version, row_count FROM catalog_state ORDER BY infno').all() as { infno: string; version: string; row_count: number }[]).map((r) => [r.infno, [r.version, r.row_count]]));
const lastRun = (fx: CatalogFixture) => fx.db.prepare('SELECT id, state FROM sync_run ORDER BY id DESC LIMIT 1').get() as { id: number; state: string };

describe('syncing catalogues from the hub', () => {
  let fx: CatalogFixture | undefined;
  afterEach(async () => {
    await fx?.close();
    fx = undefined;
  });

  it('downloads every catalogue of the training hub in full the first time, then only changes since the local version', async () => {
    const catalog = new TrainingCatalog({ feeItemRows: 3000 });
    const source = trainingSource(catalog);
    fx = catalogFixture(source);
    const progress: SyncProgress[] = [];
    const sync = new CatalogSync({ db: fx.db, dbFile: fx.file, downloadsDir: path.join(fx.dir, 'dl'), source: () => source, threaded: false, onProgress: (p) => progress.push(p) });
    const first = await (await sync.start({})).done;
    expect(first.runs).toHaveLength(1);
    const files = first.runs[0]!.files;
    expect(files.every((f) => f.full && f.invalid === 0)).toBe(true);
    const total = files.reduce((n, f) => n + f.rows, 0);
    expect(total).toBe(catalog.totalRows());
    expect(Number(fx.db.prepare('SELECT count(*) FROM item').pluck().get())).toBe(total);
    expect(source.prepares.every((p) => p.version === '')).toBe(true);
    // Progress: rows, percent, rate; it ends at 100 % and 'done'.
    expect(progress.at(-1)).toMatchObject({ phase: 'done', percent: 100, rows: total });
    expect(progress.some((p) => p.phase === 'staging' && p.totalRows === total)).toBe(true);
    expect(progress.map((p) => p.percent)).toEqual([...progress.map((p) => p.percent)].sort((a, b) => a - b));
    // Downloads are deleted once applied.
    expect(existsSync(path.join(fx.dir, 'dl')) ? readdirSync(path.join(fx.dir, 'dl')) : []).toEqual([]);

    source.prepares.length = 0;
    const second = await (await sync.start({})).done;
    expect(source.prepares.every((p) => p.version !== '')).toBe(true);
    expect(second.runs[0]!.files.every((f) => !f.full)).toBe(true);
    expect(Number(fx.db.prepare('SELECT count(*) FROM item').pluck().get())).toBe(total);
  });

  it('applies an incremental file: new rows are added, changed rows replaced, the version moves on', async () => {
    const source = scriptedSource({ '1301': drugs(10), '1307': diagnoses });
    fx = catalogFixture(source);
    await fx.syncNow();
    expect(state(fx)['1301']).toEqual([V1, 10]);

    source.catalogs['1301']!.push({ code: 'XD00000003', name: '改名后的片剂', version: V2, chrgitmLv: '02' }, { code: 'XN00000001', name: '新上市胶囊', version: V2 });
    const outcome = await fx.syncNow();
    const file = outcome.runs.flatMap((r) => r.files).find((f) => f.infno === '1301');
    expect(file).toMatchObject({ full: false, fromVersion: V1, toVersion: V2, rows: 2, added: 1, changed: 1 });
    expect(state(fx)['1301']).toEqual([V2, 11]);
    const search = new CatalogSearch(fx.db, () => '2026-11-23');
    expect(search.lookup('XD00000003')).toMatchObject({ name: '改名后的片剂', chargeClass: '02', version: V2 });
    expect(search.search({ text: '新上市', validToday: true, limit: 10 }).items.map((i) => i.code)).toEqual(['XN00000001']);
    expect(search.search({ text: '改名', validToday: true, limit: 10 }).items.map((i) => i.code)).toEqual(['XD00000003']);
    // A catalogue without changes keeps its version; nothing was downloaded for it.
    expect(state(fx)['1307']).toEqual([V1, 2]);
    expect(source.downloads.filter((d) => d === '1307')).toHaveLength(1);
  });

  it('counts, reports and skips rows with the wrong column count or bad values, keeping the rest', async () => {
    const rows = drugs(300);
    const source = scriptedSource(
      { '1301': rows },
      {
        line: (_infno, i, line) => (i === 5 ? line.split('\t').slice(0, 10).join('\t') : i === 9 ? line.replace('\t0.0000\t', '\t2.5\t') : undefined),
      },
    );
    fx = catalogFixture(source);
    const outcome = await fx.syncNow({ only: ['1301'] });
    const file = outcome.runs[0]!.files[0]!;
    expect(file).toMatchObject({ rows: 298, invalid: 2 });
    expect(file.invalidSamples).toEqual([
      { line: 7, code: 'XD00000005', reason: expect.stringContaining('列数为 10') },
      { line: 11, code: 'XD00000009', reason: expect.stringContaining('自付比例') },
    ]);
    expect(state(fx)['1301']).toEqual([V1, 298]);
    expect(fx.db.prepare("SELECT invalid, invalid_samples FROM sync_file WHERE infno = '1301'").get()).toMatchObject({ invalid: 2 });
  });

  it('refuses a file with too many invalid rows and leaves the live catalogue as it was', async () => {
    const source = scriptedSource({ '1301': drugs(100) });
    fx = catalogFixture(source);
    await fx.syncNow();
    source.catalogs['1301'] = drugs(600, V2, 'XE');
    source.hooks.line = (_infno, i, line) => (i % 3 === 0 ? line.split('\t').slice(0, 5).join('\t') : undefined);
    const failure = await failureOf(fx.syncNow({ full: true }));
    expect(failure.code).toBe('CATALOG_TOO_MANY_INVALID_ROWS');
    expect(failure.message).toContain('1301');
    expect(state(fx)['1301']).toEqual([V1, 100]);
    expect(new CatalogSearch(fx.db).lookup('XD00000001')).not.toBeNull();
  });

  it('rejects a damaged zip with a clear error, forgets the download and succeeds on the next attempt', async () => {
    let damage = true;
    const source = scriptedSource(
      { '1301': drugs(200) },
      {
        bytes: (_infno, zip) => {
          if (!damage) return zip;
          const copy = Buffer.from(zip);
          for (let i = 60; i < 90 && i < copy.length; i++) copy[i] = copy[i]! ^ 0xff;
          return copy;
        },
      },
    );
    fx = catalogFixture(source);
    const failure = await failureOf(fx.syncNow({ only: ['1301'] }));
    expect(failure.code).toBe('CATALOG_FILE_CORRUPT');
    expect(state(fx)['1301']).toBeUndefined();
    damage = false;
    const outcome = await fx.syncNow({ only: ['1301'] });
    expect(outcome.resumed).toBe(true);
    expect(state(fx)['1301']).toEqual([V1, 200]);
  });

  it('refuses a file whose header it cannot read', async () => {
    const source: CatalogSource = {
      prepare: async () => ({ fileQueryNo: 'x', filename: 'plc', rows: 1 }),
      download: async (infno) => zipTextStream(`${infno}.txt`, ['a\tb\tc', 'x\ty\tz']),
    };
    fx = catalogFixture(source);
    const failure = await failureOf(fx.syncNow({ only: ['1301'] }));
    expect(failure.code).toBe('CATALOG_FILE_FORMAT');
    expect(failure.message).toContain('表头');
  });

  it('resumes an interrupted sync: downloads already made are reused, the run keeps its id', async () => {
    const source = scriptedSource(
      { '1301': drugs(50), '1305': drugs(20, V1, 'SV'), '1307': diagnoses },
      { failDownload: (infno, attempt) => (infno === '1307' && attempt === 1 ? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) : undefined) },
    );
    fx = catalogFixture(source);
    const failure = await failureOf(fx.syncNow());
    expect(failure.message).toContain('socket hang up');
    const interrupted = lastRun(fx);
    expect(interrupted.state).toBe('running');
    expect(state(fx)).toEqual({});
    expect(source.downloads).toEqual(['1301', '1305']);

    const outcome = await fx.syncNow();
    expect(outcome.resumed).toBe(true);
    expect(outcome.runs[0]!.runId).toBe(interrupted.id);
    // Only the missing file was fetched again.
    expect(source.downloads).toEqual(['1301', '1305', '1307']);
    expect(state(fx)).toMatchObject({ '1301': [V1, 50], '1305': [V1, 20], '1307': [V1, 2] });
    expect(lastRun(fx)).toEqual({ id: interrupted.id, state: 'applied' });
  });

  it('resumes a run whose process died (owner gone), and abandons it when the next sync asks for something else', async () => {
    const source = scriptedSource({ '1301': drugs(30), '1307': diagnoses }, { failDownload: (infno, attempt) => (infno === '1307' && attempt === 1 ? new Error('killed') : undefined) });
    fx = catalogFixture(source);
    await failureOf(fx.syncNow());
    const run = lastRun(fx);
    // As if the process had been killed mid-run: the run still names an owner that no longer exists.
    fx.db.prepare('UPDATE sync_run SET owner_pid = 999999999, error = NULL WHERE id = ?').run(run.id);

    const other = await fx.syncNow({ only: ['1301'] });
    expect(other.resumed).toBe(false);
    expect(fx.db.prepare('SELECT state FROM sync_run WHERE id = ?').pluck().get(run.id)).toBe('abandoned');
    expect(state(fx)).toMatchObject({ '1301': [V1, 30] });
    expect(state(fx)['1307']).toBeUndefined();
  });

  it('rolls a cancelled sync back: nothing applied, downloads deleted, the run marked cancelled', async () => {
    const source = scriptedSource({ '1301': drugs(50), '1307': diagnoses });
    fx = catalogFixture(source);
    await fx.syncNow();
    source.catalogs['1301'] = drugs(80, V3, 'XZ');
    const started = await fx.sync.start({ full: true });
    await fx.sync.cancel();
    const failure = await failureOf(started.done);
    expect(failure.code).toBe('CATALOG_SYNC_CANCELLED');
    expect(lastRun(fx).state).toBe('cancelled');
    expect(state(fx)['1301']).toEqual([V1, 50]);
    expect(readdirSync(path.join(fx.dir, 'catalog-downloads'))).toEqual([]);
    expect(fx.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'stage_%'").all()).toEqual([]);
  });

  it('refuses an empty full file for a catalogue that has rows, and a second sync while one runs', async () => {
    const source = scriptedSource({ '1301': drugs(10) });
    fx = catalogFixture(source);
    await fx.syncNow();
    source.catalogs['1301'] = [];
    expect((await failureOf(fx.syncNow({ only: ['1301'], full: true }))).code).toBe('CATALOG_EMPTY_FULL_FILE');
    expect(state(fx)['1301']).toEqual([V1, 10]);

    source.catalogs['1301'] = drugs(10);
    const running = await fx.sync.start({ only: ['1301'], full: true });
    expect((await failureOf(fx.sync.start({}))).code).toBe('CATALOG_SYNC_BUSY');
    await running.done.catch(() => {});
  });

  it('refuses a file with fewer rows than the hub announced (a cut download)', async () => {
    const source = scriptedSource({ '1301': drugs(10) }, { announce: (_i, n) => n + 5 });
    fx = catalogFixture(source);
    expect((await failureOf(fx.syncNow({ only: ['1301'] }))).code).toBe('CATALOG_FILE_INCOMPLETE');
  });

  it('keeps the last row of a code listed twice in one file and counts the duplicate', async () => {
    const source = scriptedSource({ '1301': [...drugs(3), { code: 'XD00000001', name: '后一行的名称', version: V2 }] });
    fx = catalogFixture(source);
    const outcome = await fx.syncNow();
    expect(outcome.runs[0]!.files[0]).toMatchObject({ rows: 4, duplicates: 1 });
    expect(new CatalogSearch(fx.db).lookup('XD00000001')!.name).toBe('后一行的名称');
  });
});
