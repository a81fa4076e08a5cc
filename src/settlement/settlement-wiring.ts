// How the host starts settlement (called from src/host/host.ts): the service, and restart
// recovery before any settlement is accepted (the app only; a CLI start does not resolve).
import type { AuditLog } from '@src/audit/audit-log';
import type { TerminalConfig } from '@src/contract/config';
import type { Hub } from '@src/hub/hub';
import type { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';
import type { ReceiptPrinter } from './receipts/receipt-printer';
import type { RecoveryEvents } from './recovery/settlement-recovery';
import { SettlementService } from './settlement-service';

export interface SettlementWiringDeps {
  db: Db;
  hub: Hub;
  audit: AuditLog;
  config: () => TerminalConfig;
  sealed: () => SealedBox;
  role: 'app' | 'tool';
  events: RecoveryEvents;
  printer?: ReceiptPrinter | undefined;
}

export function startSettlementService(deps: SettlementWiringDeps): SettlementService {
  const service = new SettlementService({ db: deps.db, hub: deps.hub, audit: deps.audit, config: deps.config, sealed: deps.sealed, recoveryEvents: deps.events, printer: deps.printer });
  // Runs in the background; settlement calls are refused with SETTLEMENT_RECOVERING until it ends.
  if (deps.role === 'app') void service.recovery.run();
  return service;
}
