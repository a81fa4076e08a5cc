// Virtual cards for vpcd, served from a worker thread (see vpcd-card-worker.ts for why).
// Tests insert and pull cards with it; everything in the worker dies with `stop()` or the process.
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { VirtualCardSpec } from './vpcd-card-spec';
import type { VpcdWorkerReply, VpcdWorkerRequest } from './vpcd-card-worker';

export interface VpcdCardHandle {
  /** Pulls the card; resolves with the APDUs it answered. */
  remove(): Promise<number>;
  /** APDUs answered so far. */
  apdus(): Promise<number>;
}

type Pending = { resolve(r: VpcdWorkerReply & { type: 'done' }): void; reject(e: Error): void };

export class VpcdCardThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    // From sources (tests, tsx) the worker is TypeScript: a small bootstrap registers tsx's loader
    // in the worker first (execArgv --import is not honoured for workers). Built code ships .js.
    const here = fileURLToPath(import.meta.url);
    const typescript = here.endsWith('.ts');
    const entry = here.replace(/vpcd-card-thread\.(ts|js|mjs)$/, `vpcd-card-worker.${typescript ? 'ts' : '$1'}`);
    this.worker = typescript
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`, { eval: true })
      : new Worker(entry);
    this.worker.on('message', (reply: VpcdWorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.type === 'done') p.resolve(reply);
      else p.reject(new Error(reply.message));
    });
    this.worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  /** Inserts a card into the vpcd slot listening on `port` (`pullAfterApdus`: see VpcdOptions). */
  async insert(spec: VirtualCardSpec, port: number, options: { host?: string; pullAfterApdus?: number } = {}): Promise<VpcdCardHandle> {
    const link = this.nextId++;
    await this.call({ type: 'insert', id: this.nextId++, link, port, host: options.host, spec, pullAfterApdus: options.pullAfterApdus });
    let removed: Promise<number> | null = null;
    return {
      remove: () => (removed ??= this.call({ type: 'remove', id: this.nextId++, link }).then((r) => r.apdus ?? 0)),
      apdus: () => this.call({ type: 'apdus', id: this.nextId++, link }).then((r) => r.apdus ?? 0),
    };
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private call(req: VpcdWorkerRequest): Promise<VpcdWorkerReply & { type: 'done' }> {
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.worker.postMessage(req);
    });
  }
}
