// How the host starts the catalogue cache (called from src/host/host.ts): the service on
// catalog.db with the hub as its source, progress to the windows and the status bar, and at
// start: an integrity check after an unclean stop (rebuilding a damaged cache from the hub,
// never touching terminal.db), and in training mode a first sync when the cache is empty.
import type { TerminalConfig } from '@src/contract/config';
import type { SyncProgress } from '@src/contract/methods/catalog';
import type { Hub } from '@src/hub/hub';
import { logger } from '@src/platform/logger';
import type { StatusBoard } from '@src/status/status-board';
import { CatalogService } from './catalog-service';
import type { TrainingBarcodeSample } from './local/training-lists';
import { HubCatalogSource } from './sync/hub-catalog-source';

const log = logger('catalog');

/** The first training sync waits a moment so the window and the hub come up first (and a short-lived test host never starts one). */
const FIRST_SYNC_DELAY_MS = 3000;

export interface CatalogWiringDeps {
  file: string;
  dataDir: string;
  mode: 'training' | 'live';
  /** 'app' runs the start-up checks and the training sync; 'tool' (the CLI) only opens the cache. */
  role: 'app' | 'tool';
  uncleanStart: boolean;
  hub: Hub;
  config: () => TerminalConfig;
  status: Pick<StatusBoard, 'setCatalog'>;
  onProgress: (p: SyncProgress) => void;
  /** Training mode: the training scanner's sample package codes (src/training/devices). */
  trainingBarcodeSamples?: readonly TrainingBarcodeSample[];
  onClose(fn: () => Promise<void> | void): void;
}

export function startCatalogService(deps: CatalogWiringDeps): CatalogService {
  const source = new HubCatalogSource(deps.hub, deps.config);
  const catalog = new CatalogService({
    file: deps.file,
    dataDir: deps.dataDir,
    mode: deps.mode,
    source: () => source,
    reportStatus: (s) => deps.status.setCatalog(s),
    onProgress: deps.onProgress,
    ...(deps.trainingBarcodeSamples ? { trainingBarcodeSamples: deps.trainingBarcodeSamples } : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  deps.onClose(async () => {
    if (timer) clearTimeout(timer);
    await catalog.close();
  });
  if (deps.role === 'app') {
    timer = setTimeout(() => {
      timer = undefined;
      catalog
        .startupCheck(deps.uncleanStart)
        .catch((e: unknown) => log.error({ err: e }, 'catalogue start-up check failed'))
        .finally(() => {
          if (deps.mode === 'training') catalog.ensureCatalog();
        });
    }, deps.uncleanStart ? 0 : FIRST_SYNC_DELAY_MS);
    timer.unref();
  }
  return catalog;
}
