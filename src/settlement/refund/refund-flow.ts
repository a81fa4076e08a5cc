// Refund of a settlement (2208 outpatient, 2103 pharmacy, 2305 inpatient) with the operator's
// reason. Role rule: cashiers refund outpatient and inpatient settlements, pharmacists pharmacy
// ones. A lost answer is resolved like a settlement: resend, then 2601 of the refund (the
// settlement then stays valid).
import { AppError } from '@src/common/errors';
import type { SettlementRecord } from '@src/contract/methods/settlement';
import type { Infno } from '@src/hub/protocol';
import { figuresOf, identityError, identityViolations } from '../figures';
import { reverseAnswered, settleWithResolution } from '../resolution/settle-resolution';
import type { SettleOutput } from '../settle-finish';
import { refundKey } from '../queued/offline-queue-port';
import { startChain, type CounterOperator, type SettlementContext } from '../settlement-context';

export const REFUND_INFNO = { outpatient: '2208', pharmacy: '2103', inpatient: '2305' } as const satisfies Record<string, Infno>;

/** The record, if this operator may refund it now (role rule, state, no refund waiting in the offline queue). */
export function refundableRecord(ctx: SettlementContext, op: CounterOperator, id: number): SettlementRecord {
  const rec = ctx.store.record(id);
  if (!rec) throw new AppError({ code: 'SETTLEMENT_NOT_FOUND', message: '找不到该结算记录', hint: '请刷新后重试。' });
  const allowed = rec.kind === 'pharmacy' ? op.role === 'pharmacist' : op.role === 'cashier';
  if (!allowed) {
    throw new AppError({ code: 'SETTLEMENT_ROLE', message: rec.kind === 'pharmacy' ? '药店结算只能由药师退费' : '门诊、住院结算只能由收款员退费', hint: '请由对应岗位的操作员登录后办理。' });
  }
  if (rec.state !== 'settled') throw new AppError({ code: 'SETTLEMENT_NOT_REFUNDABLE', message: `该结算当前状态不能退费（${rec.note}）`, hint: '只有已结算的记录可以退费。' });
  // Offline queue (issue 8 follow-up): a refund already waiting there must not be sent a second time.
  if ((ctx.queue?.openCount(refundKey(id)) ?? 0) > 0) {
    throw new AppError({ code: 'SETTLEMENT_REFUND_QUEUED', message: '该结算的退费已在离线队列中等待上传', hint: '医保中心恢复后会自动上传，请勿重复退费；进度见“离线队列”。' });
  }
  return rec;
}

export async function refundSettlement(ctx: SettlementContext, op: CounterOperator, input: { operationId?: string | undefined; id: number; reason: string }): Promise<{ record: SettlementRecord; message: string; hint?: string }> {
  const { hub, store } = ctx;
  const rec = refundableRecord(ctx, op, input.id);
  const infno = REFUND_INFNO[rec.kind];
  const chain = startChain(ctx, 'refund', op, input.operationId);
  chain.step('refund');
  const msgid = hub.msgids.next();
  const data = { setl_id: rec.setlId, mdtrt_id: rec.mdtrtId, psn_no: rec.psnNo };
  const resolved = await settleWithResolution<SettleOutput>({
    hub,
    chain,
    pending: ctx.pending,
    msgid,
    settlementId: undefined,
    call: (budget) => {
      const opts = { operator: chain.operator, budget, insuplcAdmdvs: rec.insuredArea, context: `refund:${rec.id}`, msgid };
      if (infno === '2208') return hub.cancelOutpatientSettlement({ data }, opts);
      if (infno === '2103') return hub.cancelPharmacySettlement({ data }, opts);
      return hub.cancelInpatientSettlement({ data }, opts);
    },
  });
  chain.done();
  if (resolved.result === 'settled') {
    const out = resolved.output.setlinfo;
    const broken = identityViolations(out);
    if (broken.length > 0) {
      // Committed at the hub with figures that do not add up: undo the refund rather than store it.
      const reversed = await reverseAnswered(hub, chain, { msgid: resolved.msgid, infno, psnNo: rec.psnNo, insuplcAdmdvs: rec.insuredArea });
      ctx.audit.append({ action: 'settlement.refundIdentityBroken', operator: op.code, subject: rec.setlId, details: { msgid: resolved.msgid, broken, reversed } });
      if (!reversed) throw identityError('退费', broken.join('; '));
      return { record: rec, message: '医保中心返回的退费金额不一致，已自动冲正退费，原结算仍有效', hint: '请重新退费；如仍出现，请联系信息科。' };
    }
    const figures = figuresOf(out);
    store.recordRefund(rec.id, { setlId: out.setl_id, msgid: resolved.msgid, journalId: resolved.journalId, operator: op.code, reason: input.reason, figures });
    ctx.audit.append({
      action: 'settlement.refunded',
      operator: op.code,
      subject: rec.setlId,
      details: { kind: rec.kind, setlId: rec.setlId, refundSetlId: out.setl_id, msgid: resolved.msgid, medfee: figures.medfee_sumamt, fund: figures.fund_pay_sumamt, account: figures.acct_pay, cash: figures.psn_cash_pay, reason: input.reason },
    });
    if (rec.kind === 'inpatient') store.releaseStayLines(rec.id);
    return { record: store.record(rec.id)!, message: '退费成功' };
  }
  ctx.audit.append({ action: 'settlement.refundUnresolved', operator: op.code, subject: rec.setlId, details: { msgid: resolved.msgid, result: resolved.result } });
  if (resolved.result === 'pendingReversal') {
    return { record: rec, message: '退费结果未知，冲正退费暂未送达，已登记待冲正', hint: '原结算仍按有效处理；请勿退还现金，网络恢复并冲正后再重新退费。' };
  }
  return { record: rec, message: '退费结果未知，已自动冲正退费，原结算仍有效', hint: '请重新退费。' };
}
