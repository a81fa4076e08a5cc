// The training hub inside the terminal's process (training mode): started by the host on
// 127.0.0.1 with a free port, its state in the data folder's training-hub.db.
import { TrainingHub } from './training-hub';
import type { TrainingCatalogOptions } from '@src/training/catalog/training-catalog';

export interface EmbeddedHubOptions {
  /** services.paths.trainingHubDb */
  dbFile: string;
  catalog?: TrainingCatalogOptions;
}

export interface EmbeddedTrainingHub {
  hub: TrainingHub;
  /** Point the hub client here (config hub.url). */
  callServiceUrl: string;
  ecQueryUrl: string;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the embedded training hub; the caller registers `close` with services.onClose. */
export async function startEmbeddedTrainingHub(options: EmbeddedHubOptions): Promise<EmbeddedTrainingHub> {
  const hub = await TrainingHub.start({ dbFile: options.dbFile, catalog: options.catalog, port: 0, host: '127.0.0.1' });
  return { hub, callServiceUrl: hub.callServiceUrl, ecQueryUrl: hub.ecQueryUrl, baseUrl: hub.baseUrl, close: () => hub.close() };
}

export interface HostHooks {
  dbFile: string;
  /** services.missing: a hub that cannot start is reported there (login screen, `yikatong doctor`). */
  missing: { capability: string; reason: string }[];
  /** services.onClose */
  onClose(fn: () => Promise<void> | void): void;
}

/**
 * For the host in training mode: starts the embedded hub and registers its close, or reports why
 * it could not start (the terminal still starts; settlements then fail as "hub unreachable").
 * Call it before the hub client is built, so the hub closes after the client (closers run in
 * reverse order) and operators can still sign out (9002) at shutdown.
 */
export async function startEmbeddedTrainingHubForHost(hooks: HostHooks): Promise<EmbeddedTrainingHub | undefined> {
  try {
    const embedded = await startEmbeddedTrainingHub({ dbFile: hooks.dbFile });
    hooks.onClose(() => embedded.close());
    return embedded;
  } catch (e) {
    hooks.missing.push({ capability: 'trainingHub', reason: `训练用医保中心未能启动：${e instanceof Error ? e.message : String(e)}。请重启程序；如仍失败，请信息科检查数据目录中的 training-hub.db。` });
    return undefined;
  }
}
