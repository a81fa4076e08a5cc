// The catalogue cache as the host, the CLI and the doctor use it (services.catalog):
// search and look-ups, status, sync from the hub, integrity, rebuild after corruption, and the
// institution's lists. docs/catalog.md describes it for the other parts of the terminal.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '@src/common/errors';
import type { CatalogItem, CatalogSearchResult, CatalogStatus, IntegrityResult, LocalItem, SyncProgress, SyncRun } from '@src/contract/methods/catalog';
import { openCatalogDb } from '@src/database/catalog-db';
import type { Db } from '@src/platform/db/open';
import { logger } from '@src/platform/logger';
import { CATALOG_INFNOS, catalogKind, type CatalogInfno } from './catalog-kinds';
import { lastIntegrity } from './integrity';
import type { TrainingBarcodeSample } from './local/training-lists';
import { importList, latestSavedCopies, type ImportOptions, type ImportReport, type ListKind } from './local/list-import';
import { CatalogSearch, type SearchInput } from './search/catalog-search';
import type { CatalogSource } from './sync/catalog-source';
import { CatalogSync, type StartedSync, type SyncOutcome } from './sync/catalog-sync';
import type { SyncRequest } from './sync/sync-types';
import { startWriter } from './sync/writer-port';

const log = logger('catalog');

export interface CatalogServiceOptions {
  /** catalog.db */
  file: string;
  /** The mode's data folder: downloads and kept import copies go under it. */
  dataDir: string;
  mode: 'training' | 'live';
  /** The hub (or a test source); undefined while none is available. */
  source: () => CatalogSource | undefined;
  /** Status bar (services.status.setCatalog). */
  reportStatus?: (s: { version?: string; rows?: number; syncing: boolean }) => void;
  /** Progress events (catalog.syncProgress). */
  onProgress?: (p: SyncProgress) => void;
  /** Writer in worker threads (default) or in this thread. */
  threaded?: boolean;
  /** Training mode: the training scanner's sample package codes, mapped to catalogue drugs after each sync. */
  trainingBarcodeSamples?: readonly TrainingBarcodeSample[];
}

function isCorruption(e: unknown): boolean {
  const code = (e as { code?: string } | undefined)?.code ?? '';
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_');
}

const corruptError = (): AppError =>
  new AppError({
    code: 'CATALOG_CORRUPT',
    message: '本地目录数据库已损坏',
    hint: '终端会从医保中心重新下载目录（不影响结算记录）；期间请按编码手工录入，或稍后再试。',
  });

export class CatalogService {
  private db: Db;
  private searcher: CatalogSearch;
  private sync: CatalogSync;
  private corrupt = false;
  private rebuilding: Promise<StartedSync> | undefined;

  constructor(private readonly o: CatalogServiceOptions) {
    this.db = this.openOrQuarantine();
    this.searcher = new CatalogSearch(this.db);
    this.sync = this.newSync();
    this.reportStatus();
  }

  get downloadsDir(): string {
    return path.join(this.o.dataDir, 'catalog-downloads');
  }

  get importsDir(): string {
    return path.join(this.o.dataDir, 'catalog-imports');
  }

  /** Opens catalog.db; a file that is not a database is moved aside and a fresh one created. */
  private openOrQuarantine(): Db {
    try {
      const db = openCatalogDb(this.o.file);
      db.prepare('SELECT count(*) FROM catalog_state').get();
      return db;
    } catch (e) {
      if (!isCorruption(e)) throw e;
      log.error({ err: e, file: this.o.file }, 'catalog.db cannot be opened: moved aside, a fresh cache will be downloaded');
      this.quarantine();
      this.corrupt = true;
      return openCatalogDb(this.o.file);
    }
  }

