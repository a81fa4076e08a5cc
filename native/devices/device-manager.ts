// The device manager: configured devices, found by polling the buses and diffing snapshots,
// connected when present, reconnected after a loss, each with a status the cashier can read.
//
// Why polling: hidapi and serialport offer no dependable attach/detach events (node-hid#199,
// node-serialport#2351), and Odoo's IoT box does the same (poll every few seconds, diff). Every
// step runs inside try/catch and every callback goes through a ListenerSet, so an unplugged or
// misbehaving device can only ever change a status, never crash the host.
import { AppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import type { DiscoverySource } from '@native/transport/discovery';
import { ListenerSet } from '@native/transport/listener-set';
import type { DiscoveredDevice } from '@native/transport/transport';
import type { DeviceConnection, DeviceSpec, DeviceState, DeviceStatusRecord, HotplugEvent } from './device-spec';
import { diffDevices } from './hotplug-diff';

const log = logger('device-manager');

export interface DeviceManagerOptions {
  sources: readonly DiscoverySource[];
  /** Interval between discovery polls. Default 2000 ms. */
  pollMs?: number;
  /** Longest wait between reconnect attempts after repeated failures. Default 30 s. */
  maxBackoffMs?: number;
  now?: () => number;
}

interface Entry {
  spec: DeviceSpec;
  status: DeviceStatusRecord;
  connection: DeviceConnection<unknown> | undefined;
  connecting: boolean;
  failures: number;
  nextAttemptAt: number;
  removed: boolean;
  /** Set once the device has been connected, so later connects count as reconnects. */
  everConnected: boolean;
}

const NOT_FOUND = { message: '未找到设备', hint: '请检查设备是否插好、配置的端口或 USB 编号是否正确。' };
const LOST = { message: '设备连接已断开', hint: '请检查连接线；插好后会自动重新连接。' };

export class DeviceManager {
  private readonly entries = new Map<string, Entry>();
  private readonly changes = new ListenerSet<[DeviceStatusRecord[]]>('devices.status');
  private readonly hotplug = new ListenerSet<[HotplugEvent]>('devices.hotplug');
  private snapshot: DiscoveredDevice[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly options: DeviceManagerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Adds a device; it connects at the next poll. Replaces a device with the same id. */
  add<H>(spec: DeviceSpec<H>): void {
    const previous = this.entries.get(spec.id);
    if (previous) void this.remove(spec.id);
    this.entries.set(spec.id, {
      spec: spec as DeviceSpec,
      status: { id: spec.id, label: spec.label, kind: spec.kind, state: 'disconnected', message: '等待检测', since: this.iso(), reconnects: 0 },
      connection: undefined,
      connecting: false,
      failures: 0,
      nextAttemptAt: 0,
      removed: false,
      everConnected: false,
    });
    this.emitStatus();
  }

  async remove(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.removed = true;
    this.entries.delete(id);
    await this.closeConnection(entry);
    this.emitStatus();
  }

  /** Starts polling (first poll immediately). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and closes every connection. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    await Promise.all([...this.entries.values()].map((e) => this.closeConnection(e)));
    for (const e of this.entries.values()) this.setState(e, 'disconnected', { message: '已停止' });
  }

  /** One discovery pass now (tests, "refresh" buttons). Concurrent calls share one pass. */
  pollNow(): Promise<void> {
    this.polling ??= this.poll().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  statuses(): DeviceStatusRecord[] {
    return [...this.entries.values()].map((e) => ({ ...e.status }));
  }

  status(id: string): DeviceStatusRecord | undefined {
    const e = this.entries.get(id);
    return e ? { ...e.status } : undefined;
  }

  /** The latest discovery snapshot (every device seen on every bus). */
  discovered(): DiscoveredDevice[] {
    return [...(this.snapshot ?? [])];
  }

  onChange(listener: (statuses: DeviceStatusRecord[]) => void): () => void {
    return this.changes.add(listener);
  }

  onHotplug(listener: (event: HotplugEvent) => void): () => void {
    return this.hotplug.add(listener);
  }

  /** The connected device's handle; a Chinese AppError when it is not connected. */
  handle<H>(id: string): H {
    const e = this.entries.get(id);
    if (!e) throw new AppError({ code: 'DEVICE_UNKNOWN', message: `未配置设备 ${id}`, hint: '请在“设备”页面或用 yikatong devices list 查看已配置的设备。' });
    if (!e.connection) {
      throw new AppError({
        code: 'DEVICE_NOT_CONNECTED',
        message: `${e.spec.label}未连接`,
        hint: e.status.hint ?? '请检查设备连接；插好后会自动重新连接。',
        detail: `${id} is ${e.status.state}`,
      });
    }
    return e.connection.handle as H;
  }

  /** Drops the current connection (if any) and connects again right away, resetting the backoff. */
  async reconnect(id: string): Promise<DeviceStatusRecord> {
    const e = this.entries.get(id);
    if (!e) throw new AppError({ code: 'DEVICE_UNKNOWN', message: `未配置设备 ${id}`, hint: '请检查设备编号。' });
    await this.closeConnection(e);
    e.failures = 0;
    e.nextAttemptAt = 0;
    this.setState(e, 'disconnected', { message: '正在重新连接' });
    await this.pollNow();
    return { ...e.status };
  }

  // ---- internals ----

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pollNow().finally(() => this.schedule(this.options.pollMs ?? 2000));
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      const watchPaths = [...new Set([...this.entries.values()].flatMap((e) => e.spec.watchPaths ?? []))];
      const lists = await Promise.all(
        this.options.sources.map((s) =>
          s.list({ watchPaths }).catch((err: unknown) => {
            log.warn({ err, bus: s.bus }, 'discovery source failed');
            return [] as DiscoveredDevice[];
          }),
        ),
      );
      const next = lists.flat();
      if (this.snapshot) {
        for (const change of diffDevices(this.snapshot, next)) this.hotplug.emit({ ...change, at: this.iso() });
      }
      this.snapshot = next;
      await Promise.all([...this.entries.values()].map((e) => this.reconcile(e, next)));
    } catch (e) {
      log.error({ err: e }, 'device poll failed');
    }
  }

  private async reconcile(e: Entry, devices: readonly DiscoveredDevice[]): Promise<void> {
    if (e.removed || e.connecting) return;
    let at: DiscoveredDevice | undefined;
    try {
      at = e.spec.locate(devices);
    } catch (err) {
      log.error({ err, id: e.spec.id }, 'locate threw');
    }
    if (e.connection) {
      // Still there? USB-serial adapters vanish from the list on unplug even where the port
      // itself does not report it (Windows).
      if (!at || (e.status.path !== undefined && at.path !== e.status.path)) {
        log.info({ id: e.spec.id }, 'device no longer discovered; closing');
        await this.closeConnection(e);
        this.setState(e, 'disconnected', LOST);
      }
      return;
    }
    if (!at) {
      this.setState(e, 'disconnected', e.everConnected ? LOST : NOT_FOUND);
      return;
    }
    if (this.now() < e.nextAttemptAt) return;
    await this.connect(e, at);
  }

  private async connect(e: Entry, at: DiscoveredDevice): Promise<void> {
    e.connecting = true;
    this.setState(e, 'connecting', { message: '正在连接', path: at.path });
    let connection: DeviceConnection<unknown>;
    try {
      connection = await e.spec.connect(at);
    } catch (err) {
      e.connecting = false;
      e.failures++;
      const backoff = Math.min(this.options.maxBackoffMs ?? 30_000, 1000 * 2 ** Math.min(e.failures - 1, 10));
      e.nextAttemptAt = this.now() + backoff;
      const app = err instanceof AppError ? err : undefined;
      log.warn({ err, id: e.spec.id, path: at.path, failures: e.failures, retryInMs: backoff }, 'device connect failed');
      this.setState(e, 'error', { message: app?.message ?? '设备连接失败', hint: app?.hint ?? '请重新插拔设备；如仍失败请联系信息科。', path: at.path });
      return;
    }
    e.connecting = false;
    if (e.removed || !this.entries.has(e.spec.id)) {
      await connection.close().catch(() => undefined);
      return;
    }
    e.connection = connection;
    e.failures = 0;
    if (e.everConnected) e.status.reconnects++;
    e.everConnected = true;
    connection.onLost((error) => {
      if (e.connection !== connection) return;
      e.connection = undefined;
      // A short pause before retrying, so a device that fails at once does not spin.
      e.nextAttemptAt = this.now() + 500;
      log.warn({ id: e.spec.id, err: error }, 'device lost');
      this.setState(e, 'disconnected', LOST);
      this.schedule(600);
    });
    this.setState(e, 'connected', { path: at.path });
    log.info({ id: e.spec.id, path: at.path }, 'device connected');
  }

  private async closeConnection(e: Entry): Promise<void> {
    const c = e.connection;
    e.connection = undefined;
    if (!c) return;
    try {
      await c.close();
    } catch (err) {
      log.warn({ err, id: e.spec.id }, 'device close failed');
    }
  }

  private setState(e: Entry, state: DeviceState, extra: { message?: string; hint?: string; path?: string } = {}): void {
    const previous = e.status;
    const next: DeviceStatusRecord = {
      id: previous.id,
      label: previous.label,
      kind: previous.kind,
      state,
      since: previous.state === state ? previous.since : this.iso(),
      reconnects: previous.reconnects,
      ...(extra.message === undefined ? {} : { message: extra.message }),
      ...(extra.hint === undefined ? {} : { hint: extra.hint }),
      ...(extra.path ?? previous.path ? { path: extra.path ?? previous.path } : {}),
    };
    if (JSON.stringify({ ...next, since: '' }) === JSON.stringify({ ...previous, since: '' })) return;
    e.status = next;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.changes.emit(this.statuses());
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}
