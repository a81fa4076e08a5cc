// What the device manager needs to know about one device: where to find it among the discovered
// devices, and how to connect to it. Drivers (ID-card reader, scanners, the 社保卡 readers) build
// specs with the helpers in locators.ts and connect-transport.ts; the manager does the rest
// (polling, status, reconnecting, never crashing on an unplug).
import type { DiscoveredDevice } from '@native/transport/transport';

export interface DeviceConnection<H> {
  /** What drivers and services use while connected (a SamvReader, a scanner, an APDU reader …). */
  readonly handle: H;
  /** Fires at most once, when the connection is lost without close() (unplug, I/O error). */
  onLost(listener: (error: Error) => void): () => void;
  close(): Promise<void>;
}

export interface DeviceSpec<H = unknown> {
  /** Stable id (from the configuration): 'idcard', 'scanner-1' … */
  id: string;
  /** Chinese label for the status bar and device screen: '身份证读卡器'. */
  label: string;
  /** 'idcard' | 'qr' | 'sscard' | … (what the device reads). */
  kind: string;
  /** Explicit paths the OS does not enumerate (ptys, symlinks); watched by the serial source. */
  watchPaths?: readonly string[];
  /** The discovered device this spec refers to, if present now. */
  locate(devices: readonly DiscoveredDevice[]): DiscoveredDevice | undefined;
  /** Opens and probes the device; throws an AppError with a Chinese message when it cannot. */
  connect(at: DiscoveredDevice): Promise<DeviceConnection<H>>;
}

export type DeviceState = 'connected' | 'connecting' | 'disconnected' | 'error';

export interface DeviceStatusRecord {
  id: string;
  label: string;
  kind: string;
  state: DeviceState;
  /** Chinese, for the status bar: why it is not connected, what to do. */
  message?: string;
  hint?: string;
  /** Where it was found (port path, HID path) when located. */
  path?: string;
  /** ISO time the current state began. */
  since: string;
  /** How many times it reconnected after a loss since the manager started. */
  reconnects: number;
}

export type HotplugChange = 'attached' | 'detached';

export interface HotplugEvent {
  change: HotplugChange;
  device: DiscoveredDevice;
  /** ISO time. */
  at: string;
}
