// The offline queue for the IT screen, the cashier's status and the CLI (docs/offline.md).
import { maskCardNumber, maskIdNumber } from '@src/common/mask';
import type { QueueItemView, queueMethods } from '@src/contract/methods/queue';
import type { OutpatientSettlementPayload, OutpatientSettlementResult } from '@src/queue/queue-payloads';
import type { QueueService } from '@src/queue/queue-service';
import type { QueueItem } from '@src/queue/queue-types';
import type { DomainHandlers } from '../handler';
import { sessionOf } from '../handler';

export function queueHandlers(): DomainHandlers<typeof queueMethods> {
  return {
    'queue.status': (_input, { services }) => {
      const lease = services.queue.lease.info();
      const held = lease.owner !== undefined && lease.expiresAt >= Date.now();
      return { ...services.queue.summary(), flushingBy: held ? lease.owner : undefined, flushingHere: services.queue.drainer.flushing };
    },
    'queue.list': (input, { services }) => services.queue.store.list(input).map((i) => viewOf(services.queue, i)),
    // Asked for by a person: items backing off go now too (the automatic flush respects backoff).
    'queue.flush': async (_input, { services }) => services.queue.flush(undefined, { ignoreBackoff: true }),
    // Retry, resolve and export are audited by the queue service (the CLI's too).
    'queue.retry': (input, ctx) => viewOf(ctx.services.queue, ctx.services.queue.retry(input.id, sessionOf(ctx).operator.username)),
    'queue.resolve': (input, ctx) => viewOf(ctx.services.queue, ctx.services.queue.resolve(input.id, sessionOf(ctx).operator.username, input.note)),
    'queue.exportCsv': (input, ctx) => ({ filename: `offline-queue-${new Date().toISOString().slice(0, 10)}.csv`, csv: ctx.services.queue.exportCsv(input, sessionOf(ctx).operator.username) }),
  };
}

/** An item for screens: no patient data beyond the masked ID number (when the key is available). */
export function viewOf(queue: QueueService, i: QueueItem): QueueItemView {
  let patientMasked: string | undefined;
  let settled: QueueItemView['settled'];
  try {
    if (i.kind === 'outpatient_settlement') {
      const cert = queue.store.payloadOf<OutpatientSettlementPayload>(i).cert;
      // A 社保卡 number (03) is not an ID number: masked as a card number.
      patientMasked = cert.type === '03' ? maskCardNumber(cert.no) : maskIdNumber(cert.no);
      const r = i.state === 'done' ? queue.store.resultOf<OutpatientSettlementResult>(i) : undefined;
      if (r) settled = { setlId: r.setlId, psnCashPayFen: r.psnCashPay, fundPayFen: r.fundPaySumamt, acctPayFen: r.acctPay };
    }
  } catch {
    // Data key not available here (CLI beside the desktop shell): the list works without it.
  }
  return {
    id: i.id,
    kind: i.kind,
    visitKey: i.visitKey,
    seq: i.seq,
    state: i.state,
    amountFen: i.amountFen,
    operator: i.operator,
    attempts: i.attempts,
    failures: i.failures,
    nextAttemptAt: i.nextAttemptAt > Date.now() ? new Date(i.nextAttemptAt).toISOString() : undefined,
    lastError: i.lastError,
    createdAt: i.createdAt,
    finishedAt: i.finishedAt,
    resolvedBy: i.resolvedBy,
    msgid: i.msgids['2207'] ?? i.msgids['2601'] ?? i.msgids['2208'] ?? i.msgids['2103'] ?? i.msgids['2305'] ?? i.msgids['2301'],
    patientMasked,
    settled,
  };
}
