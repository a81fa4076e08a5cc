// The end of every settle call (2207/2304/2102): check the identities, store the record, audit,
// and say in plain words what happened (docs/settlement.md, "Decision matrix").
import type { SettleResult, SettlementKind } from '@src/contract/methods/settlement';
import type { FeeResult, PreSetlInfo, SetlDetail } from '@src/hub/protocol';
import type { Chain } from './chain';
import { figuresOf, fundLinesOf, identityViolations, lineSplitsOf, type SentLine } from './figures';
import { reverseAnswered, type Resolved } from './resolution/settle-resolution';
import type { SettlementContext } from './settlement-context';
import type { SettlementRecord } from '@src/contract/methods/settlement-schemas';

export interface SettleOutput {
  setlinfo: PreSetlInfo & { setl_id: string };
  setldetail: SetlDetail[];
  detlcutinfo?: FeeResult[];
}

export interface FinishArgs {
  kind: SettlementKind;
  recordId: number;
  infno: string;
  psnNo: string;
  insuplcAdmdvs: string;
  /** Lines as sent, to join with the hub's split (pharmacy: detlcutinfo; others: the upload results). */
  sentLines: SentLine[];
  /** The hub's split of the lines when it came with the upload (2204/2301). */
  uploadResults: FeeResult[];
}

export const SETTLE_MESSAGES = {
  settled: '结算成功',
  reversed: { message: '结算结果未知，已自动冲正，未扣费', hint: '请重新结算。' },
  notApplied: { message: '医保中心确认本次结算未生效，未扣费', hint: '请重新结算。' },
  pendingReversal: {
    message: '结算结果未知，冲正暂未送达医保中心，已登记待冲正',
    hint: '请勿向患者收取本次费用，也不要立即重复结算；网络恢复后系统会自动冲正，之后可重新结算。',
  },
  identity: { message: '医保中心返回的结算金额不一致，已自动冲正，未扣费', hint: '请重新结算；如仍出现，请联系信息科。' },
  identityUnreversed: { message: '医保中心返回的结算金额不一致，且冲正未成功', hint: '请勿收费，立即联系信息科核对这笔结算（见报文号）。' },
} as const;

export async function finishSettle(ctx: SettlementContext, chain: Chain, a: FinishArgs, resolved: Resolved<SettleOutput>): Promise<SettleResult> {
  const { store, audit } = ctx;
  const op = chain.operator.code;
  const result = (outcome: SettleResult['outcome'], record: SettlementRecord, message: string, hint?: string): SettleResult => ({
    outcome,
    settlement: record,
    message,
    ...(hint ? { hint } : {}),
    resolution: resolved.steps,
    remainingMs: chain.remainingMs(),
  });

  if (resolved.result === 'settled') {
    const out = resolved.output;
    const broken = identityViolations(out.setlinfo);
    if (broken.length > 0) {
      const reversed = await reverseAnswered(ctx.hub, chain, { msgid: resolved.msgid, infno: a.infno, psnNo: a.psnNo, insuplcAdmdvs: a.insuplcAdmdvs });
      const m = reversed ? SETTLE_MESSAGES.identity : SETTLE_MESSAGES.identityUnreversed;
      store.completeRecord(a.recordId, { state: reversed ? 'reversed' : 'unknown', setlId: out.setlinfo.setl_id, note: `${m.message}（${broken.join('; ')}）` });
      audit.append({ action: reversed ? 'settlement.reversed' : 'settlement.identityBroken', operator: op, subject: out.setlinfo.setl_id, details: { msgid: resolved.msgid, broken } });
      chain.done();
      return result(reversed ? 'reversed' : 'pendingReversal', store.record(a.recordId)!, m.message, m.hint);
    }
    const figures = figuresOf(out.setlinfo);
    const lines = lineSplitsOf(a.sentLines, out.detlcutinfo && out.detlcutinfo.length > 0 ? out.detlcutinfo : a.uploadResults);
    store.completeRecord(a.recordId, { state: 'settled', setlId: out.setlinfo.setl_id, figures, funds: fundLinesOf(out.setldetail), lines, note: resolved.steps.length > 0 ? `结算成功（${resolved.steps.join('，')}）` : '结算成功' });
    audit.append({
      action: 'settlement.settled',
      operator: op,
      subject: out.setlinfo.setl_id,
      details: { kind: a.kind, msgid: resolved.msgid, setlId: out.setlinfo.setl_id, medfee: figures.medfee_sumamt, fund: figures.fund_pay_sumamt, account: figures.acct_pay, cash: figures.psn_cash_pay, resolved: resolved.steps.length > 0 },
    });
    chain.done();
    return result('settled', store.record(a.recordId)!, SETTLE_MESSAGES.settled);
  }

  const m = SETTLE_MESSAGES[resolved.result];
  const state = resolved.result === 'pendingReversal' ? 'pendingReversal' : 'reversed';
  store.completeRecord(a.recordId, { state, note: `${m.message}（${resolved.steps.join('，')}）` });
  audit.append({ action: resolved.result === 'pendingReversal' ? 'settlement.pendingReversal' : 'settlement.reversed', operator: op, subject: resolved.msgid, details: { kind: a.kind, msgid: resolved.msgid, result: resolved.result } });
  chain.done();
  return result(resolved.result, store.record(a.recordId)!, m.message, m.hint);
}