  /** Moves catalog.db (and its WAL) aside for support, keeping only the latest damaged copy. */
  private quarantine(): void {
    const dir = path.dirname(this.o.file);
    const base = path.basename(this.o.file);
    for (const old of readdirSync(dir).filter((n) => n.startsWith(`${base}.corrupt-`))) rmSync(path.join(dir, old), { force: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '');
    for (const suffix of ['', '-wal', '-shm']) {
      const f = this.o.file + suffix;
      if (existsSync(f)) renameSync(f, `${this.o.file}.corrupt-${stamp}${suffix}`);
    }
  }

  private newSync(): CatalogSync {
    return new CatalogSync({
      db: this.db,
      dbFile: this.o.file,
      downloadsDir: this.downloadsDir,
      source: this.o.source,
      trainingLists: this.o.mode === 'training',
      ...(this.o.trainingBarcodeSamples ? { trainingBarcodeSamples: this.o.trainingBarcodeSamples } : {}),
      onProgress: (p) => {
        this.o.onProgress?.(p);
        if (p.phase === 'planning' || p.phase === 'done' || p.phase === 'failed' || p.phase === 'cancelled') this.reportStatus();
      },
      ...(this.o.threaded === undefined ? {} : { threaded: this.o.threaded }),
    });
  }

  /** Runs a read; a corrupt database is reported as CATALOG_CORRUPT and its rebuild started. */
  private read<T>(fn: () => T): T {
    if (this.corrupt && this.totalRowsSafe() === 0) throw corruptError();
    try {
      return fn();
    } catch (e) {
      if (!isCorruption(e)) throw e;
      log.error({ err: e }, 'catalog.db is corrupt: rebuilding from the hub');
      this.corrupt = true;
      void this.rebuild().catch((err: unknown) => log.error({ err }, 'catalogue rebuild could not start'));
      throw corruptError();
    }
  }

  private totalRowsSafe(): number {
    try {
      return Number(this.db.prepare('SELECT COALESCE(sum(row_count), 0) FROM catalog_state').pluck().get());
    } catch {
      return 0;
    }
  }

  // ── look-ups ────────────────────────────────────────────────────────────────────────────────

  search(input: SearchInput): CatalogSearchResult {
    return this.read(() => this.searcher.search(input));
  }

  lookup(code: string, infno?: CatalogInfno): CatalogItem | null {
    return this.read(() => this.searcher.lookup(code, infno));
  }

  byBarcode(barcode: string): CatalogItem | null {
    return this.read(() => this.searcher.byBarcode(barcode));
  }

  localLookup(medinsListCodg: string): { local: LocalItem; item: CatalogItem | null } | null {
    return this.read(() => this.searcher.localLookup(medinsListCodg));
  }

  // ── status ──────────────────────────────────────────────────────────────────────────────────

  status(): CatalogStatus {
    const states = new Map((this.db.prepare('SELECT infno, version, row_count, synced_at FROM catalog_state').all() as { infno: string; version: string; row_count: number; synced_at: string | null }[]).map((r) => [r.infno, r]));
    const catalogs = CATALOG_INFNOS.map((infno) => {
      const s = states.get(infno);
      return { infno, title: catalogKind(infno).title, version: s?.version ?? '', rows: s?.row_count ?? 0, ...(s?.synced_at ? { syncedAt: s.synced_at } : {}) };
    });
    const progress = this.sync.progress();
    const lastRun = this.lastRun();
    const integrity = lastIntegrity(this.db);
    return {
      catalogs,
      totalRows: catalogs.reduce((n, c) => n + c.rows, 0),
      version: catalogs.reduce((v, c) => (c.version > v ? c.version : v), ''),
      syncing: this.sync.running,
      ...(progress ? { progress } : {}),
      ...(lastRun ? { lastRun } : {}),
      resumable: !this.sync.running && lastRun?.state === 'running',
      localItems: Number(this.db.prepare('SELECT count(*) FROM local_item').pluck().get()),
      barcodes: Number(this.db.prepare('SELECT count(*) FROM barcode').pluck().get()),
      dbBytes: ['', '-wal'].reduce((n, s) => n + (existsSync(this.o.file + s) ? statSync(this.o.file + s).size : 0), 0),
      ...(integrity ? { integrity } : {}),
    };
  }

  private lastRun(): SyncRun | undefined {
    const run = this.db.prepare('SELECT id, state, started_at, finished_at, error, took_ms FROM sync_run ORDER BY id DESC LIMIT 1').get() as
      | { id: number; state: SyncRun['state']; started_at: string; finished_at: string | null; error: string | null; took_ms: number | null }
      | undefined;
    if (!run) return undefined;
    const files = this.db.prepare('SELECT * FROM sync_file WHERE run_id = ? ORDER BY seq').all(run.id) as {
      infno: CatalogInfno;
      full: number;
      from_version: string;
      to_version: string;
      rows: number;
      added: number;
      changed: number;
      invalid: number;
      duplicates: number;
      invalid_samples: string;
    }[];
    const error = run.error ? (JSON.parse(run.error) as { code: string; message: string; hint?: string }) : undefined;
    return {
      runId: run.id,
      state: run.state,
      startedAt: run.started_at,
      ...(run.finished_at ? { finishedAt: run.finished_at } : {}),
      catalogs: files.map((f) => f.infno),
      files: files.map((f) => ({
        infno: f.infno,
        full: f.full === 1,
        fromVersion: f.from_version,
        toVersion: f.to_version,
        rows: f.rows,
        added: f.added,
        changed: f.changed,
        invalid: f.invalid,
        duplicates: f.duplicates,
        invalidSamples: JSON.parse(f.invalid_samples) as SyncRun['files'][number]['invalidSamples'],
      })),
      ...(error ? { error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } } : {}),
      ...(run.took_ms !== null ? { tookMs: run.took_ms } : {}),
    };
  }

  /** What the status bar shows: newest version, rows, syncing. */
  reportStatus(): void {
    if (!this.o.reportStatus) return;
    try {
      const rows = this.totalRowsSafe();
      const version = this.db.prepare('SELECT COALESCE(max(version), \'\') FROM catalog_state').pluck().get() as string;
      this.o.reportStatus({ ...(version ? { version } : {}), rows, syncing: this.sync.running });
    } catch (e) {
      log.warn({ err: e }, 'catalogue status could not be read');
    }
  }

