import type { auditMethods } from '@src/contract/methods/audit';
import type { DomainHandlers } from '../handler';

export function auditHandlers(): DomainHandlers<typeof auditMethods> {
  return {
    'audit.list': (input, { services }) => services.audit.list(input),
    'audit.verify': (_input, { services }) => services.audit.verify(),
  };
}
