// Every transaction the training hub answers, by infno (9102 is streamed by the call pipeline).
import { catalogHandlers } from './catalog';
import { dictionaryHandlers } from './dictionary';
import { fileHandlers } from './files';
import type { HandlerMap } from './handler';
import { inpatientHandlers } from './inpatient';
import { outpatientHandlers } from './outpatient';
import { personHandlers } from './person';
import { pharmacyHandlers } from './pharmacy';
import { queryHandlers } from './queries';
import { reconcileHandlers } from './reconcile';
import { reversalHandlers } from './reversal';
import { signHandlers } from './sign';

export const HANDLERS: HandlerMap = {
  ...signHandlers,
  ...personHandlers,
  ...outpatientHandlers,
  ...pharmacyHandlers,
  ...inpatientHandlers,
  ...reversalHandlers,
  ...queryHandlers,
  ...catalogHandlers,
  ...dictionaryHandlers,
  ...fileHandlers,
  ...reconcileHandlers,
};
