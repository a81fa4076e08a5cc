// What an executor gets to send one queued item: the item's reserved msgids wired to the hub
// journal, so every attempt is the same request.
import type { TxInput, TxOutput } from '@src/hub/protocol';
import type { QueueItem } from '../queue-types';
import type { QueueOperator } from '../queue-payloads';

export interface ExecContext {
  item: QueueItem;
  /** The item's payload (opened from the store). */
  payload: unknown;
  /**
   * A call with side effects under the item's reserved msgid for `infno`: the journal's answer if
   * the hub already answered it, a resend (same msgid, same bytes) if it may have been sent, else
   * the first send of `build()`'s input. The hub's refusal ends the item (dead-letter).
   */
  effect<K extends QueueEffectInfno>(infno: K, build: () => TxInput<K>, options: EffectOptions): Promise<TxOutput<K>>;
  /** A query (no side effects; the client retries it). */
  query<K extends QueueQueryInfno>(infno: K, input: TxInput<K>, options: { operator: QueueOperator; insuplcAdmdvs?: string | undefined }): Promise<TxOutput<K>>;
}

export interface EffectOptions {
  operator: QueueOperator;
  insuplcAdmdvs: string;
  /** Journal context; default `queue:<item id>`. */
  context?: string | undefined;
  /** Runs only when the call is sent for the first time (e.g. 2206 before 2207: its split goes into the input). */
  beforeFirstSend?: (() => Promise<void>) | undefined;
}

export type QueueEffectInfno = '2201' | '2203' | '2204' | '2207' | '2601' | '2208' | '2103' | '2305' | '2301';
export type QueueQueryInfno = '1101' | '2206';

/** Sends one item; resolves with its result (kept sealed), rejects with the failure. */
export type Executor = (ctx: ExecContext) => Promise<unknown>;
