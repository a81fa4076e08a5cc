// `npm run bench -- catalog [--json] [--rows N] [--queries N]`: the catalogue cache (issue 6).
//
// One run, one machine:
//   1. prepare  the training catalogue (default 1.5 million fee-item rows plus the code tables)
//               written to zips on disk, as 9102 would deliver them (not timed: generator cost).
//   2. raw      baseline: the same zips read with the same streaming reader, each line split on
//               TAB and inserted with one prepared better-sqlite3 statement into a plain table
//               (no index, one transaction, WAL + synchronous=NORMAL) — what SQLite can take.
//   3. sync     the real CatalogSync (worker threads, as the app runs it) from a source serving
//               those zips: copy, parse, pinyin, staging, indexes, gram table, FTS5 trigram, swap.
//               syncRatio = syncRowsPerSec / rawInsertRowsPerSec (goal ≥ 0.8).
//   4. search   1,000 mixed queries (code prefix, 1-, 2-, 3-, 4-character Chinese, pinyin
//               initials) drawn from the synced rows, after a warm-up; p50/p99 per kind and overall.
// With --json the last line is {rows, syncRowsPerSec, rawInsertRowsPerSec, syncRatio, searchP50Ms,
// searchP99Ms, shortCjkP99Ms} plus detail fields.
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { CATALOG_INFNOS, type CatalogInfno } from '@src/catalog/catalog-kinds';
import { zipLines } from '@src/catalog/file/zip-lines';
import { CatalogSearch } from '@src/catalog/search/catalog-search';
import type { CatalogSource } from '@src/catalog/sync/catalog-source';
import { CatalogSync } from '@src/catalog/sync/catalog-sync';
import { chars } from '@src/catalog/text/normalize';
import { openCatalogDb } from '@src/database/catalog-db';
import { catalogZipStream } from '@src/training/catalog/catalog-file';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import type { BenchModule } from './main';

function numberArg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const n = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 1000) / 1000;
}

