// What settlement needs from the offline queue (services.queue satisfies it): refunds and
// inpatient fee uploads made while the hub is unreachable are queued there and finished in the
// transaction that marks the queue item done (docs/offline.md, "Offline refunds and fee uploads").
import type { QueueOperator } from '@src/queue/queue-payloads';

export interface QueuedItemRef {
  id: number;
  uid: string;
  kind: string;
  visitKey: string;
  msgids: Record<string, string>;
  operator: string;
}

/** The queue kinds settlement creates: the three refunds (2208/2103/2305) and fee uploads (2301). */
export type QueuedSettlementKind = 'refund' | 'pharmacy_refund' | 'inpatient_cancel' | 'inpatient_fees';

export interface OfflineQueuePort {
  enqueue(r: { kind: QueuedSettlementKind; visitKey: string; payload: unknown; amountFen: number; operator: string }): QueuedItemRef;
  /** Runs in the transaction that marks an item done. */
  onCompleted(hook: (item: QueuedItemRef, result: unknown) => void): () => void;
  /** Items of this key still waiting (queued, or dead until IT retries/resolves them). */
  openCount(visitKey: string): number;
}

/** 2208/2103/2305/2301 items settlement queues: the single-call payload plus what finishing needs. */
export interface QueuedCallPayload {
  operator: QueueOperator;
  infno: '2208' | '2103' | '2305' | '2301';
  insuplcAdmdvs: string;
  input: unknown;
  /** Settlement's own reference: the record refunded, or the stay and its prepared lines. */
  ref: { recordId: number; reason: string } | { stayId: number; lines: unknown[] };
}

export const refundKey = (recordId: number): string => `settlement:${recordId}`;
export const stayKey = (stayId: number): string => `stay:${stayId}`;

/** The number on the slip and the screens (as 延时结算's): LX-<terminal>-<item id>. */
export const queueNo = (terminalId: string, itemId: number): string => `LX-${terminalId}-${String(itemId).padStart(6, '0')}`;
