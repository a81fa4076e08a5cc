// All handlers. The HandlerTable annotation makes the compiler list any contract method without one.
import type { HandlerTable } from '../handler';
import { auditHandlers } from './audit';
import { configHandlers } from './config';
import { operatorsHandlers } from './operators';
import { sessionHandlers } from './session';
import { systemHandlers } from './system';

export function createHandlers(): HandlerTable {
  return {
    ...sessionHandlers(),
    ...systemHandlers(),
    ...configHandlers(),
    ...operatorsHandlers(),
    ...auditHandlers(),
  };
}
