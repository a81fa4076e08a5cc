// Everything the handlers can reach, built once per start by the host (src/host/host.ts).
// Features add their service here and create it in host.ts; handlers receive this object.
import type { AuditLog } from '@src/audit/audit-log';
import type { CatalogService } from '@src/catalog/catalog-service';
import type { Reconciler } from '@src/reconcile/reconciler';
import type { ReportsService } from '@src/reports/reports-service';
import type { ConfigStore } from '@src/config/config-store';
import type { DeviceService } from '@src/devices/device-service';
import type { Hub } from '@src/hub/hub';
import type { HubMonitor } from '@src/hub/monitor/hub-monitor';
import type { Mode } from '@src/contract/methods/system';
import type { OperatorAccounts } from '@src/operators/operator-accounts';
import type { OperatorSessions } from '@src/operators/operator-sessions';
import type { SealedBox } from '@src/platform/crypto/sealed-box';
import type { SettlementService } from '@src/settlement/settlement-service';
import type { Db } from '@src/platform/db/open';
import type { DataPaths } from '@src/platform/paths';
import type { OfflineSettlements } from '@src/offline/offline-settlements';
import type { QueueService } from '@src/queue/queue-service';
import type { StatusBoard } from '@src/status/status-board';
import type { TrainingDevices } from '@src/training/devices/training-devices';
import type { HostEvents } from './host-events';

export interface MissingCapability {
  capability: string;
  /** Chinese, shown on the login screen and by `yikatong doctor`. */
  reason: string;
}

export interface Services {
  mode: Mode;
  paths: DataPaths;
  /** The last stop was not clean (crash, power cut, kill): recovery and integrity checks run. */
  uncleanStart: boolean;
  db: Db;
  config: ConfigStore;
  audit: AuditLog;
  accounts: OperatorAccounts;
  sessions: OperatorSessions;
  status: StatusBoard;
  events: HostEvents;
  missing: MissingCapability[];
  /** Readers and scanners (src/devices/device-service.ts). */
  devices: DeviceService;
  /** Training mode's virtual ID-card reader and scanner; undefined in live mode. */
  trainingDevices: TrainingDevices | undefined;
  /**
   * Encryption of patient data at rest (settlement records, offline queue, journal inputs). The data
   * key is loaded on first use, so a tool that never touches patient data works even where the key
   * is wrapped by the desktop shell's OS key store.
   */
  sealed(): SealedBox;
  /**
   * The national-interface client (src/hub, docs/hub-client.md): one typed function per
   * transaction, the journal and resolution of unknown outcomes. Training mode points it at the
   * embedded training hub with hub.setEndpointOverride(url).
   */
  hub: Hub;
  /** Online/offline of the hub for the status bar; probeNow() after changing the endpoint. */
  hubMonitor: HubMonitor;
  /**
   * The catalogue cache (src/catalog, docs/catalog.md): search, look-ups by code, barcode and
   * local code, sync from the hub, integrity. Its own database, catalog.db.
   */
  catalog: CatalogService;
  /**
   * The offline queue (src/queue, docs/offline.md): store-and-forward of offline settlements,
   * undeliverable reversals, offline refunds and fee uploads; single drainer across processes.
   */
  queue: QueueService;
  /** Offline settlement (延时结算), its limits and estimate, and the 差额 list (src/offline, docs/offline.md). */
  offline: OfflineSettlements;
  /** Daily reconciliation (3201/3202, 2601 for orphans) and monthly clearing (3203/3204): docs/reconcile.md. */
  reconcile: Reconciler;
  /** Shift hand-over and day/range summary, CSV/PDF exports (src/reports, docs/reconcile.md). */
  reports: ReportsService;
  /**
   * Settlement at the counter (src/settlement, docs/settlement.md); undefined only for a tool
   * (CLI) start that does not need it.
   */
  settlement: SettlementService | undefined;
  /** Registers cleanup to run at host shutdown, in reverse order. */
  onClose(fn: () => Promise<void> | void): void;
}
