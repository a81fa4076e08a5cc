// A sync from the hub, end to end (docs/catalog.md, "Sync"):
//   plan      per catalogue, the local version: '' → the whole catalogue (a full run), else the
//             changes since it (an incremental run). A request with both makes two runs.
//   download  13xx prepares a file, 9102 downloads it to <data>/catalog-downloads (sha-256 kept)
//   stage     the file is parsed here and staged by the writer (worker thread)
//   apply     swap (full) or upsert (incremental), in one transaction
// An interruption (crash, kill, a damaged file) leaves the run resumable: the next sync with the
// same plan reuses the downloaded files and the staged ones; a cancel or a different plan rolls
// it back (staging dropped, downloads deleted). The live catalogue is untouched until apply.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, isAppError } from '@src/common/errors';
import type { SyncProgress } from '@src/contract/methods/catalog';
import type { Db } from '@src/platform/db/open';
import { logger } from '@src/platform/logger';
import { CATALOG_INFNOS, type CatalogInfno } from '../catalog-kinds';
import type { TrainingBarcodeSample } from '../local/training-lists';
import type { CatalogSource, PreparedFile } from './catalog-source';
import { ProgressTracker } from './sync-progress';
import { serializeError, syncBusy, syncCancelled } from './sync-errors';
import type { PlannedFile, ResumableRun, RunKind, RunResult, SyncFileState, SyncRequest } from './sync-types';
import { startWriter, type WriterPort } from './writer-port';

const log = logger('catalog-sync');

export interface CatalogSyncOptions {
  /** The host's connection (reads catalog_state to plan). */
  db: Db;
  dbFile: string;
  downloadsDir: string;
  /** The hub (or a training source); undefined when none is configured. */
  source: () => CatalogSource | undefined;
  /** Run the writer in a worker thread (default) or in this thread. */
  threaded?: boolean;
  /** Training mode: seed barcodes and the training hospital's list after each sync. */
  trainingLists?: boolean;
  /** Training mode: the training scanner's sample codes, mapped to catalogue drugs by name. */
  trainingBarcodeSamples?: readonly TrainingBarcodeSample[];
  onProgress?: (p: SyncProgress) => void;
}

export interface SyncOutcome {
  resumed: boolean;
  runs: RunResult[];
  trainingLists?: { barcodes: number; localItems: number };
}

export interface StartedSync {
  runId: number;
  resumed: boolean;
  done: Promise<SyncOutcome>;
}

/** Problems with one file (not with the run): the file is forgotten so the next attempt downloads it again. */
const FILE_PROBLEMS = new Set(['CATALOG_FILE_CORRUPT', 'CATALOG_FILE_FORMAT', 'CATALOG_TOO_MANY_INVALID_ROWS', 'CATALOG_FILE_INCOMPLETE']);

function samePart(run: ResumableRun, kind: RunKind, files: PlannedFile[]): boolean {
  if (run.kind !== kind || run.files.length !== files.length) return false;
  return files.every((f) => run.files.some((r) => r.infno === f.infno && r.full === f.full && r.fromVersion === f.fromVersion));
}

function noSource(): AppError {
  return new AppError({ code: 'CATALOG_NO_SOURCE', message: '未连接医保中心，无法同步目录', hint: '请检查医保中心地址和网络（系统设置），或稍后再试；现有目录可继续使用。' });
}

interface ActiveSync {
  controller: AbortController;
  tracker?: ProgressTracker;
  writer?: WriterPort;
  /** In the writer's apply (index build or swap): a cancel must stop the writer thread. */
  applying: boolean;
}

export class CatalogSync {
  private active: ActiveSync | undefined;
  private lastProgress: SyncProgress | undefined;

  constructor(private readonly o: CatalogSyncOptions) {}

  get running(): boolean {
    return this.active !== undefined;
  }

  progress(): SyncProgress | undefined {
    return this.active ? this.lastProgress : undefined;
  }

