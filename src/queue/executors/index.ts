import type { QueueKind } from '../queue-types';
import type { Executor } from './executor';
import { sendOutpatientSettlement } from './outpatient-settlement';
import { sendReversal, sendSingleCall } from './single-call';

export const EXECUTORS: Record<QueueKind, Executor> = {
  outpatient_settlement: sendOutpatientSettlement,
  reversal: sendReversal,
  refund: sendSingleCall,
  inpatient_fees: sendSingleCall,
  pharmacy_refund: sendSingleCall,
  inpatient_cancel: sendSingleCall,
};

export type { ExecContext, Executor, EffectOptions } from './executor';
