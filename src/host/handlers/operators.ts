import { OK } from '@src/contract';
import type { operatorsMethods } from '@src/contract/methods/operators';
import { sessionOf, type DomainHandlers } from '../handler';

export function operatorsHandlers(): DomainHandlers<typeof operatorsMethods> {
  return {
    'operators.list': (_input, { services }) => services.accounts.list(),
    'operators.create': (input, ctx) => ctx.services.accounts.create(input, sessionOf(ctx).operator.username),
    'operators.resetPassword': async (input, ctx) => {
      await ctx.services.accounts.resetPassword(input.id, input.password, sessionOf(ctx).operator.username);
      return OK;
    },
    'operators.unlock': (input, ctx) => {
      ctx.services.accounts.unlock(input.id, sessionOf(ctx).operator.username);
      return OK;
    },
    'operators.setDisabled': (input, ctx) => {
      ctx.services.accounts.setDisabled(input.id, input.disabled, sessionOf(ctx).operator.username);
      return OK;
    },
  };
}
