// Resolving a settle/refund whose answer was lost, at the counter, inside the chain's budget
// (docs/settlement.md, "Decision matrix"): resend the same msgid while time remains, query (5203)
// where the hub supports it, then reverse (2601); a reversal that cannot be delivered is recorded
// for the offline queue. The caller learns one of: settled (with the output), reversed,
// notApplied, pendingReversal — and the steps taken, in Chinese, for the cashier.
import { AppError } from '@src/common/errors';
import { Budget } from '@src/hub/budget';
import type { CallResult } from '@src/hub/client/call-options';
import { HubError } from '@src/hub/errors';
import type { Hub } from '@src/hub/hub';
import { transactions, type Infno, type TransactionSpec } from '@src/hub/protocol';
import { logger } from '@src/platform/logger';
import type { Chain } from '../chain';
import type { PendingReversals } from '../store/pending-reversals';

const log = logger('settlement-resolution');

/** Time kept back from the settle call itself so a lost answer can still be resolved. */
export const RESOLUTION_RESERVE_MS = 2500;
/** A reversal may overrun the budget by this much: an unreversed possible charge is worse. */
export const REVERSAL_GRACE_MS = 2000;
const MIN_RESEND_MS = 1200;
const MIN_QUERY_MS = 800;

export type Resolved<O> =
  | { result: 'settled'; output: O; msgid: string; journalId: number | undefined; steps: string[]; warnMsg?: string | undefined }
  | { result: 'reversed' | 'notApplied' | 'pendingReversal'; msgid: string; journalId: number | undefined; steps: string[] };

export interface SettleCallArgs<O> {
  hub: Hub;
  chain: Chain;
  pending: PendingReversals;
  /** The reserved msgid the call is sent with. */
  msgid: string;
  /** Settlement record the pending reversal should update. */
  settlementId: number | undefined;
  /** Makes the call with the given budget. */
  call: (budget: Budget) => Promise<CallResult<O>>;
}

/** Sends the call and, when its outcome is unknown, resolves it. Refusals and not-sent errors propagate. */
export async function settleWithResolution<O>(a: SettleCallArgs<O>): Promise<Resolved<O>> {
  const callBudget = a.chain.budget.child(Math.max(1000, a.chain.budget.remainingMs() - RESOLUTION_RESERVE_MS));
  try {
    const r = await a.call(callBudget);
    return { result: 'settled', output: r.output, msgid: r.msgid, journalId: r.journalId, steps: [], warnMsg: r.warnMsg };
  } catch (e) {
    if (!(e instanceof HubError) || e.outcome !== 'unknown') throw e;
    log.warn({ msgid: a.msgid, code: e.code }, 'settle outcome unknown: resolving');
    return resolveUnknown(a, `${e.message}`);
  }
}

/** The counter column of the decision matrix for a journaled call whose outcome is unknown. */
export async function resolveUnknown<O>(a: Omit<SettleCallArgs<O>, 'call'>, why: string): Promise<Resolved<O>> {
  const { hub, chain } = a;
  const entry = hub.journal.getByMsgid(a.msgid);
  if (!entry) throw new AppError({ code: 'SETTLEMENT_JOURNAL_MISSING', message: '找不到这笔交易的日志记录', hint: '请联系信息科。', detail: `no journal entry for ${a.msgid}` });
  const steps: string[] = [`医保中心未明确应答（${why}）`];
  const operator = chain.operator;
  const spec = transactions[entry.infno as Infno] as unknown as TransactionSpec;

  // 1. Resend the same msgid: a hub that committed answers the first result; one that never got
  //    it processes it now. Either way the outcome becomes known.
  for (let i = 0; i < 2 && chain.budget.remainingMs() > MIN_RESEND_MS; i++) {
    chain.step('resend');
    const r = await hub.resolver.resend(entry.id, { operator, budget: chain.budget.child(chain.budget.remainingMs() - 600) });
    if (r.result === 'confirmed') {
      steps.push('按原报文号重发，取得结算结果');
      return { result: 'settled', output: r.output as O, msgid: a.msgid, journalId: entry.id, steps };
    }
    steps.push('重发未取得结果');
    if (r.result === 'failed') break;
  }

  // 2. Query (5203) where the hub can tell (2207/2304).
  if (spec.queryable && entry.psnNo && entry.mdtrtId && chain.budget.remainingMs() > MIN_QUERY_MS) {
    chain.step('query');
    const r = await hub.resolver.query(entry.id, { operator, budget: chain.budget.child() });
    if (r.result === 'confirmed') {
      steps.push('查询（5203）确认已结算');
      return { result: 'settled', output: r.output as O, msgid: a.msgid, journalId: entry.id, steps };
    }
    if (r.result === 'not_applied') {
      steps.push('查询（5203）确认未结算');
      return { result: 'notApplied', msgid: a.msgid, journalId: entry.id, steps };
    }
    steps.push('查询未能确定结果');
  }

  // 3. Reverse whatever happened (2601).
  return reverseOrQueue(a, entry.id, steps);
}

export async function reverseOrQueue<O>(a: Omit<SettleCallArgs<O>, 'call'>, journalId: number, steps: string[]): Promise<Resolved<O>> {
  const { hub, chain } = a;
  const entry = hub.journal.get(journalId);
  if (!entry) throw new RangeError(`no journal entry ${journalId}`);
  chain.step('reverse');
  const budget = Budget.start(Math.max(chain.budget.remainingMs(), 0) + REVERSAL_GRACE_MS);
  const r = await hub.resolver.reverse(journalId, { operator: chain.operator, budget });
  if (r.result === 'reversed') {
    steps.push('已自动冲正（2601）');
    return { result: 'reversed', msgid: a.msgid, journalId, steps };
  }
  const lastError = r.error?.detail ?? r.error?.message ?? r.result;
  a.pending.add(hub.journal.get(journalId) ?? entry, a.settlementId, lastError);
  steps.push('冲正暂未送达，已登记待冲正');
  return { result: 'pendingReversal', msgid: a.msgid, journalId, steps };
}

/**
 * A settlement the hub answered (journal 'ok') with figures that break the identities: 2601 it at
 * once (the resolver only handles unknown outcomes, so the reversal is sent directly, journaled
 * under the same `reversal:<msgid>` context).
 */
export async function reverseAnswered(hub: Hub, chain: Chain, original: { msgid: string; infno: string; psnNo: string; insuplcAdmdvs: string }): Promise<boolean> {
  chain.step('reverse');
  try {
    await hub.reverse(
      { data: { psn_no: original.psnNo, omsgid: original.msgid, oinfno: original.infno } },
      { operator: chain.operator, budget: Budget.start(chain.budget.remainingMs() + REVERSAL_GRACE_MS), insuplcAdmdvs: original.insuplcAdmdvs, context: `reversal:${original.msgid}` },
    );
    return true;
  } catch (e) {
    log.error({ msgid: original.msgid, err: e instanceof AppError ? e.code : String(e) }, 'reversal of an inconsistent settlement failed');
    return false;
  }
}
