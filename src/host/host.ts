// The host: the terminal's services in one Node process, behind the typed contract.
//
// Both shells run exactly this: Electron's main process starts it in-process and forwards IPC; the
// browser shell starts it behind a local HTTP channel. The CLI starts it too, for commands that
// need the services. This file is the composition root: it opens the databases, builds each
// service in dependency order and registers its cleanup.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AuditLog } from '@src/audit/audit-log';
import { startCatalogService } from '@src/catalog/catalog-wiring';
import { startReconcileServices } from '@src/reconcile/reconcile-wiring';
import { AppError } from '@src/common/errors';
import { ConfigStore } from '@src/config/config-store';
import type { CallResult } from '@src/contract';
import type { Mode } from '@src/contract/methods/system';
import { openTerminalDb } from '@src/database/terminal-db';
import { OperatorAccounts } from '@src/operators/operator-accounts';
import { startHubServices } from '@src/hub/hub-wiring';
import { TRAINING_DRUG_CODES } from '@src/training/devices/training-drug-codes';
import { startEmbeddedTrainingHubForHost } from '@src/training/hub/embedded-hub';
import { OperatorSessions } from '@src/operators/operator-sessions';
import { loadDataKey, type KeyWrapper } from '@src/platform/crypto/data-key';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import { configureFileLogging, logger } from '@src/platform/logger';
import { dataPaths, defaultDataDir, readLaunchMode } from '@src/platform/paths';
import { startOfflineService } from '@src/offline/offline-wiring';
import { pendingReversalSource } from '@src/queue/pending-reversal-source';
import { startQueueService } from '@src/queue/queue-wiring';
import type { ReceiptPrinter } from '@src/settlement/receipts/receipt-printer';
import { startSettlementService } from '@src/settlement/settlement-wiring';
import { StatusBoard } from '@src/status/status-board';
import { Dispatcher, type ClientContext } from './dispatch';
import { startDevices } from './devices-wiring';
import { createHandlers } from './handlers';
import { trainingAreaParams } from './offline-training-params';
import { HostEvents, type EventSink } from './host-events';
import type { MissingCapability, Services } from './services';
import { seedTrainingConfig, seedTrainingOperators } from './training-seed';

const log = logger('host');

export type { KeyWrapper, ReceiptPrinter };

export interface HostOptions {
  /** Data root; default: see src/platform/paths.ts. */
  dataRoot?: string;
  /** Overrides launch.json. */
  mode?: Mode;
  /** A JSON configuration file to import (validated) before starting. */
  configFile?: string;
  /** Training only: play the training hospital or the training pharmacy. */
  trainingInstitution?: 'hospital' | 'pharmacy';
  /** Write rotated log files under the data folder (interactive starts); tests leave it off. */
  logToFiles?: boolean;
  echoWarnings?: boolean;
  /** The desktop shell's OS key store (Electron safeStorage) for the data key; none elsewhere. */
  keyWrapper?: KeyWrapper;
  /**
   * 'app' (the default) owns the data folder while it runs: it refuses to start twice and leaves a
   * marker that reveals an unclean stop. 'tool' (the CLI) works beside a running app.
   */
  role?: 'app' | 'tool';
  /** Silent receipt printing (Electron's main process); none in the browser shell (docs/settlement.md). */
  receiptPrinter?: ReceiptPrinter;
}

