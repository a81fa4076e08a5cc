// Resolving calls whose outcome is unknown (timeout, connection lost after sending, malformed
// answer, process ended mid-call). Used by the settlement and offline-queue code; each attempt is
// recorded in the journal, and a conclusive one resolves the entry.
//
//   query    5203 with psn_no + mdtrt_id (2207/2304): the visit's settlement, if its
//            medins_setl_id is our msgid, proves the call went through (its output is kept).
//            "No settlement" is only believed once the original call's deadline is well past
//            (a slow hub may still be committing it).
//   reverse  2601 with omsgid/oinfno (2102, 2103, 2207, 2208, 2304, 2305, 2401): whatever
//            happened is undone. 2601 is itself journaled and idempotent, so it may be repeated.
//   resend   the stored request again with the same msgid: the hub answers a repeated msgid with
//            its first answer, or processes it now — either way the outcome becomes known.
//   manual   IT staff record what the hub's help desk confirmed.
import { AppError } from '@src/common/errors';
import { decodeResponse, encodeResponse, formatRespondTime, transactions, type Infno, type TransactionSpec } from '@src/hub/protocol';
import { logger } from '@src/platform/logger';
import type { Budget } from '../budget';
import type { HubOperator } from '../client/call-options';
import type { HubClient } from '../client/hub-client';
import { HubBusinessError, HubError } from '../errors';
import type { AttemptResult, HubJournal, JournalEntry, ResolutionMethod } from '../journal/hub-journal';

const log = logger('hub-resolver');

export interface ResolveOptions {
  /** Who resolves (goes into the envelopes and the attempt record). */
  operator?: HubOperator | undefined;
  budget?: Budget | undefined;
}

export interface ResolutionReport {
  /** The entry after the attempt. */
  entry: JournalEntry;
  method: ResolutionMethod;
  result: AttemptResult;
  /** When confirmed: the original call's output (integers, as `call` would have returned it). */
  output?: unknown;
  /** Why the attempt did not conclude. */
  error?: AppError | undefined;
}

export interface ResolverOptions {
  /** "No settlement found" is trusted only this long after the original call's deadline (ms). */
  notAppliedGraceMs?: number;
  now?: () => Date;
}

