// The device service: builds the device manager from the configuration, turns every read into
// one "identified medium" event, and keeps what the device screen shows (status, last read,
// hot-plug log). The host forwards its events to the windows and its statuses to the status bar.
import type { AppError } from '@src/common/errors';
import type { DevicesConfig } from '@src/contract/devices-config';
import type { DeviceInfo, HotplugEntry, Medium } from '@src/contract/methods/devices';
import type { DeviceStatus } from '@src/contract/methods/system';
import { logger } from '@src/platform/logger';
import { DeviceManager } from '@native/devices/device-manager';
import type { DeviceSpec, DeviceStatusRecord, HotplugEvent } from '@native/devices/device-spec';
import { decodeIdPhoto } from '@native/idcard/wlt-decoder';
import type { DiscoverySource } from '@native/transport/discovery';
import { HidDiscovery } from '@native/transport/hid-discovery';
import { ListenerSet } from '@native/transport/listener-set';
import { SerialDiscovery } from '@native/transport/serial-discovery';
import { hex4, type DiscoveredDevice, type WedgeKeyEvent } from '@native/transport/transport';
import type { WedgeResult } from '@native/qr/wedge-detector';
import { buildDeviceSpec } from './device-drivers';
import type { DriverContext, MediumInput } from './driver-context';
import type { EcResolver } from './ec-resolver';
import { idCardMedium, mediumSummary } from './media';
import { ScanRouter, type ScanOperator } from './scan-router';
import { WEDGE_DEVICE_ID, WedgeInput } from './wedge-input';

const log = logger('devices');

export interface DeviceServiceOptions {
  /** The current `devices` configuration section. */
  config(): DevicesConfig;
  /** hospital → ec.query businessType 01301, pharmacy → 02121 (unless configured). */
  institutionKind(): 'hospital' | 'pharmacy';
  /** The operator on duty, for ec.query (scans from serial/HID scanners have no window). */
  operator(): { id: string; name: string } | undefined;
  /** Discovery sources; default serial + HID. */
  sources?: readonly DiscoverySource[];
  now?: () => number;
}

const HOTPLUG_LOG_SIZE = 100;

export interface ReadErrorEvent {
  deviceId: string;
  medium: string;
  at: string;
  code: string;
  message: string;
  hint?: string;
}

export class DeviceService {
  readonly manager: DeviceManager;
  private readonly media = new ListenerSet<[Medium]>('devices.medium');
  private readonly readErrors = new ListenerSet<[ReadErrorEvent]>('devices.readError');
  private readonly statusListeners = new ListenerSet<[DeviceInfo[]]>('devices.status');
  private readonly hotplugListeners = new ListenerSet<[HotplugEntry]>('devices.hotplug');
  private readonly drivers = new Map<string, string>();
  private readonly lastRead = new Map<string, { at: string; summary: string }>();
  private readonly hotplugLog: HotplugEntry[] = [];
  private readonly router: ScanRouter;
  private readonly wedge: WedgeInput;
  private readonly startedAt: string;
  private resolver: EcResolver | undefined;
  /** id → the configuration entry it was built from (JSON), to rebuild only what changed. */
  private configured = new Map<string, string>();
  private readonly pending = new Set<Promise<void>>();
  /** The operator signed in at each window that forwards keyboard-wedge input. */
  private readonly wedgeOperators = new Map<string, ScanOperator>();