export interface Host {
  services: Services;
  dispatcher: Dispatcher;
  invoke(method: string, input: unknown, client: ClientContext): Promise<CallResult>;
  /** Registers a client's event sink; returns a detach function that also signs the client out when it was the last sink. */
  attachClient(clientId: string, sink: EventSink): () => void;
  /** A shell refused a call before it reached the dispatcher (wrong sender, no secret): log it. */
  reportRejectedCall(method: string, origin: string): void;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions = {}): Promise<Host> {
  const root = options.dataRoot ?? defaultDataDir();
  const mode = options.mode ?? readLaunchMode(root);
  const paths = dataPaths(root, mode);
  mkdirSync(paths.dir, { recursive: true });

  const closers: (() => Promise<void> | void)[] = [];
  const onClose = (fn: () => Promise<void> | void): void => void closers.push(fn);

  if (options.logToFiles) {
    const closeLogs = configureFileLogging({ dir: paths.logs, echoWarnings: options.echoWarnings ?? false });
    onClose(closeLogs);
  }

  // An unclean stop leaves the marker behind: recovery (journal, integrity checks) runs at start.
  const role = options.role ?? 'app';
  const markerPresent = existsSync(paths.runningMarker);
  if (role === 'app' && markerPresent && !markerIsStale(paths.runningMarker)) {
    throw new AppError({
      code: 'HOST_ALREADY_RUNNING',
      message: '终端程序已在运行',
      hint: `请切换到已打开的窗口；如确认没有在运行，请删除 ${paths.runningMarker} 后重试。`,
    });
  }
  const uncleanStart = markerPresent && markerIsStale(paths.runningMarker);
  if (role === 'app') {
    writeFileSync(paths.runningMarker, String(process.pid));
    onClose(() => rmSync(paths.runningMarker, { force: true }));
  }
  log.info({ mode, dir: paths.dir, uncleanStart }, 'host starting');

  const db = openTerminalDb(paths.terminalDb);
  onClose(() => {
    db.close();
  });

  const config = new ConfigStore(db);
  if (options.configFile) config.replace(JSON.parse(readFileSync(options.configFile, 'utf8')), 'config-file');
  const audit = new AuditLog(db, () => config.get().terminal.terminalId);
  const accounts = new OperatorAccounts(db, audit);
  const events = new HostEvents();
  const status = new StatusBoard(mode);
  status.onChange((s) => events.emit('status.changed', s));
  const sessions = new OperatorSessions(
    accounts,
    audit,
    () => ({ ...config.get().security }),
    (clientId, state) => events.emit('session.changed', state, clientId),
  );

  if (mode === 'training') {
    seedTrainingConfig(config, options.trainingInstitution);
    await seedTrainingOperators(accounts);
  }

  const missing: MissingCapability[] = [];
  if (mode === 'live' && accounts.count() === 0) {
    missing.push({ capability: 'operators', reason: '尚未创建操作员账号：请信息科运行 yikatong operators add --role it_admin 创建管理员' });
  }

  let sealedBox: SealedBox | undefined;
  const sealed = (): SealedBox => (sealedBox ??= new SealedBox(loadDataKey(paths.keyFile, options.keyWrapper).key));

  // Training mode: the embedded training hub stands in for the national platform. Started before the
  // hub client so it closes after it (closers run in reverse order).
  const trainingHub = mode === 'training' ? await startEmbeddedTrainingHubForHost({ dbFile: paths.trainingHubDb, missing, onClose }) : undefined;

  // Before sessions.closeAll is registered below, so operators are signed out (9002) before the client closes.
  const { hub, hubMonitor } = startHubServices({ db, config: () => config.get(), sealed, sessions, status, monitor: role === 'app', onClose });
  if (trainingHub) {
    hub.setEndpointOverride(trainingHub.callServiceUrl);
    void hubMonitor.probeNow();
  }

  const { devices, trainingDevices } = await startDevices({ mode, role, config, sessions, status, events, missing, ecClient: hub, onClose });

  const catalog = startCatalogService({
    file: paths.catalogDb,
    dataDir: paths.dir,
    mode,
    role,
    uncleanStart,
    hub,
    config: () => config.get(),
    status,
    onProgress: (p) => events.emit('catalog.syncProgress', p),
    onClose,
    // The training scanner's sample package codes find a catalogue drug at the pharmacy.
    ...(mode === 'training' ? { trainingBarcodeSamples: TRAINING_DRUG_CODES.map((d) => ({ barcode: d.code, drugName: d.name.split(/[\s（]/)[0] ?? d.name })) } : {}),
  });

  const { reconcile, reports } = startReconcileServices({ db, hub, audit, config: () => config.get() });

  // Offline queue (issue 8): store-and-forward to the hub; automatic flush in the app when the hub is back.
  const queue = startQueueService({ db, hub, sealed, status, emitProgress: (p) => events.emit('queue.progress', p), role, onClose, audit });

  // Settlement (issue 7): restart recovery starts here, before any settlement is accepted.
  const settlement = startSettlementService({
    db,
    hub,
    audit,
    config: () => config.get(),
    sealed,
    role,
    printer: options.receiptPrinter,
    events: {
      progress: (running, resolved, remaining) => events.emit('settlement.recovery', { running, resolved, remaining }),
      notice: (level, message, hint) => events.emit('notice', { level, message, ...(hint ? { hint } : {}) }),
    },
  });

  // Offline queue (issue 8): settlement's undeliverable reversals go out under the queue's lease;
  // 延时结算 and the 差额 list sit on top of the queue.
  if (settlement) queue.addSource(pendingReversalSource(settlement.pending));
  // Offline refunds (2208) and inpatient fee uploads (2301) queued while the hub is down (issue 8 follow-up).
  if (settlement) onClose(settlement.attachQueue(queue));
  const offline = startOfflineService({ db, queue, sealed, config: () => config.get(), seedParams: mode === 'training' ? trainingAreaParams() : undefined, printer: options.receiptPrinter });

  const services: Services = { mode, paths, uncleanStart, db, config, audit, accounts, sessions, status, events, missing, sealed, devices, trainingDevices, hub, hubMonitor, catalog, reconcile, reports, queue, offline, settlement, onClose };

  const dispatcher = new Dispatcher(services, createHandlers());
  onClose(() => sessions.closeAll());

  let closed = false;
  const host: Host = {
    services,
    dispatcher,
    invoke: (method, input, client) => dispatcher.invoke(method, input, client),
    attachClient(clientId, sink) {
      return events.attach(clientId, sink);
    },
    reportRejectedCall(method, origin) {
      logger('bridge').warn({ method: method.slice(0, 80), origin: origin.slice(0, 200) }, 'bridge: rejected call from an untrusted sender');
    },
    async close() {
      if (closed) return;
      closed = true;
      log.info('host stopping');
      for (const fn of closers.reverse()) {
        try {
          await fn();
        } catch (e) {
          log.error({ err: e }, 'cleanup failed');
        }
      }
    },
  };
  log.info({ missing: missing.map((m) => m.capability) }, 'host started');
  return host;
}

/** The marker is stale when the process that wrote it is gone (a second process may legitimately be running). */
function markerIsStale(file: string): boolean {
  const pid = Number(readFileSync(file, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
