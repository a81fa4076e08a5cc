// What a caller tells the hub client about one call.
import type { Budget } from '../budget';

/** Who the call is made for: goes into opter/opter_name/sign_no of the envelope. */
export interface HubOperator {
  /** 经办人 code (the operator's user name). */
  code: string;
  /** 经办人姓名 */
  name: string;
  /** sign_no from this operator's 9001; when absent, the one the client remembers for `code`. */
  signNo?: string | undefined;
}

export interface CallOptions {
  /** Default: the terminal itself (opter = terminalId), for system calls such as catalogue sync. */
  operator?: HubOperator | undefined;
  /** 参保地医保区划 from 1101 for the chosen insutype; required when the input names a psn_no. */
  insuplcAdmdvs?: string | undefined;
  /** Deadline; default: a fresh budget of config.timeouts.callTimeoutMs. Pass the settlement's budget to share it. */
  budget?: Budget | undefined;
  /**
   * Journal context of a call with side effects, e.g. "settlement:42" (lets the caller find it
   * after a crash). It is stored and logged readable: local ids only, never names or ID numbers.
   */
  context?: string | undefined;
  /**
   * Offline queue (src/queue): a msgid reserved earlier with `hub.msgids.next()`, for a call with
   * side effects that must keep its msgid from the moment the queued item was created. Only for
   * the first send: once the journal holds this msgid, send it again with `resend(journalId)`.
   */
  msgid?: string | undefined;
}

export interface CallResult<O> {
  output: O;
  msgid: string;
  infRefmsgid: string;
  warnMsg?: string | undefined;
  /** The successful attempt's round trip, ms. */
  latencyMs: number;
  /** Attempts made (queries may retry). */
  attempts: number;
  /** Journal entry of a call with side effects. */
  journalId?: number | undefined;
  /** What is left of the budget after the call, ms. */
  remainingMs: number;
}

/** What the monitor learns from every attempt. */
export interface CallObservation {
  infno: string;
  /** The hub answered (successfully or with a refusal). */
  answered: boolean;
  latencyMs?: number | undefined;
  error?: Error | undefined;
}
