// What every settlement flow needs, built once by SettlementService.
import type { AuditLog } from '@src/audit/audit-log';
import type { TerminalConfig } from '@src/contract/config';
import type { Role } from '@src/contract/define';
import type { HubOperator } from '@src/hub/client/call-options';
import type { Hub } from '@src/hub/hub';
import { Chain, type ProgressSink } from './chain';
import type { PatientRegistry } from './patient/patient-registry';
import type { OfflineQueuePort } from './queued/offline-queue-port';
import type { PendingReversals } from './store/pending-reversals';
import type { SettlementStore } from './store/settlement-store';

export interface SettlementContext {
  hub: Hub;
  store: SettlementStore;
  pending: PendingReversals;
  patients: PatientRegistry;
  audit: AuditLog;
  config: () => TerminalConfig;
  /** The offline queue, once the host attached it (refunds and fee uploads while the hub is down). */
  queue?: OfflineQueuePort | undefined;
}

/** The signed-in operator a flow acts for. */
export interface CounterOperator extends HubOperator {
  role: Role;
  /** Progress events go to this window. */
  clientId: string;
  progress: ProgressSink;
}

export function startChain(ctx: SettlementContext, flow: string, op: CounterOperator, operationId: string | undefined): Chain {
  return new Chain(flow, operationId ?? '', { code: op.code, name: op.name, signNo: op.signNo }, ctx.config().timeouts.settlementBudgetMs, op.progress);
}

/**
 * The terminal itself as 经办人, for work no operator is present for (restart recovery, pending
 * reversals): the hub wants a sign_no from a 9001 of whoever the envelope names.
 */
export async function systemOperator(hub: Hub, config: () => TerminalConfig): Promise<HubOperator> {
  const code = config().terminal.terminalId;
  const name = '终端自动处理';
  if (!hub.client.signNoOf(code)) await hub.signIn.signIn({ id: 0, username: code, displayName: name, role: 'cashier' });
  return { code, name };
}
