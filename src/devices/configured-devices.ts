// What IT staff need to see about the configured devices without running the terminal: where
// each one is expected, whether discovery finds it there, and (on request) whether it answers.
import type { AppError } from '@src/common/errors';
import type { DeviceConfig, DevicesConfig } from '@src/contract/devices-config';
import { DeviceManager } from '@native/devices/device-manager';
import type { DeviceStatusRecord } from '@native/devices/device-spec';
import type { DiscoverySource } from '@native/transport/discovery';
import { HidDiscovery } from '@native/transport/hid-discovery';
import { SerialDiscovery } from '@native/transport/serial-discovery';
import type { DiscoveredDevice } from '@native/transport/transport';
import { buildDeviceSpec } from './device-drivers';
import type { DriverContext } from './driver-context';

export interface ConfiguredDeviceRow {
  id: string;
  label: string;
  driver: string;
  enabled: boolean;
  /** Where the configuration says it is: a path or 'USB vvvv:pppp'. */
  expected: string;
  /** Where discovery found it, if it did. */
  foundAt?: string;
}

export function expectedLocation(d: DeviceConfig): string {
  const loc = d.driver === 'samv' || d.driver === 'qr-serial' ? d.serial : d.driver === 'qr-hidpos' ? d.hid : undefined;
  if (!loc) return d.driver === 'sscard' ? `${d.transport}` : '';
  return loc.path ?? `USB ${(loc.vendorId ?? '').replace(/^0x/i, '').toLowerCase()}:${(loc.productId ?? '').replace(/^0x/i, '').toLowerCase()}`;
}

/** Reads are thrown away: listing and probing must not route anything anywhere. */
const quietContext: DriverContext = { medium: () => undefined, idCard: () => undefined, scan: () => undefined, readError: (_id, _m, _e: AppError) => undefined };

export function defaultSources(): DiscoverySource[] {
  return [new SerialDiscovery(), new HidDiscovery()];
}

/** One discovery pass, and each configured device located in it. */
export async function locateConfigured(config: DevicesConfig, sources: readonly DiscoverySource[] = defaultSources()): Promise<{ rows: ConfiguredDeviceRow[]; discovered: DiscoveredDevice[] }> {
  const specs = config.readers.map((r) => ({ r, spec: buildDeviceSpec(r, quietContext) }));
  const watchPaths = specs.flatMap(({ spec }) => spec.watchPaths ?? []);
  const discovered = (await Promise.all(sources.map((s) => s.list({ watchPaths }).catch(() => [] as DiscoveredDevice[])))).flat();
  const rows = specs.map(({ r, spec }) => {
    const at = spec.locate(discovered);
    return { id: r.id, label: r.label, driver: r.driver, enabled: r.enabled, expected: expectedLocation(r), ...(at ? { foundAt: at.path } : {}) };
  });
  return { rows, discovered };
}

/** Connects to each enabled configured device once (open + the driver's probe), then closes. */
export async function probeConfigured(config: DevicesConfig, sources: readonly DiscoverySource[] = defaultSources()): Promise<DeviceStatusRecord[]> {
  const manager = new DeviceManager({ sources });
  for (const r of config.readers.filter((x) => x.enabled)) manager.add(buildDeviceSpec(r, quietContext));
  try {
    await manager.pollNow();
    return manager.statuses();
  } finally {
    await manager.stop();
  }
}
