// A training hub for integration tests: on a loopback port (0, so parallel runs never collide),
// with its SQLite state in a fresh temp folder that close() removes again.
//
// Why a file and not ':memory:': these tests exercise the hub as it runs for a trainer (WAL,
// synchronous=FULL, the ledger on disk). Why here: every training-hub integration test started,
// closed and cleaned up its hub the same way, and each began its tests with a client signed in to
// a freshly reset hub; one definition keeps them from drifting apart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TrainingHub } from '../training-hub';
import { MinimalHubClient } from './minimal-hub-client';

export interface TempTrainingHub {
  hub: TrainingHub;
  /** Stops the hub and removes its folder. */
  close(): Promise<void>;
}

/** Starts a training hub whose database lives in a new temp folder named `<prefix>XXXXXX`. */
export async function startTempTrainingHub(prefix: string, catalog: TrainingCatalog): Promise<TempTrainingHub> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const hub = await TrainingHub.start({ dbFile: path.join(dir, 'hub.db'), catalog });
  return {
    hub,
    async close() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new client, signed in (9001). With `reset`, the hub first goes back to its seeded state
 * (/admin/reset), so a test sees no settlements, accumulators or faults left by the one before.
 */
export async function signedInClient(hub: TrainingHub, options: { reset: boolean }): Promise<MinimalHubClient> {
  const client = new MinimalHubClient(hub.baseUrl);
  if (options.reset) await client.admin('POST', '/admin/reset');
  await client.signIn();
  return client;
}