  /** What a sync with this request would do, catalogue by catalogue. */
  plan(request: SyncRequest): PlannedFile[] {
    const versions = new Map((this.o.db.prepare('SELECT infno, version FROM catalog_state').all() as { infno: string; version: string }[]).map((r) => [r.infno, r.version]));
    const infnos = request.only && request.only.length > 0 ? CATALOG_INFNOS.filter((i) => request.only!.includes(i)) : CATALOG_INFNOS;
    return infnos.map((infno) => {
      const version = versions.get(infno) ?? '';
      const full = request.full === true || version === '';
      return { infno, full, fromVersion: full ? '' : version };
    });
  }

  /** Starts a sync in the background; resolves once its first run is open (its id known). */
  async start(request: SyncRequest = {}): Promise<StartedSync> {
    if (this.active) throw syncBusy('a sync is already running in this process');
    if (!this.o.source()) throw noSource();
    const controller = new AbortController();
    const active: ActiveSync = { controller, applying: false };
    this.active = active;
    let opened: (v: { runId: number; resumed: boolean }) => void = () => {};
    let failedToOpen: (e: unknown) => void = () => {};
    const openedPromise = new Promise<{ runId: number; resumed: boolean }>((resolve, reject) => {
      opened = resolve;
      failedToOpen = reject;
    });
    const done = this.execute(request, active, opened).finally(() => {
      if (this.active === active) this.active = undefined;
    });
    done.catch((e) => failedToOpen(e));
    const { runId, resumed } = await openedPromise;
    return { runId, resumed, done };
  }

  /** Stops the running sync; the live catalogue stays as it was and the run is rolled back. */
  async cancel(): Promise<void> {
    const a = this.active;
    if (!a) return;
    a.controller.abort();
    a.writer?.abortParsing();
    // An index build cannot be interrupted from outside: stop the writer thread (SQLite rolls back).
    if (a.applying && a.writer?.threaded) await a.writer.kill();
  }

  private async execute(request: SyncRequest, active: ActiveSync, opened: (v: { runId: number; resumed: boolean }) => void): Promise<SyncOutcome> {
    const writer = await startWriter(this.o.dbFile, this.o.threaded === undefined ? {} : { threaded: this.o.threaded });
    active.writer = writer;
    const offProgress = writer.onProgress((p) => active.tracker?.apply(p.fraction, p.message, p.phase));
    try {
      const plan = this.plan(request);
      const parts = (['full', 'incremental'] as const).map((kind) => ({ kind, files: plan.filter((f) => f.full === (kind === 'full')) })).filter((p) => p.files.length > 0);
      let resumable = await writer.call('resumableRun');
      const resumeAt = resumable ? parts.findIndex((p) => samePart(resumable!, p.kind, p.files)) : -1;
      if (resumeAt > 0) parts.unshift(...parts.splice(resumeAt, 1));
      const runs: RunResult[] = [];
      let resumed = false;
      for (const [i, part] of parts.entries()) {
        let runId: number;
        let files: SyncFileState[];
        if (resumable && i === 0 && resumeAt >= 0) {
          await writer.call('claimRun', resumable.runId);
          ({ runId, files } = resumable);
          resumed = true;
        } else {
          if (resumable) {
            await writer.call('endRun', resumable.runId, 'abandoned');
            this.deleteDownloads(resumable.files);
          }
          runId = await writer.call('openRun', request, part.kind, part.files);
          files = part.files.map((f, seq) => ({ ...f, seq, state: 'planned', fileQueryNo: null, announcedRows: null, path: null, bytes: null, sha256: null }));
        }
        resumable = undefined;
        if (i === 0) opened({ runId, resumed });
        runs.push(await this.executeRun(writer, runId, files, active));
      }
      let trainingLists: SyncOutcome['trainingLists'];
      if (this.o.trainingLists) trainingLists = await writer.call('seedTrainingLists', [...(this.o.trainingBarcodeSamples ?? [])]);
      return { resumed, runs, ...(trainingLists ? { trainingLists } : {}) };
    } finally {
      offProgress();
      await writer.close().catch(() => {});
      // The hub source signs the terminal out (it signed in at its first request).
      await this.o.source()?.close?.().catch((e: unknown) => log.warn({ err: e }, 'catalogue source did not close cleanly'));
    }
  }

