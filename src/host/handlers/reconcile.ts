import type { reconcileMethods } from '@src/contract/methods/reconcile';
import type { Actor } from '@src/reconcile/reconciler';
import { sessionOf, type DomainHandlers, type HandlerContext } from '../handler';

/** The signed-in operator as the audit trail and the hub envelopes name them. */
export function actorOf(ctx: HandlerContext): Actor {
  const s = sessionOf(ctx);
  return { auditName: s.operator.username, hub: { code: s.operator.username, name: s.operator.displayName, signNo: s.signNo } };
}

export function reconcileHandlers(): DomainHandlers<typeof reconcileMethods> {
  return {
    'reconcile.run': (input, ctx) => ctx.services.reconcile.run(input, actorOf(ctx)),
    'reconcile.runs': (input, { services }) => services.reconcile.runs(input.limit),
    'reconcile.get': (input, { services }) => services.reconcile.view(input.runId),
    'reconcile.resolve': (input, ctx) => ctx.services.reconcile.resolve(input, actorOf(ctx)),
    'reconcile.clearingPreview': (input, { services }) => services.reconcile.clearingPreview(input.setlym, input.clrType),
    'reconcile.clearingApply': (input, ctx) => ctx.services.reconcile.applyClearing(input.setlym, input.clrType, actorOf(ctx)),
    'reconcile.clearingCancel': (input, ctx) => ctx.services.reconcile.cancelClearing(input.id, actorOf(ctx)),
    'reconcile.clearings': (_input, { services }) => services.reconcile.clearings(),
  };
}