/** A deterministic pseudo-random sequence (queries are the same every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function writeZips(catalog: TrainingCatalog, dir: string): Promise<Map<CatalogInfno, { file: string; rows: number }>> {
  const files = new Map<CatalogInfno, { file: string; rows: number }>();
  for (const infno of CATALOG_INFNOS) {
    const rows = catalog.countAfter(infno, '');
    if (rows === 0) continue;
    const file = path.join(dir, `${infno}.zip`);
    await pipeline(catalogZipStream(catalog, infno, ''), createWriteStream(file));
    files.set(infno, { file, rows });
  }
  return files;
}

function fileSource(files: Map<CatalogInfno, { file: string; rows: number }>): CatalogSource {
  return {
    async prepare(infno) {
      return { fileQueryNo: infno, filename: 'plc', rows: files.get(infno)?.rows ?? 0 };
    },
    async download(infno) {
      return createReadStream(files.get(infno)!.file);
    },
  };
}

async function rawInsert(files: Map<CatalogInfno, { file: string; rows: number }>, dbFile: string): Promise<{ rows: number; ms: number }> {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const width = 22;
  db.exec(`CREATE TABLE raw (infno TEXT, ${Array.from({ length: width }, (_, i) => `c${i} TEXT`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO raw VALUES (?, ${Array.from({ length: width }, () => '?').join(', ')})`);
  const started = performance.now();
  let rows = 0;
  db.exec('BEGIN');
  for (const [infno, { file }] of files) {
    let header = true;
    for await (const chunk of zipLines(file)) {
      for (const line of chunk.lines) {
        if (header) {
          header = false;
          continue;
        }
        const cols = line.split('\t');
        const values: (string | null)[] = [infno];
        for (let i = 0; i < width; i++) values.push(cols[i] ?? null);
        insert.run(values);
        rows++;
      }
    }
  }
  db.exec('COMMIT');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const ms = performance.now() - started;
  db.close();
  return { rows, ms };
}

type QueryKind = 'codePrefix' | 'cjk1' | 'cjk2' | 'cjk3' | 'cjk4' | 'pinyinInitials';
const KINDS: QueryKind[] = ['codePrefix', 'cjk1', 'cjk2', 'cjk3', 'cjk4', 'pinyinInitials'];

function buildQueries(db: Database.Database, count: number): { kind: QueryKind; text: string }[] {
  const rand = lcg(6);
  const maxName = Number(db.prepare('SELECT max(id) FROM name').pluck().get());
  const maxItem = Number(db.prepare('SELECT max(id) FROM item').pluck().get());
  const nameAt = db.prepare('SELECT text, py_initials FROM name WHERE id >= ? ORDER BY id LIMIT 1');
  const codeAt = db.prepare('SELECT code FROM item WHERE id >= ? ORDER BY id LIMIT 1').pluck();
  const out: { kind: QueryKind; text: string }[] = [];
  for (let i = 0; out.length < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    if (kind === 'codePrefix') {
      const code = codeAt.get(1 + Math.floor(rand() * maxItem)) as string;
      out.push({ kind, text: code.slice(0, 4 + Math.floor(rand() * Math.max(1, code.length - 4))) });
      continue;
    }
    const n = nameAt.get(1 + Math.floor(rand() * maxName)) as { text: string; py_initials: string };
    if (kind === 'pinyinInitials') {
      if (n.py_initials.length < 2) continue;
      out.push({ kind, text: n.py_initials.slice(0, 2 + Math.floor(rand() * (n.py_initials.length - 1))).toLowerCase() });
      continue;
    }
    const len = Number(kind.slice(3));
    const cs = chars(n.text).filter((c) => /[\u3400-\u9fff]/.test(c));
    if (cs.length < len) continue;
    const at = Math.floor(rand() * (cs.length - len + 1));
    out.push({ kind, text: cs.slice(at, at + len).join('') });
  }
  return out;
}

const bench: BenchModule = {
  description: 'catalogue cache: 1.5M-row sync (indexes + FTS + swap) vs raw insert, and search p50/p99 over 1,000 mixed queries',
  async run(args, { json }) {
    const feeItemRows = numberArg(args, '--rows', 1_500_000);
    const queryCount = numberArg(args, '--queries', 1000);
    const say = (s: string): void => {
      if (!json) console.log(s);
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yk-catalog-bench-'));
    try {
      const catalog = new TrainingCatalog({ feeItemRows });
      const t0 = performance.now();
      const files = await writeZips(catalog, dir);
      const prepareMs = performance.now() - t0;
      say(`prepared ${files.size} zips in ${Math.round(prepareMs)} ms`);

      const raw = await rawInsert(files, path.join(dir, 'raw.db'));
      rmSync(path.join(dir, 'raw.db'), { force: true });
      say(`raw insert: ${raw.rows} rows in ${Math.round(raw.ms)} ms`);

      const dbFile = path.join(dir, 'catalog.db');
      const db = openCatalogDb(dbFile);
      // When each phase began (ms from the start), to show where a sync spends its time.
      const phaseAt: Record<string, number> = {};
      // And when each step of the index build and swap began (the writer's progress messages:
      // copy, item indexes, name indexes, gram table, FTS, swap), for the finer split.
      const stepAt: Record<string, number> = {};
      const sync = new CatalogSync({
        db,
        dbFile,
        downloadsDir: path.join(dir, 'downloads'),
        source: () => fileSource(files),
        onProgress: (p) => {
          const at = Math.round(performance.now() - t1);
          if (!(p.phase in phaseAt)) phaseAt[p.phase] = at;
          if ((p.phase === 'indexing' || p.phase === 'applying' || p.phase === 'done') && !(p.message in stepAt)) stepAt[p.message] = at;
        },
      });
      let peakRss = process.memoryUsage().rss;
      let t1 = performance.now();
      const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
      t1 = performance.now();
      const outcome = await (await sync.start({})).done;
      const syncMs = performance.now() - t1;
      clearInterval(rssTimer);
      const syncedRows = outcome.runs.reduce((n, r) => n + r.files.reduce((m, f) => m + f.rows, 0), 0);
      const invalid = outcome.runs.reduce((n, r) => n + r.files.reduce((m, f) => m + f.invalid, 0), 0);
      say(`sync: ${syncedRows} rows (${invalid} invalid) in ${Math.round(syncMs)} ms`);

      const queries = buildQueries(db, queryCount);
      const search = new CatalogSearch(db);
      for (const q of queries.slice(0, 100)) search.search({ text: q.text, validToday: true, limit: 50 });
      const times = new Map<QueryKind, number[]>(KINDS.map((k) => [k, []]));
      const all: number[] = [];
      let empty = 0;
      for (const q of queries) {
        const s = performance.now();
        const r = search.search({ text: q.text, validToday: true, limit: 50 });
        const ms = performance.now() - s;
        if (r.items.length === 0) empty++;
        times.get(q.kind)!.push(ms);
        all.push(ms);
      }
      all.sort((a, b) => a - b);
      const perKind: Record<string, { p50: number; p99: number }> = {};
      for (const [k, ts] of times) {
        ts.sort((a, b) => a - b);
        perKind[k] = { p50: percentile(ts, 50), p99: percentile(ts, 99) };
      }
      const short = [...times.get('cjk1')!, ...times.get('cjk2')!].sort((a, b) => a - b);
      const names = Number(db.prepare('SELECT count(*) FROM name').pluck().get());
      db.close();

      const syncRowsPerSec = Math.round(syncedRows / (syncMs / 1000));
      const rawInsertRowsPerSec = Math.round(raw.rows / (raw.ms / 1000));
      say(`search: ${queries.length} queries, ${empty} with no result; per kind ${JSON.stringify(perKind)}`);
      return {
        rows: syncedRows,
        syncRowsPerSec,
        rawInsertRowsPerSec,
        syncRatio: Math.round((syncRowsPerSec / rawInsertRowsPerSec) * 100) / 100,
        searchP50Ms: percentile(all, 50),
        searchP99Ms: percentile(all, 99),
        shortCjkP99Ms: percentile(short, 99),
        bench: 'catalog',
        feeItemRows,
        distinctNames: names,
        prepareMs: Math.round(prepareMs),
        syncMs: Math.round(syncMs),
        syncPhaseStartMs: phaseAt,
        syncStepStartMs: stepAt,
        rawMs: Math.round(raw.ms),
        invalidRows: invalid,
        peakRssMB: Math.round(peakRss / 1e6),
        queries: queries.length,
        emptyResults: empty,
        perKind,
        node: process.version,
        cpus: os.cpus().length,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
