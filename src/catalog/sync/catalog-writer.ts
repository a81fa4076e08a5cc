// Everything a sync writes to catalog.db: runs and their files, the staging tables, the build of
// a new generation and its swap, the in-place apply of changes, the integrity check.
//
// It owns its own connection and runs in a worker thread in the app (writer-worker.ts), so a
// 1.5-million-row load never blocks the host's event loop; the host keeps searching on its own
// connection and sees the old catalogue until the swap commits (WAL snapshot isolation). Every
// method is synchronous and takes and returns plain data, so it can also run in-process.
//
// Two ways to apply a run (docs/catalog.md, "Sync"):
//  - full (a catalogue loaded from version ''): rows go to stage_item/stage_name without
//    indexes; the other catalogues' live rows are copied in; indexes, grams and the trigram
//    index are built; then DROP live + RENAME staging in one transaction.
//  - incremental (changes since the local version): rows are staged, then upserted into the live
//    tables in one transaction, with names, grams and trigram rows added and orphans removed.
// Either way the live catalogue is never half-updated.
import { AppError } from '@src/common/errors';
import type { Db } from '@src/platform/db/open';
import { logger, type Logger } from '@src/platform/logger';
import type { IntegrityResult } from '@src/contract/methods/catalog';
import { CATALOG_INFNOS, catalogKind, type CatalogInfno } from '../catalog-kinds';
import type { ColumnLayout } from '../file/column-layout';
import { RowParser } from '../file/row-parser';
import { checkCatalogIntegrity } from '../integrity';
import { seedTrainingLists, type TrainingBarcodeSample } from '../local/training-lists';
import { nameGrams } from '../text/grams';
import { chars, normalizeText } from '../text/normalize';
import { PinyinCache } from '../text/pinyin';
import { currentGeneration, dropStageTables, stageIndexSql, stageName, stageTableExists, stageTableSql, swapInStageTables } from './stage-schema';
import { syncBusy } from './sync-errors';
import {
  ROW_WIDTH,
  type CatalogFileSummary,
  type DownloadInfo,
  type FileStats,
  type FlatRowValue,
  type PlannedFile,
  type ResumableRun,
  type RunKind,
  type RunResult,
  type SerializedErrorShape,
  type SyncFileState,
  type SyncRequest,
  type WriterProgress,
} from './sync-types';
import { parseLines } from './parse-lines';


/** Rows per staging transaction: big enough to amortise commits, small enough that a crash loses little. */
const COMMIT_EVERY = 50_000;
/** Rows per multi-row INSERT while staging. */
const MULTI_ROWS = 16;
/** Columns of stage_item a staged row fills (all but id). */
const STAGE_COLUMNS = 12;

function insertItemsSql(rows: number): string {
  const one = '(' + new Array(STAGE_COLUMNS).fill('?').join(', ') + ')';
  return `INSERT INTO stage_item (infno, code, name_id, list_type, chrgitm_lv, selfpay_prop, price_cap, begndate, enddate, vali_flag, ver, detail) VALUES ${new Array(rows).fill(one).join(', ')}`;
}

