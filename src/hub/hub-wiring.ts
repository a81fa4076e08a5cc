// How the host starts the hub client (called from src/host/host.ts): the client with its journal,
// recovery of calls cut off by the last stop, the operator sign-in (9001/9002) for
// OperatorSessions, and the monitor that feeds the status bar.
import type { TerminalConfig } from '@src/contract/config';
import type { OperatorSessions } from '@src/operators/operator-sessions';
import type { Db } from '@src/platform/db/open';
import { logger } from '@src/platform/logger';
import type { StatusBoard } from '@src/status/status-board';
import { Hub } from './hub';
import type { JournalSealer } from './journal/hub-journal';
import { HubMonitor } from './monitor/hub-monitor';

const log = logger('hub');

export interface HubWiringDeps {
  db: Db;
  config: () => TerminalConfig;
  /** The data-key SealedBox, created on first use. */
  sealed: () => JournalSealer;
  sessions: OperatorSessions;
  status: StatusBoard;
  /** Probe periodically (the app); a CLI run does not. */
  monitor: boolean;
  onClose(fn: () => Promise<void> | void): void;
}

export function startHubServices(deps: HubWiringDeps): { hub: Hub; hubMonitor: HubMonitor } {
  const hub = new Hub({ db: deps.db, config: deps.config, sealer: deps.sealed });
  const recovered = hub.recoverJournal();
  const unresolved = hub.resolver.listUnresolved();
  if (recovered > 0 || unresolved.length > 0) {
    log.warn({ recovered, unresolved: unresolved.map((e) => ({ id: e.id, msgid: e.msgid, infno: e.infno, context: e.context })) }, 'hub calls with unknown outcome need resolution');
  }
  deps.sessions.setHubSignIn(hub.signIn);
  const hubMonitor = new HubMonitor({ client: hub.client, report: (s) => deps.status.setHub(s), intervalMs: () => deps.config().timeouts.probeIntervalMs });
  if (deps.monitor) hubMonitor.start();
  deps.onClose(() => {
    hubMonitor.stop();
    hub.close();
  });
  return { hub, hubMonitor };
}