  private async executeRun(writer: WriterPort, runId: number, files: SyncFileState[], active: ActiveSync): Promise<RunResult> {
    const signal = active.controller.signal;
    const tracker = new ProgressTracker(runId, (p) => {
      this.lastProgress = p;
      this.o.onProgress?.(p);
    });
    active.tracker = tracker;
    tracker.update('planning', '正在向医保中心申请目录文件');
    try {
      for (const f of files) {
        if (signal.aborted) throw syncCancelled();
        if (f.state === 'downloaded' && !(await this.downloadIntact(f))) {
          await writer.call('forgetFile', runId, f.infno);
          f.state = 'planned';
        }
        if (f.state === 'planned') await this.fetch(writer, runId, f, tracker, signal);
      }
      const announced = files.map((f) => f.announcedRows);
      tracker.setTotal(announced.every((n) => n !== null) ? announced.reduce((s, n) => s + (n ?? 0), 0) : undefined);
      for (const f of files) if (f.state === 'staged') tracker.addDone(f.announcedRows ?? 0);

      await writer.newRun();
      for (const f of files) {
        if (f.state !== 'downloaded') continue;
        tracker.update('staging', `正在读取${f.full ? '' : '变更：'}目录 ${f.infno}`, f.infno);
        try {
          const stats = await writer.stageFile({ runId, infno: f.infno, path: f.path!, announcedRows: f.announcedRows }, (r, inv) => tracker.rows(r, inv));
          tracker.rows(stats.rows, stats.invalid);
        } catch (e) {
          if (isAppError(e) && FILE_PROBLEMS.has(e.code)) {
            await writer.call('forgetFile', runId, f.infno);
            rmSync(f.path!, { force: true });
          }
          throw e;
        }
        tracker.fileDone();
        f.state = 'staged';
      }

      if (signal.aborted) throw syncCancelled();
      active.applying = true;
      tracker.update('indexing', '正在建立索引');
      const result = await writer.call('applyRun', runId);
      active.applying = false;
      this.deleteDownloads(files);
      tracker.update('done', '目录同步完成');
      log.info({ runId, tookMs: result.tookMs, files: result.files.map((f) => ({ infno: f.infno, rows: f.rows, invalid: f.invalid })) }, 'catalog sync finished');
      return result;
    } catch (e) {
      active.applying = false;
      const cancelled = signal.aborted;
      const error = cancelled ? syncCancelled() : e;
      await this.settleFailedRun(writer, runId, files, cancelled, error);
      if (cancelled) tracker.end('cancelled', '目录同步已取消');
      else tracker.end('failed', `目录同步失败：${isAppError(error) ? error.message : '终端内部错误'}`, isAppError(error) ? error.toJSON() : { code: 'INTERNAL', message: '终端内部错误', hint: '请重试；如仍失败，请联系信息科。' });
      throw error;
    }
  }

  /** Cancelled: rolled back. Failed: kept resumable. A killed writer is replaced to record it. */
  private async settleFailedRun(writer: WriterPort, runId: number, files: SyncFileState[], cancelled: boolean, error: unknown): Promise<void> {
    let w = writer;
    try {
      await w.call('checkpoint');
    } catch {
      w = await startWriter(this.o.dbFile, this.o.threaded === undefined ? {} : { threaded: this.o.threaded });
    }
    try {
      if (cancelled) {
        await w.call('endRun', runId, 'cancelled', serializeError(error));
        this.deleteDownloads(files);
      } else {
        await w.call('suspendRun', runId, serializeError(error));
      }
    } catch (e) {
      log.error({ err: e, runId }, 'could not record the end of a failed catalogue sync');
    } finally {
      if (w !== writer) await w.close().catch(() => {});
    }
    log.warn({ runId, cancelled, err: isAppError(error) ? { code: error.code, detail: error.detail } : error }, 'catalog sync stopped');
  }

