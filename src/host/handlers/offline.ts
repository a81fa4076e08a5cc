// 延时结算 at the counter and the 差额 list (docs/offline.md). Fee lines are classed from the cached
// catalogue (甲/乙/丙, self-pay ratio, price cap) before the estimate.
import { AppError } from '@src/common/errors';
import type { offlineMethods } from '@src/contract/methods/offline';
import type { OfflineLine } from '@src/offline/offline-settlements';
import type { DomainHandlers, HandlerContext } from '../handler';
import { sessionOf } from '../handler';
import type { Services } from '../services';

type LineInput = { code: string; localCode?: string | undefined; price: number; quantity: number; hospApprFlag?: '0' | '1' | undefined };

/** Classes each line from the catalogue cache; an unknown code is refused (the hub would refuse it too). */
export function classedLines(services: Services, lines: readonly LineInput[]): OfflineLine[] {
  return lines.map((l) => {
    const item = services.catalog.lookup(l.code);
    if (!item) {
      throw new AppError({ code: 'OFFLINE_UNKNOWN_ITEM', message: `目录中没有编码 ${l.code}`, hint: '请核对编码，或在目录中搜索后再录入；目录需在联网时更新。', data: { code: l.code } });
    }
    return { code: item.code, localCode: l.localCode, name: item.name, price: l.price, quantity: l.quantity, hospApprFlag: l.hospApprFlag, chargeClass: item.chargeClass, selfpayProp: item.selfpayProp, priceCap: item.priceCap };
  });
}

function operatorOf(ctx: HandlerContext): { code: string; name: string } {
  const s = sessionOf(ctx);
  return { code: s.operator.username, name: s.operator.displayName };
}

export function offlineHandlers(): DomainHandlers<typeof offlineMethods> {
  return {
    'offline.policy': (_i, { services }) => services.offline.policy(),
    'offline.setPolicy': (input, ctx) => {
      const p = ctx.services.offline.setPolicy(input, operatorOf(ctx).code);
      ctx.services.audit.append({ action: 'offline.policyChanged', operator: operatorOf(ctx).code, details: { ...p } });
      return p;
    },
    'offline.areaParams': (_i, { services }) => services.offline.areaParams(),
    'offline.setAreaParams': (input, ctx) => {
      const changed = ctx.services.offline.putAreaParams(input.params);
      ctx.services.audit.append({ action: 'offline.areaParamsChanged', operator: operatorOf(ctx).code, details: { changed } });
      return { changed };
    },
    'offline.quote': (input, { services }) => {
      const q = services.offline.quote({ ...input, lines: classedLines(services, input.lines) });
      return { ...q, allowed: q.limit.allowed, reason: q.limit.allowed ? undefined : q.limit.reason };
    },
    'offline.settle': (input, ctx) => {
      const op = operatorOf(ctx);
      const r = ctx.services.offline.settle({ ...input, lines: classedLines(ctx.services, input.lines) }, op);
      ctx.services.audit.append({
        action: 'offline.settled',
        operator: op.code,
        subject: r.settlement.queueNo,
        details: { queueItemId: r.settlement.queueItemId, medfeeFen: r.settlement.medfeeFen, collectedFen: r.settlement.collectedFen, estimatePsnFen: r.settlement.estimatePsnFen },
      });
      return { ...r, quote: { ...r.quote, allowed: true } };
    },
    'offline.selfPay': (input, ctx) => {
      const r = ctx.services.offline.selfPay({ lines: classedLines(ctx.services, input.lines) }, input.reason);
      ctx.services.audit.append({ action: 'offline.selfPay', operator: operatorOf(ctx).code, details: { totalFen: r.totalFen, reason: input.reason } });
      return { ...r, documents: [...r.documents] };
    },
    'offline.print': (input, ctx) => ctx.services.offline.print(input.receipt, { operator: operatorOf(ctx).name, copies: input.copies }),
    'offline.list': (input, { services }) => services.offline.list(input),
    'offline.differences': (input, { services }) => services.offline.differences(input),
    'offline.closeDifference': (input, ctx) => {
      const op = operatorOf(ctx);
      const r = ctx.services.offline.closeDifference(input.id, op.code);
      ctx.services.audit.append({ action: 'offline.differenceClosed', operator: op.code, subject: r.difference.receiptNo, details: { kind: r.difference.kind, amountFen: r.difference.amountFen, queueNo: r.difference.queueNo } });
      return r;
    },
  };
}
