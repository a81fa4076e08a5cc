// The catalogue's worker threads, one script with two roles (so a build ships one worker file,
// dist/workers/catalog-worker.mjs):
//   writer  owns a connection to catalog.db and answers CatalogWriter calls, from the host and
//           from the parser over a MessageChannel (so rows never pass through the host thread)
//   parser  reads downloaded files (unzip, decode, lines) and streams their lines to the writer,
//           which parses, validates and stages them (file-stager.ts says why the work is split so)
// A sync of 1.5 million rows thus keeps both cores busy and leaves the host's event loop free.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openCatalogDb } from '@src/database/catalog-db';
import type { CatalogInfno } from '../catalog-kinds';
import { CatalogWriter } from './catalog-writer';
import { stageFile } from './file-stager';
import { postEvent, RpcClient, serveRpc } from './rpc';
import { serializeError } from './sync-errors';
import type { FileStats } from './sync-types';
import { forwardingLogger } from './worker-log';

const port = parentPort!;
const { role, file } = workerData as { role: 'writer' | 'parser'; file?: string };

export interface ParseFileRequest {
  runId: number;
  infno: CatalogInfno;
  path: string;
  announcedRows: number | null;
}

function startWriter(dbFile: string): void {
  const writer = new CatalogWriter(
    openCatalogDb(dbFile),
    (p) => postEvent(port, 'progress', p),
    forwardingLogger((m) => postEvent(port, 'log', m)),
  );
  const facade = Object.assign(Object.create(writer) as CatalogWriter, {
    /** Serves writer calls on another port (the parser's channel). */
    attachPort(p: MessagePort): true {
      serveRpc(p, facade);
      return true;
    },
  });
  serveRpc(port, facade);
}

class ParserService {
  private controller = new AbortController();

  /** A new run: a cancel of the previous one no longer applies. */
  newRun(): true {
    this.controller = new AbortController();
    return true;
  }

  abort(): true {
    this.controller.abort();
    return true;
  }

  async stageFile(request: ParseFileRequest, writerPort: MessagePort): Promise<FileStats> {
    const client = new RpcClient(writerPort);
    let last = 0;
    try {
      return await stageFile({
        writer: { call: (method, ...args) => client.call(method, args) },
        ...request,
        signal: this.controller.signal,
        onRows: (rows, invalid) => {
          const now = performance.now();
          if (now - last < 100) return;
          last = now;
          postEvent(port, 'rows', { rows, invalid });
        },
      });
    } finally {
      client.detach();
      writerPort.close();
    }
  }
}

try {
  if (role === 'writer') startWriter(file!);
  else serveRpc(port, new ParserService());
  postEvent(port, 'ready', null);
} catch (e) {
  postEvent(port, 'fatal', serializeError(e));
}
