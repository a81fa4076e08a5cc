// All handlers. The HandlerTable annotation makes the compiler list any contract method without one.
import type { HandlerTable } from '../handler';
import { auditHandlers } from './audit';
import { catalogHandlers } from './catalog';
import { configHandlers } from './config';
import { devicesHandlers } from './devices';
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
    ...devicesHandlers(),
    ...catalogHandlers(),
  };
}
