// A refund asked for while the hub cannot be reached — outpatient (2208), pharmacy (2103) or an
// inpatient settlement's cancellation (2305): queued, and recorded as refunded in the transaction
// that marks the queue item done. Only after a refund that was not
// sent — never after an unknown outcome (that refund belongs to the journal's resolution: its
// 2208 may have been booked, and a second one would be a new request).
import { AppError } from '@src/common/errors';
import type { SettlementRecord } from '@src/contract/methods/settlement';
import type { Db } from '@src/platform/db/open';
import type { SettleOutput } from '../settle-finish';
import { figuresOf, identityViolations } from '../figures';
import { REFUND_INFNO, refundableRecord } from '../refund/refund-flow';
import type { CounterOperator, SettlementContext } from '../settlement-context';
import { queueNo, refundKey, type QueuedCallPayload, type QueuedItemRef, type QueuedSettlementKind } from './offline-queue-port';

/** The queue kind of each settlement kind's refund (docs/offline.md, "Offline refunds and fee uploads"). */
export const REFUND_QUEUE_KIND = { outpatient: 'refund', pharmacy: 'pharmacy_refund', inpatient: 'inpatient_cancel' } as const satisfies Record<SettlementRecord['kind'], QueuedSettlementKind>;

/** Queue kinds whose completion is a refund of a settlement record. */
export const isRefundQueueKind = (kind: string): boolean => Object.values(REFUND_QUEUE_KIND).includes(kind as never);

export interface QueuedWork {
  itemId: number;
  queueNo: string;
  message: string;
  hint: string;
}

/** Journal states after which the refund's outcome is not known (or it happened). */
const UNSETTLED = new Set(['pending', 'unknown', 'ok']);

export function queueRefund(ctx: SettlementContext, db: Db, op: CounterOperator, input: { id: number; reason: string }): { record: SettlementRecord; queued: QueuedWork } {
  const queue = ctx.queue;
  if (!queue) throw new AppError({ code: 'QUEUE_UNAVAILABLE', message: '离线队列不可用', hint: '请在医保中心恢复后重新退费。' });
  // Same role rule and state checks as an online refund (pharmacists: pharmacy; cashiers: the rest).
  const rec = refundableRecord(ctx, op, input.id);
  const infno = REFUND_INFNO[rec.kind];
  const kind = REFUND_QUEUE_KIND[rec.kind];
  const open = ctx.hub.journal.byContext(`refund:${rec.id}`).find((e) => UNSETTLED.has(e.state) && e.resolution === undefined);
  if (open) {
    throw new AppError({
      code: 'SETTLEMENT_REFUND_UNKNOWN',
      message: '上一次退费结果未知，不能离线排队',
      hint: `请先在“交易日志/恢复”中确认报文号 ${open.msgid} 的结果（重发、查询或冲正），再决定是否重新退费。`,
    });
  }
  const payload: QueuedCallPayload = {
    operator: { code: op.code, name: op.name },
    infno,
    insuplcAdmdvs: rec.insuredArea,
    input: { data: { setl_id: rec.setlId, mdtrt_id: rec.mdtrtId, psn_no: rec.psnNo } },
    ref: { recordId: rec.id, reason: input.reason },
  };
  const no = (id: number) => queueNo(ctx.config().terminal.terminalId, id);
  const item = db.transaction(() => {
    const added = queue.enqueue({ kind, visitKey: refundKey(rec.id), payload, amountFen: rec.figures?.medfee_sumamt ?? 0, operator: op.code });
    ctx.store.setNote(rec.id, `退费已离线排队（${no(added.id)}）`);
    ctx.audit.append({ action: 'settlement.refundQueued', operator: op.code, subject: rec.setlId, details: { kind: rec.kind, setlId: rec.setlId, queueItemId: added.id, msgid: added.msgids[infno], reason: input.reason } });
    return added;
  }).immediate();
  return {
    record: ctx.store.record(rec.id)!,
    queued: {
      itemId: item.id,
      queueNo: no(item.id),
      message: `退费已加入离线队列（${no(item.id)}）`,
      hint: '医保中心恢复后自动上传，上传成功后该记录显示“已退费”。上传前请勿退还医保部分，也不要重复办理退费；进度可在“离线队列”查看。',
    },
  };
}

/** Runs in the transaction that marks the item done: the record becomes refunded with the hub's figures. */
export function finishQueuedRefund(ctx: SettlementContext, item: QueuedItemRef, p: QueuedCallPayload, result: unknown): void {
  if (!('recordId' in p.ref)) return;
  const rec = ctx.store.record(p.ref.recordId);
  if (!rec || rec.state !== 'settled') return;
  const out = (result as { output: SettleOutput }).output.setlinfo;
  const msgid = item.msgids[p.infno]!;
  const broken = identityViolations(out);
  // The hub booked it: the refund is recorded as the hub answered; a broken identity goes to IT.
  if (broken.length > 0) ctx.audit.append({ action: 'settlement.refundIdentityBroken', operator: item.operator, subject: rec.setlId, details: { msgid, broken, via: 'queue' } });
  const figures = figuresOf(out);
  ctx.store.recordRefund(rec.id, { setlId: out.setl_id, msgid, journalId: ctx.hub.journal.getByMsgid(msgid)?.id, operator: item.operator, reason: p.ref.reason, figures });
  ctx.audit.append({
    action: 'settlement.refunded',
    operator: item.operator,
    subject: rec.setlId,
    details: { kind: rec.kind, setlId: rec.setlId, refundSetlId: out.setl_id, msgid, medfee: figures.medfee_sumamt, fund: figures.fund_pay_sumamt, account: figures.acct_pay, cash: figures.psn_cash_pay, reason: p.ref.reason, via: 'queue', queueItemId: item.id },
  });
  // As after an online cancellation: the stay's lines are free for a new settlement.
  if (rec.kind === 'inpatient') ctx.store.releaseStayLines(rec.id);
}