  private async fetch(writer: WriterPort, runId: number, f: SyncFileState, tracker: ProgressTracker, signal: AbortSignal): Promise<void> {
    const source = this.o.source();
    if (!source) throw noSource();
    tracker.update('downloading', `正在申请目录 ${f.infno} 的文件`, f.infno);
    const prepared = await source.prepare(f.infno, f.fromVersion, signal);
    f.announcedRows = prepared.rows;
    if (prepared.rows === 0) {
      if (f.full && this.liveRows(f.infno) > 0) {
        throw new AppError({
          code: 'CATALOG_EMPTY_FULL_FILE',
          message: `医保中心返回的目录 ${f.infno} 为空，未替换本地目录`,
          hint: '可能是中心暂时故障。现有目录保持不变；请稍后再同步。',
        });
      }
      // Nothing new: no download; the file counts as staged with no rows.
      await writer.call('beginFile', runId, f.infno);
      await writer.call('finishFile', runId, f.infno, { rows: 0, invalid: 0, samples: [], toVersion: '' });
      f.state = 'staged';
      return;
    }
    const file = await this.download(source, f.infno, runId, prepared, tracker, signal);
    await writer.call('recordDownload', runId, f.infno, { fileQueryNo: prepared.fileQueryNo, announcedRows: prepared.rows, ...file });
    Object.assign(f, { state: 'downloaded', fileQueryNo: prepared.fileQueryNo, ...file });
  }

  private async download(source: CatalogSource, infno: CatalogInfno, runId: number, prepared: PreparedFile, tracker: ProgressTracker, signal: AbortSignal): Promise<{ path: string; bytes: number; sha256: string }> {
    mkdirSync(this.o.downloadsDir, { recursive: true });
    const target = path.join(this.o.downloadsDir, `${runId}-${infno}.zip`);
    const part = `${target}.part`;
    const hash = createHash('sha256');
    let bytes = 0;
    let lastShown = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        bytes += chunk.length;
        if (bytes - lastShown > 4 << 20) {
          lastShown = bytes;
          tracker.update('downloading', `正在下载目录 ${infno}（${Math.round(bytes / 1048576)} MB）`, infno, false);
        }
        cb(null, chunk);
      },
    });
    const out = createWriteStream(part);
    try {
      await pipeline(await source.download(infno, prepared, signal), count, out, { signal });
    } catch (e) {
      // The file may still be opening when the pipeline is aborted: delete it only once it is closed.
      out.destroy();
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      rmSync(part, { force: true });
      if (signal.aborted) throw syncCancelled();
      throw e;
    }
    renameSync(part, target);
    return { path: target, bytes, sha256: hash.digest('hex') };
  }

  /** A download from an interrupted run is reused only if it is still there, whole (size and sha-256). */
  private async downloadIntact(f: SyncFileState): Promise<boolean> {
    if (!f.path || !f.sha256 || f.bytes === null || !existsSync(f.path)) return false;
    if (statSync(f.path).size !== f.bytes) return false;
    const hash = createHash('sha256');
    await pipeline(createReadStream(f.path), hash);
    return hash.digest('hex') === f.sha256;
  }

  private liveRows(infno: CatalogInfno): number {
    return Number(this.o.db.prepare('SELECT row_count FROM catalog_state WHERE infno = ?').pluck().get(infno) ?? 0);
  }

  private deleteDownloads(files: readonly { path: string | null }[]): void {
    for (const f of files) if (f.path) rmSync(f.path, { force: true });
  }
}
