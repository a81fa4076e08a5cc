// What the offline queue holds and how an item looks from outside (no patient data here: the
// payload stays sealed in the store and is opened only by the drainer that sends it).

/**
 * outpatient_settlement: a whole offline visit (2201→2203→2204→2206→2207); the others are one
 * journaled call each: refund (2208 outpatient), pharmacy_refund (2103), inpatient_cancel (2305).
 */
export type QueueKind = 'outpatient_settlement' | 'reversal' | 'refund' | 'inpatient_fees' | 'pharmacy_refund' | 'inpatient_cancel';

/** queued: waiting (maybe backing off); done: the hub confirmed it; dead: needs IT (hub's reason kept); resolved: IT closed it by hand. */
export type QueueState = 'queued' | 'done' | 'dead' | 'resolved';

export const QUEUE_KINDS: readonly QueueKind[] = ['outpatient_settlement', 'reversal', 'refund', 'inpatient_fees', 'pharmacy_refund', 'inpatient_cancel'];

/** The calls with side effects of each kind, in order: each gets its msgid when the item is created. */
export const EFFECT_STEPS: Record<QueueKind, readonly string[]> = {
  outpatient_settlement: ['2201', '2203', '2204', '2207'],
  reversal: ['2601'],
  refund: ['2208'],
  inpatient_fees: ['2301'],
  pharmacy_refund: ['2103'],
  inpatient_cancel: ['2305'],
};

export interface QueueItem {
  id: number;
  uid: string;
  kind: QueueKind;
  /** Items with the same key go strictly in seq order (a local visit id, never patient data). */
  visitKey: string;
  seq: number;
  state: QueueState;
  /** infno → msgid, fixed since the item was created. */
  msgids: Record<string, string>;
  amountFen: number;
  /** Operator (user name) who created the item: the envelope's 经办人. */
  operator: string;
  /** Times it was tried. */
  attempts: number;
  /** Failures that count towards the dead-letter limit (the hub answered, but not with success). */
  failures: number;
  /** Epoch ms before which it is not retried (backoff). */
  nextAttemptAt: number;
  claimedBy?: string | undefined;
  claimExpiresAt?: number | undefined;
  /** The hub's reason (err_msg) or what went wrong, ID numbers masked. */
  lastError?: string | undefined;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string | undefined;
  resolvedBy?: string | undefined;
}

export interface QueueSummary {
  /** Items still to send (queued). */
  depth: number;
  /** Their amounts, fen. */
  amountFen: number;
  dead: number;
  done: number;
  resolved: number;
  /** Items waiting for their backoff to pass. */
  backingOff: number;
  oldestQueuedAt?: string | undefined;
}

/** Progress of a flush, for the progress bar (CLI) and the IT screen (event queue.progress). */
export interface FlushProgress {
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  dead: number;
  /** Items per second so far. */
  rate: number;
  last?: { id: number; outcome: 'done' | 'failed' | 'dead'; error?: string | undefined } | undefined;
}

export interface FlushReport extends FlushProgress {
  /** Why it ended before the queue was empty, if it did. */
  stoppedBecause?: 'hub_unreachable' | 'lease_lost' | 'aborted' | undefined;
  remaining: number;
  durationMs: number;
}
