// The offline queue (store-and-forward, docs/offline.md): status, items, flush, retry, resolve, export.
import { z } from 'zod';
import { Empty, method } from '../define';

export const QueueKindSchema = z.enum(['outpatient_settlement', 'reversal', 'refund', 'inpatient_fees', 'pharmacy_refund', 'inpatient_cancel']);
export const QueueStateSchema = z.enum(['queued', 'done', 'dead', 'resolved']);

export const QueueItemSchema = z.object({
  id: z.number().int(),
  kind: QueueKindSchema,
  visitKey: z.string(),
  seq: z.number().int(),
  state: QueueStateSchema,
  amountFen: z.number().int(),
  operator: z.string(),
  attempts: z.number().int(),
  failures: z.number().int(),
  /** ISO time before which it is not retried (backoff), when in the future. */
  nextAttemptAt: z.string().optional(),
  lastError: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  resolvedBy: z.string().optional(),
  /** The msgid of the settling (2207), reversing (2601), refunding (2208/2103/2305) or uploading (2301) call, fixed since the item was created. */
  msgid: z.string().optional(),
  /** 320501********0018: the patient, masked (only where the data key is available). */
  patientMasked: z.string().optional(),
  /** After forwarding: the patient's real cash share and the hub's settlement id. */
  settled: z.object({ setlId: z.string(), psnCashPayFen: z.number().int(), fundPayFen: z.number().int(), acctPayFen: z.number().int() }).optional(),
});
export type QueueItemView = z.infer<typeof QueueItemSchema>;

export const QueueSummarySchema = z.object({
  depth: z.number().int(),
  amountFen: z.number().int(),
  dead: z.number().int(),
  done: z.number().int(),
  resolved: z.number().int(),
  backingOff: z.number().int(),
  oldestQueuedAt: z.string().optional(),
  /** Who holds the drainer lease now (this app, the CLI …), if anyone. */
  flushingBy: z.string().optional(),
  flushingHere: z.boolean(),
});

export const FlushProgressSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  dead: z.number().int(),
  rate: z.number(),
  last: z.object({ id: z.number().int(), outcome: z.enum(['done', 'failed', 'dead']), error: z.string().optional() }).optional(),
});

export const FlushReportSchema = FlushProgressSchema.extend({
  stoppedBecause: z.enum(['hub_unreachable', 'lease_lost', 'aborted']).optional(),
  remaining: z.number().int(),
  durationMs: z.number().int(),
});

export const queueMethods = {
  'queue.status': method({ summary: 'Offline queue summary and who is flushing', input: Empty, output: QueueSummarySchema, access: 'signedIn' }),
  'queue.list': method({
    summary: 'Queue items, oldest first',
    input: z.object({ state: QueueStateSchema.optional(), afterId: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(QueueItemSchema),
    access: ['it_admin', 'cashier', 'pharmacist'],
  }),
  'queue.flush': method({ summary: 'Send what is due now (progress: event queue.progress)', input: Empty, output: FlushReportSchema, access: ['it_admin', 'cashier', 'pharmacist'] }),
  'queue.retry': method({ summary: 'Send a dead item again', input: z.object({ id: z.number().int() }).strict(), output: QueueItemSchema, access: ['it_admin'] }),
  'queue.resolve': method({
    summary: 'Mark a dead item as handled by other means',
    input: z.object({ id: z.number().int(), note: z.string().trim().min(2, '请说明处理方式（至少 2 个字）').max(200) }).strict(),
    output: QueueItemSchema,
    access: ['it_admin'],
  }),
  'queue.exportCsv': method({
    summary: 'The queue as CSV (no patient data)',
    input: z.object({ state: QueueStateSchema.optional() }).strict(),
    output: z.object({ filename: z.string(), csv: z.string() }),
    access: ['it_admin'],
  }),
};

export const queueEvents = {
  /** Flush progress (any process's flush started from this host). */
  'queue.progress': FlushProgressSchema.extend({ flushing: z.boolean() }),
};