export class HubOutcomeResolver {
  private readonly graceMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly client: HubClient,
    private readonly journal: HubJournal,
    options: ResolverOptions = {},
  ) {
    this.graceMs = options.notAppliedGraceMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Calls whose outcome is unknown and not yet resolved, oldest first. */
  listUnresolved(): JournalEntry[] {
    return this.journal.listUnresolved();
  }

  /** The ways `entry` can be resolved, most informative first. */
  methodsFor(entry: JournalEntry): ResolutionMethod[] {
    const spec = specOf(entry);
    const methods: ResolutionMethod[] = [];
    if (spec.queryable && entry.psnNo && entry.mdtrtId) methods.push('query');
    if (spec.reversible && entry.psnNo) methods.push('reverse');
    methods.push('resend', 'manual');
    return methods;
  }

  /** 5203: did the settlement with this msgid go through? */
  async query(journalId: number, options: ResolveOptions = {}): Promise<ResolutionReport> {
    const entry = this.unresolved(journalId);
    if (!this.methodsFor(entry).includes('query')) throw unsupported(entry, '查询（5203）');
    try {
      const r = await this.client.call('5203', { data: { psn_no: entry.psnNo as string, mdtrt_id: entry.mdtrtId as string } }, { operator: options.operator, budget: options.budget, insuplcAdmdvs: entry.insuplcAdmdvs });
      const setlinfo = r.output.setlinfo;
      if (setlinfo && setlinfo.medins_setl_id === entry.msgid) {
        const output = { setlinfo, setldetail: r.output.setldetail };
        const at = formatRespondTime(this.now());
        // Keep the learnt answer as if the original call had returned it.
        this.journal.storeLearntAnswer(journalId, r.infRefmsgid, encodeResponse(entry.infno as '2207', { infcode: 0, inf_refmsgid: r.infRefmsgid, refmsg_time: at, respond_time: at, output }));
        return this.record(journalId, { method: 'query', result: 'confirmed', msgid: r.msgid, detail: `settlement ${setlinfo.setl_id} found by 5203`, operator: options.operator?.code }, output);
      }
      const deadline = new Date(entry.deadlineAt).getTime();
      if (this.now().getTime() < deadline + this.graceMs) {
        return this.record(journalId, { method: 'query', result: 'still_unknown', msgid: r.msgid, detail: 'no settlement with this msgid yet; too soon after the call to conclude', operator: options.operator?.code });
      }
      const detail = setlinfo ? `the visit's settlement was made by another msgid (${setlinfo.medins_setl_id ?? 'none'})` : 'the visit has no settlement';
      return this.record(journalId, { method: 'query', result: 'not_applied', msgid: r.msgid, detail, operator: options.operator?.code });
    } catch (e) {
      return this.failed(journalId, 'query', e, options);
    }
  }

  /** 2601: undo whatever the call did. */
  async reverse(journalId: number, options: ResolveOptions = {}): Promise<ResolutionReport> {
    const entry = this.unresolved(journalId);
    if (!this.methodsFor(entry).includes('reverse')) throw unsupported(entry, '冲正（2601）');
    try {
      const r = await this.client.call(
        '2601',
        { data: { psn_no: entry.psnNo as string, omsgid: entry.msgid, oinfno: entry.infno } },
        { operator: options.operator, budget: options.budget, insuplcAdmdvs: entry.insuplcAdmdvs, context: reversalContext(entry.msgid) },
      );
      this.settleEarlierReversals(entry.msgid, r.msgid);
      return this.record(journalId, { method: 'reverse', result: 'reversed', msgid: r.msgid, detail: `reversed by 2601 ${r.msgid}`, operator: options.operator?.code });
    } catch (e) {
      return this.failed(journalId, 'reverse', e, options);
    }
  }

  /** Sends the stored request again with the same msgid. */
  async resend(journalId: number, options: ResolveOptions = {}): Promise<ResolutionReport> {
    const entry = this.unresolved(journalId);
    try {
      const r = await this.client.resend(journalId, { budget: options.budget, operator: options.operator });
      if (entry.infno === '2601' && entry.context?.startsWith('reversal:')) this.resolveOriginalOfReversal(entry.context.slice('reversal:'.length), entry.msgid, options);
      return this.record(journalId, { method: 'resend', result: 'confirmed', msgid: entry.msgid, detail: `answered on send ${this.journal.get(journalId)?.sends}`, operator: options.operator?.code }, r.output);
    } catch (e) {
      return this.failed(journalId, 'resend', e, options);
    }
  }

  /** Records what was confirmed by other means (the hub's help desk, the 3202 result file). */
  markManually(journalId: number, result: 'confirmed' | 'not_applied' | 'reversed', operator: string, note: string): ResolutionReport {
    this.unresolved(journalId);
    return this.record(journalId, { method: 'manual', result, detail: note, operator });
  }

  /** The decoded output of a call that went through (answered, or learnt by query/resend). */
  outputOf(journalId: number): unknown {
    const entry = this.journal.get(journalId);
    const body = this.journal.responseBody(journalId);
    if (!entry || body === undefined) return undefined;
    const decoded = decodeResponse(entry.infno as Infno, body);
    return decoded.kind === 'success' ? decoded.output : undefined;
  }

  private unresolved(journalId: number): JournalEntry {
    const entry = this.journal.get(journalId);
    if (!entry) throw new RangeError(`no journal entry ${journalId}`);
    if (!entry.unresolved) {
      throw new AppError({
        code: 'HUB_OUTCOME_KNOWN',
        message: '这笔医保交易的结果已经确定，无需再处理',
        hint: '刷新列表即可。',
        detail: `journal ${journalId} (${entry.msgid}) is ${entry.state}${entry.resolution ? `, resolved ${entry.resolution}` : ''}`,
        data: { journalId, msgid: entry.msgid },
      });
    }
    return entry;
  }

  private record(journalId: number, attempt: { method: ResolutionMethod; result: AttemptResult; msgid?: string | undefined; detail?: string | undefined; operator?: string | undefined }, output?: unknown, error?: AppError): ResolutionReport {
    this.journal.recordAttempt(journalId, attempt);
    const entry = this.journal.get(journalId) as JournalEntry;
    log.info({ journalId, msgid: entry.msgid, infno: entry.infno, method: attempt.method, result: attempt.result }, 'hub outcome resolution attempt');
    return { entry, method: attempt.method, result: attempt.result, ...(output === undefined ? {} : { output }), ...(error ? { error } : {}) };
  }

  private failed(journalId: number, method: ResolutionMethod, e: unknown, options: ResolveOptions): ResolutionReport {
    if (!(e instanceof AppError)) throw e;
    const result: AttemptResult = e instanceof HubBusinessError ? 'failed' : 'still_unknown';
    const detail = e instanceof HubError ? `${e.code}: ${e instanceof HubBusinessError ? e.errMsg : (e.detail ?? '')}` : `${e.code}: ${e.detail ?? ''}`;
    return this.record(journalId, { method, result, msgid: e instanceof HubError ? e.msgid : undefined, detail, operator: options.operator?.code }, undefined, e);
  }

  /** Earlier 2601s for the same original whose own outcome was unknown no longer matter. */
  private settleEarlierReversals(originalMsgid: string, confirmedBy: string): void {
    for (const earlier of this.journal.byContext(reversalContext(originalMsgid))) {
      if (earlier.unresolved && earlier.msgid !== confirmedBy) {
        this.journal.recordAttempt(earlier.id, { method: 'manual', result: 'confirmed', detail: `superseded: the reversal of ${originalMsgid} was confirmed by 2601 ${confirmedBy} (2601 is idempotent)` });
      }
    }
  }

  /** A resent 2601 that got its answer reverses its original. */
  private resolveOriginalOfReversal(originalMsgid: string, reversalMsgid: string, options: ResolveOptions): void {
    const original = this.journal.getByMsgid(originalMsgid);
    if (original?.unresolved) {
      this.journal.recordAttempt(original.id, { method: 'reverse', result: 'reversed', msgid: reversalMsgid, detail: `reversed by resent 2601 ${reversalMsgid}`, operator: options.operator?.code });
    }
  }
}

function reversalContext(msgid: string): string {
  return `reversal:${msgid}`;
}

function specOf(entry: JournalEntry): TransactionSpec {
  const spec = transactions[entry.infno as Infno] as unknown as TransactionSpec | undefined;
  if (!spec) throw new RangeError(`unknown infno ${entry.infno} in journal entry ${entry.id}`);
  return spec;
}

function unsupported(entry: JournalEntry, method: string): AppError {
  return new AppError({
    code: 'HUB_RESOLUTION_UNSUPPORTED',
    message: `${specOf(entry).name}不能通过${method}确认`,
    hint: '请改用重发原报文，或联系医保中心确认后手工登记结果。',
    detail: `journal ${entry.id} (${entry.infno}) cannot be resolved that way`,
  });
}
