// Settlement handlers (docs/settlement.md): thin adapters from the contract to services.settlement.
import { AppError } from '@src/common/errors';
import { OK } from '@src/contract';
import type { settlementMethods } from '@src/contract/methods/settlement';
import type { CounterOperator } from '@src/settlement/settlement-context';
import type { SettlementService } from '@src/settlement/settlement-service';
import { sessionOf, type DomainHandlers, type HandlerContext } from '../handler';

function counterOperator(ctx: HandlerContext): CounterOperator {
  const s = sessionOf(ctx);
  const clientId = ctx.client.clientId;
  return {
    code: s.operator.username,
    name: s.operator.displayName,
    signNo: s.signNo,
    role: s.operator.role,
    clientId,
    progress: (p) => ctx.services.events.emit('settlement.progress', p, clientId),
  };
}

function settlement(ctx: HandlerContext): SettlementService {
  const s = ctx.services.settlement;
  if (!s) throw new AppError({ code: 'SETTLEMENT_UNAVAILABLE', message: '结算服务未启动', hint: '请重新启动程序；如仍出现，请联系信息科（yikatong doctor）。' });
  return s;
}

export function settlementHandlers(): DomainHandlers<typeof settlementMethods> {
  return {
    'patient.identify': (input, ctx) => settlement(ctx).identify(counterOperator(ctx), input),
    'outpatient.preSettle': (input, ctx) => settlement(ctx).outpatientPreSettle(counterOperator(ctx), input),
    'outpatient.settle': (input, ctx) => settlement(ctx).outpatientSettle(counterOperator(ctx), input),
    'outpatient.cancel': async (input, ctx) => {
      await settlement(ctx).outpatientCancel(counterOperator(ctx), input);
      return OK;
    },
    'pharmacy.preSettle': (input, ctx) => settlement(ctx).pharmacyPreSettle(counterOperator(ctx), input),
    'pharmacy.settle': (input, ctx) => settlement(ctx).pharmacySettle(counterOperator(ctx), input),
    'pharmacy.discard': (input, ctx) => {
      settlement(ctx).pharmacyDiscard(input.draftId);
      return OK;
    },
    'inpatient.admit': (input, ctx) => settlement(ctx).inpatientFlow().admit(counterOperator(ctx), input),
    'inpatient.list': (input, ctx) => settlement(ctx).inpatient.list(input.includeClosed),
    'inpatient.get': (input, ctx) => settlement(ctx).inpatient.detail(input.stayId),
    'inpatient.uploadFees': (input, ctx) => settlement(ctx).inpatientFlow().uploadFees(counterOperator(ctx), input),
    'inpatient.queueFees': (input, ctx) => settlement(ctx).inpatientFlow().queueFees(counterOperator(ctx), input),
    'inpatient.cancelFees': (input, ctx) => settlement(ctx).inpatientFlow().cancelFees(counterOperator(ctx), input),
    'inpatient.discharge': (input, ctx) => settlement(ctx).inpatientFlow().discharge(counterOperator(ctx), input),
    'inpatient.cancelDischarge': (input, ctx) => settlement(ctx).inpatientFlow().cancelDischarge(counterOperator(ctx), input),
    'inpatient.cancelAdmission': (input, ctx) => settlement(ctx).inpatientFlow().cancelAdmission(counterOperator(ctx), input),
    'inpatient.preSettle': (input, ctx) => settlement(ctx).inpatientFlow().preSettle(counterOperator(ctx), input),
    'inpatient.settle': (input, ctx) => settlement(ctx).inpatientFlow().settle(counterOperator(ctx), input),
    'settlements.search': (input, ctx) => {
      const r = settlement(ctx).store.search(input);
      return { rows: r.rows.map(({ funds: _f, ...row }) => row), truncated: r.truncated };
    },
    'settlements.get': (input, ctx) => {
      const s = settlement(ctx);
      const record = s.store.record(input.id);
      if (!record) throw new AppError({ code: 'SETTLEMENT_NOT_FOUND', message: '找不到该结算记录', hint: '请刷新后重试。' });
      return { record, lines: s.store.recordLines(input.id) };
    },
    'settlements.refund': (input, ctx) => settlement(ctx).refund(counterOperator(ctx), input),
    'settlements.queueRefund': (input, ctx) => settlement(ctx).queueRefund(counterOperator(ctx), input),
    'settlements.receipt': (input, ctx) => settlement(ctx).receipt(input.id, input.paper, input.refund),
    'settlements.receiptPdf': (input, ctx) => settlement(ctx).receiptPdf(input.id, input.paper, input.refund),
    'settlements.print': (input, ctx) => settlement(ctx).print(input.id, input.paper, input.refund, input.copies),
    'settlements.recovery': (_input, ctx) => {
      const s = settlement(ctx);
      const st = s.recovery.state();
      return { running: st.running, ...(st.startedAt ? { startedAt: st.startedAt } : {}), ...(st.finishedAt ? { finishedAt: st.finishedAt } : {}), outcomes: s.outcomes.unacknowledged(), pendingReversals: s.pending.countPending() };
    },
    'settlements.acknowledgeRecovery': (input, ctx) => {
      settlement(ctx).outcomes.acknowledge(input.ids);
      ctx.services.audit.append({ action: 'settlement.recoveryAcknowledged', operator: sessionOf(ctx).operator.username, details: { ids: input.ids } });
      return OK;
    },
    'settlements.pendingReversals': (_input, ctx) => settlement(ctx).pending.listAll().map((p) => ({ id: p.id, msgid: p.omsgid, infno: p.oinfno, state: p.state, attempts: p.attempts, createdAt: p.createdAt, lastError: p.lastError })),
  };
}
