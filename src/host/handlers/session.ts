import { OK } from '@src/contract';
import type { sessionMethods } from '@src/contract/methods/session';
import { sessionOf, type DomainHandlers } from '../handler';

export function sessionHandlers(): DomainHandlers<typeof sessionMethods> {
  return {
    'session.state': (_input, { client, services }) => services.sessions.state(client.clientId),
    'session.login': (input, { client, services }) => services.sessions.login(client.clientId, input.username, input.password),
    'session.logout': async (_input, { client, services }) => {
      await services.sessions.logout(client.clientId);
      return OK;
    },
    'session.lock': (_input, { client, services }) => {
      services.sessions.lock(client.clientId);
      return OK;
    },
    'session.unlock': (input, { client, services }) => services.sessions.unlock(client.clientId, input.password),
    'session.changePassword': async (input, ctx) => {
      await ctx.services.accounts.changeOwnPassword(sessionOf(ctx).operator.id, input.current, input.next);
      return OK;
    },
  };
}
