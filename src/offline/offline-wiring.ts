// What the host calls at start: the offline-settlement service on top of the queue.
import type { TerminalConfig } from '@src/contract/config';
import type { Db } from '@src/platform/db/open';
import type { ReceiptPrinter } from '@src/settlement/receipts/receipt-printer';
import { printTextDocument, type OfflinePrint } from './offline-printing';
import type { QueueService } from '@src/queue/queue-service';
import type { AreaParams } from './offline-policy';
import { OfflineSettlements, type Sealer } from './offline-settlements';

export function offlinePrinting(printer: ReceiptPrinter | undefined, config: () => TerminalConfig): OfflinePrint {
  return (doc, o) => printTextDocument(printer, config(), doc, o);
}

export function startOfflineService(w: { db: Db; queue: QueueService; sealed: () => Sealer; config: () => TerminalConfig; seedParams?: readonly AreaParams[] | undefined; printer?: ReceiptPrinter | undefined }): OfflineSettlements {
  const offline = new OfflineSettlements({
    db: w.db,
    queue: w.queue,
    sealer: w.sealed,
    terminalId: () => w.config().terminal.terminalId,
    institution: () => ({ name: w.config().institution.name, level: w.config().institution.level ?? '3' }),
    print: offlinePrinting(w.printer, w.config),
  });
  // Training mode: the estimate's parameters come from the training hub's policies (kept if IT changed them).
  if (w.seedParams) offline.putAreaParams(w.seedParams, { onlyIfMissing: true });
  return offline;
}
