// What the host calls at start: the queue service, its status-bar part and — in the app, not the
// CLI — the automatic flush when the hub comes back online (the hub monitor's state) and a
// periodic one while items are due (backoffs running out).
import type { AuditLog } from '@src/audit/audit-log';
import type { Hub } from '@src/hub/hub';
import type { Db } from '@src/platform/db/open';
import type { StatusBoard } from '@src/status/status-board';
import { QueueService } from './queue-service';
import type { QueueSealer } from './queue-store';
import type { FlushProgress } from './queue-types';

export const AUTO_FLUSH_INTERVAL_MS = 30_000;

export interface QueueWiring {
  db: Db;
  hub: Hub;
  sealed: () => QueueSealer;
  status: StatusBoard;
  emitProgress: (p: FlushProgress & { flushing: boolean }) => void;
  role: 'app' | 'tool';
  /** The audit trail: items queued, forwarded, dead-lettered; IT's retry/resolve/export. */
  audit?: AuditLog | undefined;
  onClose: (fn: () => void) => void;
}

export function startQueueService(w: QueueWiring): QueueService {
  const queue = new QueueService({ db: w.db, hub: w.hub, sealer: w.sealed, reportStatus: (q) => w.status.setQueue(q), onProgress: w.emitProgress, audit: w.audit });
  queue.refreshStatus(false);
  if (w.role === 'app') {
    const off = w.status.onChange((s) => queue.setHubOnline(s.hub.state === 'online'));
    queue.setHubOnline(w.status.get().hub.state === 'online');
    queue.startAutoFlush(AUTO_FLUSH_INTERVAL_MS);
    w.onClose(() => {
      off();
      queue.stop();
    });
  }
  return queue;
}
