// All handlers. The HandlerTable annotation makes the compiler list any contract method without one.
import type { HandlerTable } from '../handler';
import { auditHandlers } from './audit';
import { catalogHandlers } from './catalog';
import { configHandlers } from './config';
import { devicesHandlers } from './devices';
import { operatorsHandlers } from './operators';
import { offlineHandlers } from './offline';
import { queueHandlers } from './queue';
import { reconcileHandlers } from './reconcile';
import { reportsHandlers } from './reports';
import { sessionHandlers } from './session';
import { settlementHandlers } from './settlement';
import { systemHandlers } from './system';

export function createHandlers(): HandlerTable {
  return {
    ...sessionHandlers(),
    ...systemHandlers(),
    ...configHandlers(),
    ...operatorsHandlers(),
    ...queueHandlers(),
    ...offlineHandlers(),
    ...auditHandlers(),
    ...devicesHandlers(),
    ...catalogHandlers(),
    ...settlementHandlers(),
    ...reconcileHandlers(),
    ...reportsHandlers(),
  };
}
