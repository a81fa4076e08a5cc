// The catalogue cache (src/catalog, docs/catalog.md): look-ups for every signed-in operator;
// sync, cancel, integrity and rebuild for IT admins (the contract's access lists enforce it).
import type { catalogMethods } from '@src/contract/methods/catalog';
import { OK } from '@src/contract/define';
import type { DomainHandlers } from '../handler';
import { sessionOf } from '../handler';

export function catalogHandlers(): DomainHandlers<typeof catalogMethods> {
  return {
    'catalog.search': (input, { services }) => services.catalog.search(input),
    'catalog.lookup': (input, { services }) => services.catalog.lookup(input.code, input.infno),
    'catalog.byBarcode': (input, { services }) => services.catalog.byBarcode(input.barcode),
    'catalog.localLookup': (input, { services }) => services.catalog.localLookup(input.medinsListCodg),
    'catalog.status': (_input, { services }) => services.catalog.status(),
    'catalog.sync': async (input, ctx) => {
      const { runId, resumed } = await ctx.services.catalog.startSync({ ...(input.only ? { only: input.only } : {}), full: input.full });
      ctx.services.audit.append({ action: 'catalog.sync', operator: sessionOf(ctx).operator.username, details: { runId, resumed, only: input.only ?? 'all', full: input.full } });
      return { runId, resumed };
    },
    'catalog.cancelSync': async (_input, { services }) => {
      await services.catalog.cancelSync();
      return OK;
    },
    'catalog.checkIntegrity': (_input, { services }) => services.catalog.checkIntegrity(),
    'catalog.rebuild': async (_input, ctx) => {
      const { runId, resumed } = await ctx.services.catalog.rebuild();
      ctx.services.audit.append({ action: 'catalog.rebuild', operator: sessionOf(ctx).operator.username, details: { runId } });
      return { runId, resumed };
    },
  };
}