  // ── sync ────────────────────────────────────────────────────────────────────────────────────

  get syncing(): boolean {
    return this.sync.running;
  }

  /** Starts a sync in the background (resuming an interrupted one with the same plan). */
  async startSync(request: SyncRequest = {}): Promise<StartedSync> {
    const started = await this.sync.start(request);
    this.reportStatus();
    started.done.then(
      (outcome) => this.afterSync(outcome),
      (e: unknown) => {
        this.reportStatus();
        log.warn({ err: isAppError(e) ? { code: e.code, detail: e.detail } : e }, 'catalogue sync did not complete');
      },
    );
    return started;
  }

  /** Runs a sync to its end (CLI). */
  async syncNow(request: SyncRequest = {}): Promise<SyncOutcome> {
    return (await this.startSync(request)).done;
  }

  private afterSync(outcome: SyncOutcome): void {
    this.corrupt = false;
    this.reportStatus();
    log.info({ runs: outcome.runs.map((r) => r.runId), resumed: outcome.resumed, trainingLists: outcome.trainingLists }, 'catalogue synced');
  }

  async cancelSync(): Promise<void> {
    await this.sync.cancel();
  }

  // ── integrity and rebuild ───────────────────────────────────────────────────────────────────

  /** PRAGMA integrity_check and the cache's invariants, in a worker (it reads the whole file). */
  async checkIntegrity(): Promise<IntegrityResult> {
    let writer;
    try {
      writer = await startWriter(this.o.file, this.o.threaded === undefined ? {} : { threaded: this.o.threaded });
    } catch (e) {
      if (!isCorruption(e)) throw e;
      return { ok: false, checkedAt: new Date().toISOString(), tookMs: 0, problems: [`无法打开目录数据库：${(e as Error).message}`] };
    }
    try {
      return await writer.call('integrityCheck');
    } finally {
      await writer.close();
    }
  }

  /**
   * At start: after an unclean stop, check the file (in the background) and rebuild it if it is
   * damaged; a cache found unreadable at open is rebuilt at once. Never touches terminal.db.
   */
  async startupCheck(uncleanStart: boolean): Promise<void> {
    if (this.corrupt) {
      await this.rebuild();
      return;
    }
    if (!uncleanStart) return;
    const result = await this.checkIntegrity();
    if (result.ok) return;
    log.error({ problems: result.problems }, 'catalog.db failed its integrity check after an unclean stop: rebuilding');
    this.corrupt = true;
    await this.rebuild();
  }

  /**
   * Discards catalog.db and downloads every catalogue again. The institution list and barcodes
   * come back from the kept import copies (training mode seeds them after the sync).
   */
  async rebuild(): Promise<StartedSync> {
    if (this.rebuilding) return this.rebuilding;
    this.rebuilding = (async () => {
      await this.sync.cancel();
      while (this.sync.running) await new Promise((r) => setTimeout(r, 50));
      this.db.close();
      this.quarantine();
      for (const f of [this.downloadsDir]) rmSync(f, { recursive: true, force: true });
      this.db = openCatalogDb(this.o.file);
      this.searcher = new CatalogSearch(this.db);
      this.sync = this.newSync();
      for (const copy of latestSavedCopies(this.importsDir)) {
        try {
          importList(this.db, copy.kind, copy.file, { actor: 'catalog-rebuild', skipInvalid: true });
        } catch (e) {
          log.error({ err: e, file: copy.file }, 'a kept list could not be imported again after the rebuild');
        }
      }
      this.reportStatus();
      return this.startSync({ rebuild: true });
    })();
    try {
      return await this.rebuilding;
    } finally {
      this.rebuilding = undefined;
    }
  }

  // ── the institution's lists ─────────────────────────────────────────────────────────────────

  importList(kind: ListKind, file: string, options: Omit<ImportOptions, 'keepCopyIn'>): ImportReport {
    const report = importList(this.db, kind, file, { ...options, keepCopyIn: this.importsDir });
    log.info({ kind, rows: report.rows, invalid: report.invalid, unmatched: report.unmatched, imported: report.imported, actor: options.actor }, 'catalogue list import');
    return report;
  }

  /** Training mode: a first sync in the background when the cache is empty, so the counter has a catalogue. */
  ensureCatalog(): void {
    if (this.sync.running || this.totalRowsSafe() > 0 || !this.o.source()) return;
    this.startSync({}).catch((e: unknown) => log.warn({ err: isAppError(e) ? { code: e.code, detail: e.detail } : e }, 'first catalogue sync could not start'));
  }

  async close(): Promise<void> {
    await this.sync.cancel();
    while (this.sync.running) await new Promise((r) => setTimeout(r, 20));
    this.db.close();
  }
}