  constructor(private readonly options: DeviceServiceOptions) {
    this.manager = new DeviceManager({ sources: options.sources ?? [new SerialDiscovery(), new HidDiscovery()], pollMs: options.config().pollMs, ...(options.now ? { now: options.now } : {}) });
    this.startedAt = this.iso();
    this.router = new ScanRouter({
      classifier: () => (this.options.config().eVoucherPattern ? { eVoucherPattern: this.options.config().eVoucherPattern } : {}),
      resolver: () => this.resolver,
      ecContext: (scanner) => {
        const op = scanner ?? this.options.operator();
        const configured = this.options.config().ecBusinessType;
        return { businessType: configured || (this.options.institutionKind() === 'pharmacy' ? '02121' : '01301'), operatorId: op?.id ?? '', operatorName: op?.name ?? '' };
      },
      medium: (id, m) => this.emitMedium(id, m),
      readError: (id, medium, e) => this.emitReadError(id, medium, e),
      ...(options.now ? { now: options.now } : {}),
    });
    this.wedge = new WedgeInput(
      () => this.options.config().wedge,
      (text, clientId) => this.track(this.router.route(WEDGE_DEVICE_ID, text, this.wedgeOperators.get(clientId))),
    );
    this.manager.onChange(() => this.statusListeners.emit(this.list()));
    this.manager.onHotplug((e) => this.recordHotplug(e));
  }

  /** What drivers use to report reads. */
  readonly context: DriverContext = {
    medium: (deviceId, medium) => this.emitMedium(deviceId, medium),
    idCard: (deviceId, card) => {
      this.track(
        decodeIdPhoto(card.photoWlt).then((bmp) => this.emitMedium(deviceId, idCardMedium(card, bmp))),
      );
    },
    scan: (deviceId, scan) => this.track(this.router.route(deviceId, scan.text)),
    readError: (deviceId, medium, error) => this.emitReadError(deviceId, medium, error),
  };

  /** Builds the configured devices and starts polling. */
  start(): void {
    this.applyConfig();
    this.manager.start();
  }

  async stop(): Promise<void> {
    await this.manager.stop();
    await Promise.allSettled([...this.pending]);
  }

  /** Re-reads the `devices` configuration; only devices whose entry changed are rebuilt. */
  applyConfig(): void {
    const config = this.options.config();
    const wanted = new Map(config.readers.filter((r) => r.enabled).map((r) => [r.id, r]));
    let changed = false;
    for (const id of [...this.configured.keys()]) {
      if (!wanted.has(id)) {
        void this.manager.remove(id);
        this.drivers.delete(id);
        this.configured.delete(id);
        changed = true;
      }
    }
    for (const [id, reader] of wanted) {
      const text = JSON.stringify(reader);
      if (this.configured.get(id) === text) continue;
      this.manager.add(buildDeviceSpec(reader, this.context));
      this.drivers.set(id, reader.driver);
      this.configured.set(id, text);
      changed = true;
    }
    this.wedge.reset();
    if (changed) log.info({ devices: [...wanted.values()].map((r) => ({ id: r.id, driver: r.driver })) }, 'device configuration applied');
  }

  /** Adds a device that is not in the configuration (training mode's virtual devices). */
  addDevice(spec: DeviceSpec, driver: string): void {
    this.manager.add(spec);
    this.drivers.set(spec.id, driver);
  }

  /** Connects ec.query once the hub client exists (src/hub). */
  setEcResolver(resolver: EcResolver | undefined): void {
    this.resolver = resolver;
  }

  get hasEcResolver(): boolean {
    return this.resolver !== undefined;
  }

  /** Key events from window `clientId`; `operator` is who is signed in there (ec.query's operatorId). */
  wedgeInput(clientId: string, events: readonly WedgeKeyEvent[], flush: boolean, operator?: ScanOperator): WedgeResult[] {
    if (!this.options.config().wedge.enabled) return [];
    this.wedgeOperators.delete(clientId);
    if (operator) this.wedgeOperators.set(clientId, operator);
    // Windows come and go (a browser tab per reload); keep the most recent ones only.
    while (this.wedgeOperators.size > 32) this.wedgeOperators.delete(this.wedgeOperators.keys().next().value as string);
    return this.wedge.feed(clientId, events, flush);
  }

  forgetClient(clientId: string): void {
    this.wedge.forget(clientId);
    this.wedgeOperators.delete(clientId);
  }

