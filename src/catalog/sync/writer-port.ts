// How the sync orchestrator reaches the catalogue writer and the file parser: in worker threads
// (the app: a long load never blocks the host, and parsing overlaps with inserting), or in this
// thread (tests that want it, and a build that lacks the worker file, with a warning).
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { openCatalogDb } from '@src/database/catalog-db';
import { logger } from '@src/platform/logger';
import type { ParseFileRequest } from './catalog-worker';
import { CatalogWriter } from './catalog-writer';
import { stageFile } from './file-stager';
import { RpcClient } from './rpc';
import { reviveError, type SerializedErrorShape } from './sync-errors';
import type { FileStats, WriterProgress } from './sync-types';
import type { LogMessage } from './worker-log';
import { catalogWorkerUrl } from './worker-script';

const log = logger('catalog-sync');

type Methods = Pick<
  CatalogWriter,
  'resumableRun' | 'openRun' | 'claimRun' | 'recordDownload' | 'forgetFile' | 'suspendRun' | 'endRun' | 'beginFile' | 'stageLines' | 'stageRows' | 'finishFile' | 'applyRun' | 'integrityCheck' | 'seedTrainingLists' | 'checkpoint'
>;
export type WriterMethod = keyof Methods;

export interface WriterCalls {
  call<M extends WriterMethod>(method: M, ...args: Parameters<Methods[M]>): Promise<ReturnType<Methods[M]>>;
}

export interface WriterPort extends WriterCalls {
  readonly threaded: boolean;
  onProgress(listener: (p: WriterProgress) => void): () => void;
  /** Reads one downloaded file into the staging tables (in the parser thread when threaded). */
  stageFile(request: ParseFileRequest, onRows: (rows: number, invalid: number) => void): Promise<FileStats>;
  /** Asks the parser to stop after its current batch (cancel). */
  abortParsing(): void;
  /** A new run: a cancel of the previous one no longer applies. */
  newRun(): Promise<void>;
  /** Closes the connection (rolling back anything uncommitted) and the threads. */
  close(): Promise<void>;
  /** Stops at once, mid-statement if need be (cancel during an index build). */
  kill(): Promise<void>;
}

/** Young generation for the workers: a load allocates millions of short-lived strings. */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64 };

class InProcessPort implements WriterPort {
  readonly threaded = false;
  private readonly listeners = new Set<(p: WriterProgress) => void>();
  private readonly writer: CatalogWriter;
  private controller = new AbortController();

  constructor(file: string) {
    this.writer = new CatalogWriter(openCatalogDb(file), (p) => this.listeners.forEach((l) => l(p)));
  }

  async call<M extends WriterMethod>(method: M, ...args: Parameters<Methods[M]>): Promise<ReturnType<Methods[M]>> {
    // Yield first, so a long run of calls still lets the event loop breathe between batches.
    await new Promise((r) => setImmediate(r));
    return (this.writer[method] as (...a: unknown[]) => ReturnType<Methods[M]>)(...args);
  }

  onProgress(listener: (p: WriterProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stageFile(request: ParseFileRequest, onRows: (rows: number, invalid: number) => void): Promise<FileStats> {
    return stageFile({ writer: this, ...request, signal: this.controller.signal, onRows });
  }

  abortParsing(): void {
    this.controller.abort();
  }

  async newRun(): Promise<void> {
    this.controller = new AbortController();
  }

  async close(): Promise<void> {
    this.writer.close();
  }

  async kill(): Promise<void> {
    this.writer.close();
  }
}

interface Thread {
  worker: Worker;
  rpc: RpcClient;
}

async function startThread(url: URL, workerData: Record<string, unknown>, onEvent: (name: string, payload: unknown) => void): Promise<Thread> {
  const worker = new Worker(url, { workerData, resourceLimits: RESOURCE_LIMITS });
  let ready: () => void = () => {};
  let failed: (e: Error) => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const rpc = new RpcClient(worker, (name, payload) => {
    if (name === 'ready') ready();
    else if (name === 'fatal') failed(reviveError(payload as SerializedErrorShape));
    else onEvent(name, payload);
  });
  worker.on('error', (e) => {
    rpc.fail(e);
    failed(e);
  });
  worker.on('exit', (code) => {
    const e = new Error(`catalogue worker stopped (exit ${code})`);
    rpc.fail(e);
    failed(e);
  });
  await started;
  return { worker, rpc };
}

class WorkerPort implements WriterPort {
  readonly threaded = true;
  private readonly listeners = new Set<(p: WriterProgress) => void>();
  private onRows: ((rows: number, invalid: number) => void) | undefined;
  private writer!: Thread;
  private parser: Thread | undefined;

  private constructor(private readonly url: URL) {}

  static async start(file: string, url: URL): Promise<WorkerPort> {
    const port = new WorkerPort(url);
    port.writer = await startThread(url, { role: 'writer', file }, (name, payload) => {
      if (name === 'progress') port.listeners.forEach((l) => l(payload as WriterProgress));
      else if (name === 'log') {
        const m = payload as LogMessage;
        log[m.level](m.obj, m.msg);
      }
    });
    return port;
  }

  call<M extends WriterMethod>(method: M, ...args: Parameters<Methods[M]>): Promise<ReturnType<Methods[M]>> {
    return this.writer.rpc.call(method, args);
  }

  onProgress(listener: (p: WriterProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async parserThread(): Promise<Thread> {
    this.parser ??= await startThread(this.url, { role: 'parser' }, (name, payload) => {
      if (name === 'rows') {
        const { rows, invalid } = payload as { rows: number; invalid: number };
        this.onRows?.(rows, invalid);
      }
    });
    return this.parser;
  }

  async stageFile(request: ParseFileRequest, onRows: (rows: number, invalid: number) => void): Promise<FileStats> {
    const parser = await this.parserThread();
    const { port1, port2 } = new MessageChannel();
    await this.writer.rpc.call('attachPort', [port1], [port1 as MessagePort]);
    this.onRows = onRows;
    try {
      return await parser.rpc.call<FileStats>('stageFile', [request, port2], [port2 as MessagePort]);
    } finally {
      this.onRows = undefined;
    }
  }

  abortParsing(): void {
    if (this.parser) void this.parser.rpc.call('abort', []).catch(() => {});
  }

  async newRun(): Promise<void> {
    if (this.parser) await this.parser.rpc.call('newRun', []);
  }

  async close(): Promise<void> {
    try {
      await this.writer.rpc.call('close', []);
    } catch {
      // Already gone: terminate below is all that is left to do.
    }
    await Promise.all([this.writer.worker.terminate(), this.parser?.worker.terminate()]);
  }

  async kill(): Promise<void> {
    await Promise.all([this.writer.worker.terminate(), this.parser?.worker.terminate()]);
  }
}

/**
 * A writer for catalog.db at `file`: in worker threads when the worker script is available
 * (always from source; in a build when dist/workers/catalog-worker.mjs was built), else in this
 * thread, with a warning (the app then pauses briefly during index builds).
 */
export async function startWriter(file: string, options: { threaded?: boolean } = {}): Promise<WriterPort> {
  if (options.threaded === false) return new InProcessPort(file);
  const url = catalogWorkerUrl();
  if (url) return WorkerPort.start(file, url);
  log.warn('catalogue worker script not found: syncing in the host thread');
  return new InProcessPort(file);
}
