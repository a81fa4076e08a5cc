// The training hub: a national platform in miniature, on 127.0.0.1, with its own SQLite state.
// `npm run hub` runs it alone (main.ts); training mode embeds it (embedded-hub.ts).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { EC_QUERY_PATH } from '@src/hub/protocol/ec';
import { logger } from '@src/platform/logger';
import type { Db } from '@src/platform/db/open';
import { TrainingCatalog, type TrainingCatalogOptions } from '@src/training/catalog/training-catalog';
import { CallService, type HubCore } from './core/call-service';
import { DEFAULT_SETTINGS, type HubSettings } from './core/hub-context';
import { FaultInjector, type FaultSpec } from './faults/fault-rules';
import { HubClock } from './hub-clock';
import { CALL_SERVICE_PATH, createHubServer } from './http/hub-http-server';
import { clearHubState, openHubDb } from './state/hub-db';
import { seedTrainingData, seedTrainingDataIfEmpty } from './state/seed-training-data';

const log = logger('training-hub');

export interface TrainingHubOptions {
  /** training-hub.db; ':memory:' for a throwaway hub. */
  dbFile: string;
  /** A catalogue to share (tests build one once), or options for the hub's own. */
  catalog?: TrainingCatalog | TrainingCatalogOptions;
  settings?: Partial<HubSettings>;
  faults?: readonly FaultSpec[];
  /** Real-time source (tests may pin it). */
  realNow?: () => number;
}

export interface ListenOptions {
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
}

export class TrainingHub implements HubCore {
  readonly db: Db;
  readonly clock: HubClock;
  readonly catalog: TrainingCatalog;
  readonly settings: HubSettings;
  readonly faults = new FaultInjector();
  readonly calls: CallService;
  private server: Server | undefined;
  private address: AddressInfo | undefined;

  constructor(options: TrainingHubOptions) {
    this.db = openHubDb(options.dbFile);
    this.clock = new HubClock(this.db, options.realNow);
    this.catalog = options.catalog instanceof TrainingCatalog ? options.catalog : new TrainingCatalog(options.catalog);
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    for (const f of options.faults ?? []) this.faults.add(f);
    this.calls = new CallService(this);
    seedTrainingDataIfEmpty(this.db, () => this.clock.today());
  }

  /** Starts a hub and listens (127.0.0.1, a free port unless told). */
  static async start(options: TrainingHubOptions & ListenOptions): Promise<TrainingHub> {
    const hub = new TrainingHub(options);
    try {
      await hub.listen(options);
    } catch (e) {
      hub.db.close();
      throw e;
    }
    return hub;
  }

  async listen(options: ListenOptions = {}): Promise<void> {
    const server = createHubServer(this);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.address = server.address() as AddressInfo;
    log.info({ port: this.address.port }, 'training hub listening');
  }

  get port(): number {
    if (!this.address) throw new Error('training hub is not listening');
    return this.address.port;
  }

  /** http://127.0.0.1:<port> */
  get baseUrl(): string {
    return `http://${this.address?.address ?? '127.0.0.1'}:${this.port}`;
  }

  /** The national entry point (the hub client's `hub.url`). */
  get callServiceUrl(): string {
    return this.baseUrl + CALL_SERVICE_PATH;
  }

  /** The e-voucher decoding endpoint. */
  get ecQueryUrl(): string {
    return this.baseUrl + EC_QUERY_PATH;
  }

  /** Back to the first day: empty state, training patients re-seeded, real time, no faults. */
  reset(): void {
    clearHubState(this.db);
    this.clock.reload();
    this.faults.clear();
    seedTrainingData(this.db, this.clock.today());
    log.info('training hub reset');
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (this.db.open) this.db.close();
  }
}