function nowIso(): string {
  return new Date().toISOString();
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface FileRow {
  infno: CatalogInfno;
  seq: number;
  full: number;
  from_version: string;
  state: SyncFileState['state'];
  file_qury_no: string | null;
  announced_rows: number | null;
  path: string | null;
  bytes: number | null;
  sha256: string | null;
  first_stage_id: number | null;
  rows: number;
  invalid: number;
  duplicates: number;
  added: number;
  changed: number;
  to_version: string;
  invalid_samples: string;
}

function toFileState(r: FileRow): SyncFileState {
  return {
    infno: r.infno,
    seq: r.seq,
    full: r.full === 1,
    fromVersion: r.from_version,
    state: r.state,
    fileQueryNo: r.file_qury_no,
    announcedRows: r.announced_rows,
    path: r.path,
    bytes: r.bytes,
    sha256: r.sha256,
  };
}

function toSummary(r: FileRow): CatalogFileSummary {
  return {
    infno: r.infno,
    full: r.full === 1,
    fromVersion: r.from_version,
    toVersion: r.to_version,
    rows: r.rows,
    added: r.added,
    changed: r.changed,
    invalid: r.invalid,
    duplicates: r.duplicates,
    invalidSamples: JSON.parse(r.invalid_samples) as CatalogFileSummary['invalidSamples'],
  };
}

export class CatalogWriter {
  /** Staged names per catalogue: text → id. */
  private readonly names = new Map<string, Map<string, number>>();
  private nextNameId = 0;
  private insertItem: ReturnType<Db['prepare']> | undefined;
  private insertItems: ReturnType<Db['prepare']> | undefined;
  private insertName: ReturnType<Db['prepare']> | undefined;
  private inTransaction = false;
  private rowsSinceCommit = 0;
  /** Pinyin of names already seen in this writer (a name often recurs across catalogues). */
  private readonly pinyin = new PinyinCache();
  /** One parser per file layout (column positions resolved once). */
  private readonly parsers = new Map<string, RowParser>();

  constructor(
    private readonly db: Db,
    private readonly emit: (p: WriterProgress) => void = () => {},
    private readonly log: Logger = logger('catalog-writer'),
  ) {
    // Bulk work: a larger page cache for index builds; checkpoints are run by hand at the end so
    // the staging load is not interleaved with copying WAL pages back.
    db.pragma('cache_size = -131072');
    db.pragma('wal_autocheckpoint = 0');
  }

  // ── runs ────────────────────────────────────────────────────────────────────────────────────

  /** The unfinished run a new sync would resume, if any; throws CATALOG_SYNC_BUSY when another process is running it. */
  resumableRun(): ResumableRun | undefined {
    const run = this.db.prepare("SELECT id, owner_pid, request FROM sync_run WHERE state = 'running' ORDER BY id DESC LIMIT 1").get() as { id: number; owner_pid: number | null; request: string } | undefined;
    if (!run) return undefined;
    this.assertNotBusy();
    const request = JSON.parse(run.request) as SyncRequest & { kind: RunKind };
    const files = (this.db.prepare('SELECT * FROM sync_file WHERE run_id = ? ORDER BY seq').all(run.id) as FileRow[]).map(toFileState);
    const { kind, ...rest } = request;
    return { runId: run.id, kind, request: rest, files };
  }

  private assertNotBusy(): void {
    const lock = this.db.prepare("SELECT value FROM catalog_meta WHERE key = 'sync_lock'").pluck().get() as string | undefined;
    if (!lock) return;
    const { pid, runId } = JSON.parse(lock) as { pid: number; runId: number };
    if (pid !== process.pid && pidAlive(pid)) throw syncBusy(`run ${runId} is held by pid ${pid}`);
  }

  private takeLock(runId: number): void {
    this.db.prepare("INSERT INTO catalog_meta (key, value) VALUES ('sync_lock', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ pid: process.pid, runId, since: nowIso() }));
  }

  private releaseLock(): void {
    this.db.prepare("DELETE FROM catalog_meta WHERE key = 'sync_lock'").run();
  }

  /** Starts a run: records it and its files, takes the sync lock, creates empty staging tables. */
  openRun(request: SyncRequest, kind: RunKind, files: PlannedFile[]): number {
    const runId = this.db
      .transaction(() => {
        this.assertNotBusy();
        this.db.prepare("UPDATE sync_run SET state = 'abandoned', finished_at = ? WHERE state = 'running'").run(nowIso());
        const id = Number(this.db.prepare("INSERT INTO sync_run (state, started_at, owner_pid, request) VALUES ('running', ?, ?, ?)").run(nowIso(), process.pid, JSON.stringify({ ...request, kind })).lastInsertRowid);
        const add = this.db.prepare("INSERT INTO sync_file (run_id, infno, seq, full, from_version, state) VALUES (?, ?, ?, ?, ?, 'planned')");
        files.forEach((f, i) => add.run(id, f.infno, i, f.full ? 1 : 0, f.fromVersion));
        this.takeLock(id);
        return id;
      })
      .immediate();
    this.resetStaging();
    this.log.info({ runId, kind, files: files.map((f) => f.infno) }, 'catalog sync run opened');
    return runId;
  }

  /** Continues an unfinished run in this process: staged files are kept, partial staging is cut on beginFile. */
  claimRun(runId: number): void {
    this.db
      .transaction(() => {
        this.assertNotBusy();
        this.db.prepare('UPDATE sync_run SET owner_pid = ?, error = NULL WHERE id = ?').run(process.pid, runId);
        this.takeLock(runId);
        if (!stageTableExists(this.db, 'item') || !stageTableExists(this.db, 'name')) {
          // The staging tables are gone (dropped by hand, or a rebuilt file): parse again from the downloads.
          this.db.prepare("UPDATE sync_file SET state = 'downloaded', first_stage_id = NULL WHERE run_id = ? AND state = 'staged'").run(runId);
          this.db.prepare('UPDATE sync_file SET first_stage_id = NULL WHERE run_id = ?').run(runId);
          this.createStageTables();
        }
      })
      .immediate();
    this.loadNameDictionary();
    this.log.info({ runId }, 'catalog sync run resumed');
  }

  private resetStaging(): void {
    this.db.transaction(() => {
      dropStageTables(this.db);
      this.createStageTables();
    })();
    this.loadNameDictionary();
  }

  private createStageTables(): void {
    this.db.exec(stageTableSql(this.db, 'item'));
    this.db.exec(stageTableSql(this.db, 'name'));
  }

  /** Names already staged keep their ids; new ones are numbered above every live and staged id. */
  private loadNameDictionary(): void {
    this.names.clear();
    for (const r of this.db.prepare('SELECT id, infno, text FROM stage_name').iterate() as Iterable<{ id: number; infno: string; text: string }>) {
      let names = this.names.get(r.infno);
      if (!names) this.names.set(r.infno, (names = new Map()));
      names.set(r.text, r.id);
    }
    const maxLive = Number(this.db.prepare('SELECT COALESCE(max(id), 0) FROM name').pluck().get());
    const maxStage = Number(this.db.prepare('SELECT COALESCE(max(id), 0) FROM stage_name').pluck().get());
    this.nextNameId = Math.max(maxLive, maxStage) + 1;
    this.insertItem = undefined;
    this.insertItems = undefined;
    this.insertName = undefined;
  }

  recordDownload(runId: number, infno: CatalogInfno, info: DownloadInfo): void {
    this.db
      .prepare("UPDATE sync_file SET state = 'downloaded', file_qury_no = ?, announced_rows = ?, path = ?, bytes = ?, sha256 = ? WHERE run_id = ? AND infno = ?")
      .run(info.fileQueryNo, info.announcedRows, info.path, info.bytes, info.sha256, runId, infno);
  }

  /** Forgets a file's download and staging (it was damaged or refused): the next attempt downloads it again. */
  forgetFile(runId: number, infno: CatalogInfno): void {
    this.commitOpen();
    this.db.transaction(() => {
      const first = this.db.prepare('SELECT first_stage_id FROM sync_file WHERE run_id = ? AND infno = ?').pluck().get(runId, infno) as number | null;
      if (first !== null && stageTableExists(this.db, 'item')) this.db.prepare('DELETE FROM stage_item WHERE id >= ?').run(first);
      this.db
        .prepare("UPDATE sync_file SET state = 'planned', path = NULL, bytes = NULL, sha256 = NULL, first_stage_id = NULL, rows = 0, invalid = 0, invalid_samples = '[]', to_version = '' WHERE run_id = ? AND infno = ?")
        .run(runId, infno);
    })();
  }

  /** Leaves a run unfinished (resumable) with the error that stopped it, and releases the lock. */
  suspendRun(runId: number, error: SerializedErrorShape): void {
    this.rollbackOpen();
    this.db.prepare("UPDATE sync_run SET error = ?, owner_pid = NULL WHERE id = ? AND state = 'running'").run(JSON.stringify(error), runId);
    this.releaseLock();
  }

  /** Ends a run without applying it: staging dropped, lock released. */
  endRun(runId: number, state: 'failed' | 'cancelled' | 'abandoned', error?: SerializedErrorShape): void {
    this.rollbackOpen();
    this.db.prepare("UPDATE sync_run SET state = ?, finished_at = ?, error = ?, owner_pid = NULL WHERE id = ? AND state = 'running'").run(state, nowIso(), error ? JSON.stringify(error) : null, runId);
    dropStageTables(this.db);
    this.releaseLock();
    this.names.clear();
  }

  // ── staging ─────────────────────────────────────────────────────────────────────────────────

  /** Prepares to stage one file: rows of an earlier, interrupted attempt at it are removed. */
  beginFile(runId: number, infno: CatalogInfno): void {
    this.commitOpen();
    this.db.transaction(() => {
      const first = this.db.prepare('SELECT first_stage_id FROM sync_file WHERE run_id = ? AND infno = ?').pluck().get(runId, infno) as number | null;
      if (first !== null) this.db.prepare('DELETE FROM stage_item WHERE id >= ?').run(first);
      const next = Number(this.db.prepare('SELECT COALESCE(max(id), 0) + 1 FROM stage_item').pluck().get());
      this.db.prepare("UPDATE sync_file SET first_stage_id = ?, rows = 0, invalid = 0, invalid_samples = '[]', to_version = '' WHERE run_id = ? AND infno = ?").run(next, runId, infno);
    })();
  }

  /**
   * Parses a batch of a file's lines (numbered from `first`) and stages the valid rows; returns
   * what it counted. The reader thread sends lines here while this thread keeps up, and parses
   * batches itself when it does not (file-stager.ts).
   */
  stageLines(infno: CatalogInfno, layout: ColumnLayout, first: number, lines: string[]): FileStats {
    const key = infno + JSON.stringify(layout);
    let parser = this.parsers.get(key);
    if (!parser) {
      if (this.parsers.size > 64) this.parsers.clear();
      this.parsers.set(key, (parser = new RowParser(layout, catalogKind(infno))));
    }
    const { rows, stats } = parseLines(parser, first, lines);
    this.stageRows(infno, rows);
    return stats;
  }

  /** Appends parsed rows (flat, ROW_WIDTH values each) to the staging table. */
  stageRows(infno: CatalogInfno, rows: FlatRowValue[]): void {
    const insertName = (this.insertName ??= this.db.prepare('INSERT INTO stage_name (id, infno, text, norm, len, py_initials, py_full, ord) VALUES (?, ?, ?, ?, ?, ?, ?, 0)'));
    let names = this.names.get(infno);
    if (!names) this.names.set(infno, (names = new Map()));
    if (!this.inTransaction) {
      this.db.exec('BEGIN');
      this.inTransaction = true;
    }
    // The values to bind: the row's own, with the name replaced by its id and the catalogue added.
    const count = rows.length / ROW_WIDTH;
    const values: FlatRowValue[] = new Array(count * STAGE_COLUMNS);
    for (let r = 0, i = 0, v = 0; r < count; r++, i += ROW_WIDTH) {
      const name = rows[i + 1] as string;
      let id = names.get(name);
      if (id === undefined) {
        id = this.nextNameId++;
        const norm = normalizeText(name);
        const keys = this.pinyin.keys(name);
        insertName.run(id, infno, name, norm, chars(norm).length, keys.initials, keys.full);
        names.set(name, id);
      }
      values[v++] = infno;
      values[v++] = rows[i]!;
      values[v++] = id;
      for (let k = 2; k < ROW_WIDTH; k++) values[v++] = rows[i + k]!;
    }
    // Several rows per INSERT: one statement step per 16 rows instead of per row.
    const full = Math.floor(count / MULTI_ROWS) * MULTI_ROWS;
    const multi = (this.insertItems ??= this.db.prepare(insertItemsSql(MULTI_ROWS)));
    const single = (this.insertItem ??= this.db.prepare(insertItemsSql(1)));
    const per = MULTI_ROWS * STAGE_COLUMNS;
    for (let r = 0; r < full; r += MULTI_ROWS) multi.run(values.slice(r * STAGE_COLUMNS, r * STAGE_COLUMNS + per));
    for (let r = full; r < count; r++) single.run(values.slice(r * STAGE_COLUMNS, (r + 1) * STAGE_COLUMNS));
    this.rowsSinceCommit += count;
    if (this.rowsSinceCommit >= COMMIT_EVERY) this.commitOpen();
  }

  /** Marks a file staged (its rows are committed) with what the parser counted. */
  finishFile(runId: number, infno: CatalogInfno, stats: FileStats): void {
    this.commitOpen();
    this.db
      .prepare("UPDATE sync_file SET state = 'staged', rows = ?, invalid = ?, invalid_samples = ?, to_version = ? WHERE run_id = ? AND infno = ?")
      .run(stats.rows, stats.invalid, JSON.stringify(stats.samples), stats.toVersion, runId, infno);
  }

  private commitOpen(): void {
    if (this.inTransaction) {
      this.db.exec('COMMIT');
      this.inTransaction = false;
    }
    this.rowsSinceCommit = 0;
  }

  private rollbackOpen(): void {
    if (this.inTransaction) {
      this.db.exec('ROLLBACK');
      this.inTransaction = false;
    }
    this.rowsSinceCommit = 0;
  }

  // ── apply ───────────────────────────────────────────────────────────────────────────────────

  /** Applies a run whose files are all staged: the swap (full) or the upsert (incremental). */
  applyRun(runId: number): RunResult {
    const started = performance.now();
    this.commitOpen();
    const run = this.db.prepare("SELECT request FROM sync_run WHERE id = ? AND state = 'running'").get(runId) as { request: string } | undefined;
    if (!run) throw new Error(`sync run ${runId} is not running`);
    const kind = (JSON.parse(run.request) as { kind: RunKind }).kind;
    const files = this.db.prepare('SELECT * FROM sync_file WHERE run_id = ? ORDER BY seq').all(runId) as FileRow[];
    const notStaged = files.filter((f) => f.state !== 'staged');
    if (notStaged.length > 0) throw new Error(`sync run ${runId}: files not staged: ${notStaged.map((f) => f.infno).join(',')}`);
    if (kind === 'full') this.applyFull(runId, files);
    else this.applyIncremental(runId, files);
    const tookMs = Math.round(performance.now() - started);
    dropStageTables(this.db);
    this.names.clear();
    this.releaseLock();
    this.db.prepare('UPDATE sync_run SET took_ms = ? WHERE id = ?').run(tookMs, runId);
    this.checkpoint();
    const done = this.db.prepare('SELECT * FROM sync_file WHERE run_id = ? ORDER BY seq').all(runId) as FileRow[];
    return { runId, files: done.map(toSummary), tookMs };
  }

  private progress(phase: WriterProgress['phase'], fraction: number, message: string): void {
    this.emit({ phase, fraction, message });
  }

  private applyFull(runId: number, files: FileRow[]): void {
    const db = this.db;
    const generation = currentGeneration(db) + 1;
    const loaded = files.map((f) => f.infno);
    const others = CATALOG_INFNOS.filter((i) => !loaded.includes(i));
    const othersList = others.map((i) => `'${i}'`).join(',');

    this.progress('indexing', 0, '复制其余目录');
    if (others.length > 0) {
      db.transaction(() => {
        db.exec(`INSERT INTO stage_item SELECT * FROM item WHERE infno IN (${othersList})`);
        db.exec(`INSERT INTO stage_name SELECT * FROM name WHERE infno IN (${othersList})`);
      })();
    }

    this.progress('indexing', 0.15, '建立编码索引');
    const duplicates = this.buildItemIndexes(generation);

    this.progress('indexing', 0.55, '建立名称与拼音索引');
    db.transaction(() => {
      // Names staged by an interrupted attempt at a file, whose rows were cut, have no items left.
      db.exec('DELETE FROM stage_name WHERE NOT EXISTS (SELECT 1 FROM stage_item WHERE stage_item.name_id = stage_name.id)');
      // Trigram results come back in rowid order; numbering names shortest first makes that the ranking.
      db.exec('UPDATE stage_name SET ord = r.o FROM (SELECT id, row_number() OVER (ORDER BY len, norm, id) AS o FROM stage_name) AS r WHERE stage_name.id = r.id');
      for (const sql of stageIndexSql(db, 'name', generation)) db.exec(sql);
    })();

    this.progress('indexing', 0.7, '建立短词索引');
    db.transaction(() => {
      db.exec(stageTableSql(db, 'name_gram'));
      this.insertGrams(stageName('name_gram'), db.prepare('SELECT id, infno, norm, len FROM stage_name').all() as NameRow[]);
    })();

    this.progress('indexing', 0.85, '建立全文索引');
    db.transaction(() => {
      db.exec(stageTableSql(db, 'name_fts'));
      db.exec('INSERT INTO stage_name_fts (rowid, norm) SELECT ord, norm FROM stage_name');
    })();

    this.progress('applying', 0.95, '切换到新目录');
    const count = db.prepare('SELECT count(*) FROM stage_item WHERE infno = ?').pluck();
    const counts = new Map(loaded.map((i) => [i, Number(count.get(i))]));
    db.transaction(() => {
      swapInStageTables(db, generation);
      const at = nowIso();
      for (const f of files) {
        const dup = duplicates.get(f.infno) ?? 0;
        const rows = counts.get(f.infno) ?? 0;
        this.setState(f.infno, f.to_version || f.from_version, rows, at);
        db.prepare("UPDATE sync_file SET state = 'applied', duplicates = ?, added = ?, changed = 0 WHERE run_id = ? AND infno = ?").run(dup, rows, runId, f.infno);
      }
      db.prepare("UPDATE sync_run SET state = 'applied', finished_at = ?, owner_pid = NULL WHERE id = ?").run(at, runId);
    }).immediate();
    this.progress('applying', 1, '目录已更新');
    this.log.info({ runId, generation, loaded, rows: Object.fromEntries(counts) }, 'catalog generation swapped in');
  }

  /** Unique (catalogue, code) and name indexes on stage_item; a code listed twice keeps its last row. */
  private buildItemIndexes(generation: number): Map<string, number> {
    const db = this.db;
    const [unique, ...rest] = stageIndexSql(db, 'item', generation).sort((a) => (/UNIQUE/i.test(a) ? -1 : 1));
    const duplicates = new Map<string, number>();
    try {
      db.exec(unique!);
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
      // Rare: a file lists a code twice. Later rows are newer (files are ordered by version).
      const before = new Map((db.prepare('SELECT infno, count(*) AS n FROM stage_item GROUP BY infno').all() as { infno: string; n: number }[]).map((r) => [r.infno, r.n]));
      db.exec('DELETE FROM stage_item WHERE id NOT IN (SELECT max(id) FROM stage_item GROUP BY infno, code)');
      for (const r of db.prepare('SELECT infno, count(*) AS n FROM stage_item GROUP BY infno').all() as { infno: string; n: number }[]) {
        const d = (before.get(r.infno) ?? 0) - r.n;
        if (d > 0) duplicates.set(r.infno, d);
      }
      db.exec(unique!);
    }
    for (const sql of rest) db.exec(sql);
    return duplicates;
  }

  private insertGrams(table: string, names: NameRow[]): void {
    const rows: [string, string, number, number][] = [];
    for (const n of names) for (const g of nameGrams(n.norm)) rows.push([g, n.infno, n.len, n.id]);
    // Key order: the WITHOUT ROWID B-tree is filled left to right instead of by random inserts.
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2] || a[3] - b[3]));
    const insert = this.db.prepare(`INSERT INTO ${table} (gram, infno, len, name_id) VALUES (?, ?, ?, ?)`);
    for (const r of rows) insert.run(r[0], r[1], r[2], r[3]);
  }

  private setState(infno: string, version: string, rows: number, at: string): void {
    this.db
      .prepare('INSERT INTO catalog_state (infno, version, row_count, synced_at) VALUES (?, ?, ?, ?) ON CONFLICT (infno) DO UPDATE SET version = excluded.version, row_count = excluded.row_count, synced_at = excluded.synced_at')
      .run(infno, version, rows, at);
  }

  private applyIncremental(runId: number, files: FileRow[]): void {
    const db = this.db;
    this.progress('applying', 0, '合并变更');
    db.transaction(() => {
      const counts = new Map<string, { total: number; distinct: number; existing: number }>();
      const countStmt = db.prepare(
        'SELECT count(*) AS total, count(DISTINCT code) AS distinct_codes, (SELECT count(DISTINCT s.code) FROM stage_item s WHERE s.infno = @infno AND EXISTS (SELECT 1 FROM item i WHERE i.infno = s.infno AND i.code = s.code)) AS existing FROM stage_item WHERE infno = @infno',
      );
      for (const f of files) {
        const r = countStmt.get({ infno: f.infno }) as { total: number; distinct_codes: number; existing: number };
        counts.set(f.infno, { total: r.total, distinct: r.distinct_codes, existing: r.existing });
      }

      // Names: reuse live ones; new ones keep their staging id (numbered above every live id).
      db.exec('CREATE TEMP TABLE name_map (stage_id INTEGER PRIMARY KEY, live_id INTEGER NOT NULL)');
      db.exec('INSERT INTO name_map SELECT s.id, COALESCE(n.id, s.id) FROM stage_name s LEFT JOIN name n ON n.infno = s.infno AND n.text = s.text');
      const maxOrd = Number(db.prepare('SELECT COALESCE(max(ord), 0) FROM name').pluck().get());
      db.prepare(
        'INSERT INTO name (id, infno, text, norm, len, py_initials, py_full, ord) SELECT s.id, s.infno, s.text, s.norm, s.len, s.py_initials, s.py_full, ? + row_number() OVER (ORDER BY s.len, s.norm, s.id) FROM stage_name s JOIN name_map m ON m.stage_id = s.id WHERE m.live_id = s.id AND EXISTS (SELECT 1 FROM stage_item i WHERE i.name_id = s.id)',
      ).run(maxOrd);
      const added = db.prepare('SELECT id, infno, norm, len, ord FROM name WHERE ord > ?').all(maxOrd) as (NameRow & { ord: number })[];
      this.insertGrams('name_gram', added);
      const fts = db.prepare('INSERT INTO name_fts (rowid, norm) VALUES (?, ?)');
      for (const n of added) fts.run(n.ord, n.norm);
      this.progress('applying', 0.4, '更新目录条目');

      // Names the changed items used before: removed below if nothing uses them any more.
      db.exec('CREATE TEMP TABLE old_names (id INTEGER PRIMARY KEY)');
      db.exec('INSERT OR IGNORE INTO old_names SELECT i.name_id FROM stage_item s JOIN item i ON i.infno = s.infno AND i.code = s.code');
      db.exec(`INSERT INTO item (infno, code, name_id, list_type, chrgitm_lv, selfpay_prop, price_cap, begndate, enddate, vali_flag, ver, detail)
        SELECT s.infno, s.code, m.live_id, s.list_type, s.chrgitm_lv, s.selfpay_prop, s.price_cap, s.begndate, s.enddate, s.vali_flag, s.ver, s.detail
        FROM stage_item s JOIN name_map m ON m.stage_id = s.name_id WHERE true ORDER BY s.id
        ON CONFLICT (infno, code) DO UPDATE SET name_id = excluded.name_id, list_type = excluded.list_type, chrgitm_lv = excluded.chrgitm_lv,
          selfpay_prop = excluded.selfpay_prop, price_cap = excluded.price_cap, begndate = excluded.begndate, enddate = excluded.enddate,
          vali_flag = excluded.vali_flag, ver = excluded.ver, detail = excluded.detail`);
      const orphans = db.prepare('SELECT n.id, n.ord FROM name n JOIN old_names o ON o.id = n.id WHERE NOT EXISTS (SELECT 1 FROM item i WHERE i.name_id = n.id)').all() as { id: number; ord: number }[];
      const delFts = db.prepare('DELETE FROM name_fts WHERE rowid = ?');
      const delGrams = db.prepare('DELETE FROM name_gram WHERE name_id = ? AND gram IN (SELECT value FROM json_each(?))');
      const delName = db.prepare('DELETE FROM name WHERE id = ?');
      const normOf = db.prepare('SELECT norm FROM name WHERE id = ?').pluck();
      for (const o of orphans) {
        delFts.run(o.ord);
        delGrams.run(o.id, JSON.stringify(nameGrams(normOf.get(o.id) as string)));
        delName.run(o.id);
      }
      db.exec('DROP TABLE temp.name_map');
      db.exec('DROP TABLE temp.old_names');

      const at = nowIso();
      const stateOf = db.prepare('SELECT version, row_count FROM catalog_state WHERE infno = ?');
      for (const f of files) {
        const c = counts.get(f.infno)!;
        const prev = (stateOf.get(f.infno) as { version: string; row_count: number } | undefined) ?? { version: '', row_count: 0 };
        const addedRows = c.distinct - c.existing;
        const version = f.to_version > prev.version ? f.to_version : prev.version;
        this.setState(f.infno, version, prev.row_count + addedRows, at);
        db.prepare("UPDATE sync_file SET state = 'applied', duplicates = ?, added = ?, changed = ? WHERE run_id = ? AND infno = ?").run(c.total - c.distinct, addedRows, c.existing, runId, f.infno);
      }
      db.prepare("UPDATE sync_run SET state = 'applied', finished_at = ?, owner_pid = NULL WHERE id = ?").run(at, runId);
    }).immediate();
    this.progress('applying', 1, '目录已更新');
    this.log.info({ runId, files: files.map((f) => f.infno) }, 'catalog changes applied');
  }

  /** Copies the WAL back into the database file and truncates it (a load leaves a large WAL). */
  checkpoint(): void {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (e) {
      this.log.warn({ err: e }, 'checkpoint after sync failed; SQLite will retry');
    }
  }

  /** PRAGMA integrity_check and the cache's own invariants (can take seconds: runs in the worker). */
  integrityCheck(): IntegrityResult {
    this.commitOpen();
    return checkCatalogIntegrity(this.db);
  }

  /** Training mode: barcodes and the training hospital's list for rows that have none yet. */
  seedTrainingLists(samples: TrainingBarcodeSample[] = []): { barcodes: number; localItems: number } {
    this.commitOpen();
    return seedTrainingLists(this.db, samples);
  }

  close(): void {
    this.rollbackOpen();
    this.db.close();
  }

  /** For tests and diagnostics: throws if this writer is mid-transaction. */
  assertIdle(): void {
    if (this.inTransaction) throw new AppError({ code: 'CATALOG_WRITER_BUSY', message: '目录写入尚未完成', hint: '请稍候再试。' });
  }
}

interface NameRow {
  id: number;
  infno: string;
  norm: string;
  len: number;
}