  /** Every device for the device screen (the keyboard wedge included). */
  list(): DeviceInfo[] {
    const managed = this.manager.statuses().map((s) => this.info(s));
    if (!this.options.config().wedge.enabled) return managed;
    const wedge: DeviceInfo = {
      id: WEDGE_DEVICE_ID,
      label: '键盘式扫码枪',
      kind: 'qr',
      driver: 'wedge',
      state: 'connected',
      message: '按键速度识别扫码',
      since: this.startedAt,
      reconnects: 0,
      ...(this.lastRead.has(WEDGE_DEVICE_ID) ? { lastRead: this.lastRead.get(WEDGE_DEVICE_ID)! } : {}),
    };
    return [...managed, wedge];
  }

  /** The status bar's part: managed devices only (the wedge cannot be "disconnected"). */
  statusBar(): DeviceStatus[] {
    return this.manager.statuses().map((s) => ({ id: s.id, label: s.label, kind: s.kind, state: s.state, ...(s.message && s.state !== 'connected' ? { message: s.message } : {}) }));
  }

  discovered(): DiscoveredDevice[] {
    return this.manager.discovered();
  }

  hotplug(): HotplugEntry[] {
    return [...this.hotplugLog];
  }

  async reconnect(id: string): Promise<DeviceInfo> {
    return this.info(await this.manager.reconnect(id));
  }

  onMedium(listener: (medium: Medium) => void): () => void {
    return this.media.add(listener);
  }

  onReadError(listener: (event: ReadErrorEvent) => void): () => void {
    return this.readErrors.add(listener);
  }

  onStatus(listener: (devices: DeviceInfo[]) => void): () => void {
    return this.statusListeners.add(listener);
  }

  onHotplug(listener: (entry: HotplugEntry) => void): () => void {
    return this.hotplugListeners.add(listener);
  }

  /** Resolves when every read in progress (photo decoding, ec.query) has been reported. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  // ---- internals ----

  private info(s: DeviceStatusRecord): DeviceInfo {
    const last = this.lastRead.get(s.id);
    return {
      id: s.id,
      label: s.label,
      kind: s.kind,
      driver: this.drivers.get(s.id) ?? s.kind,
      state: s.state,
      ...(s.message ? { message: s.message } : {}),
      ...(s.hint ? { hint: s.hint } : {}),
      ...(s.path ? { path: s.path } : {}),
      since: s.since,
      reconnects: s.reconnects,
      ...(last ? { lastRead: last } : {}),
    };
  }

  private emitMedium(deviceId: string, input: MediumInput): void {
    const medium = { ...input, deviceId, at: this.iso() } as Medium;
    this.lastRead.set(deviceId, { at: medium.at, summary: mediumSummary(medium) });
    log.info({ deviceId, kind: medium.kind, summary: mediumSummary(medium) }, 'medium identified');
    this.media.emit(medium);
    this.statusListeners.emit(this.list());
  }

  private emitReadError(deviceId: string, medium: string, error: AppError): void {
    log.info({ deviceId, medium, code: error.code, detail: error.detail }, 'read failed');
    this.readErrors.emit({ deviceId, medium, at: this.iso(), code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
  }

  private recordHotplug(e: HotplugEvent): void {
    const entry: HotplugEntry = {
      at: e.at,
      change: e.change,
      bus: e.device.bus,
      path: e.device.path,
      ...(e.device.vendorId !== undefined ? { vendorId: hex4(e.device.vendorId) } : {}),
      ...(e.device.productId !== undefined ? { productId: hex4(e.device.productId) } : {}),
      ...(e.device.product ? { product: e.device.product } : {}),
    };
    this.hotplugLog.unshift(entry);
    this.hotplugLog.length = Math.min(this.hotplugLog.length, HOTPLUG_LOG_SIZE);
    log.info({ change: entry.change, bus: entry.bus, path: entry.path, vendorId: entry.vendorId, productId: entry.productId }, 'hot-plug');
    this.hotplugListeners.emit(entry);
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch((e: unknown) => log.error({ err: e }, 'device read handling failed')).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private iso(): string {
    return new Date((this.options.now ?? Date.now)()).toISOString();
  }
}
