// Hot-plug by diffing two discovery snapshots: what appeared, what vanished.
// Limitation (shared with Odoo's IoT box): a device swapped for another on the same path within
// one poll interval is not seen as a change; the driver's probe at connect time catches a wrong device.
import { deviceKey, type DiscoveredDevice } from '@native/transport/transport';
import type { HotplugChange } from './device-spec';

export function diffDevices(before: readonly DiscoveredDevice[], after: readonly DiscoveredDevice[]): { change: HotplugChange; device: DiscoveredDevice }[] {
  const was = new Map(before.map((d) => [deviceKey(d), d]));
  const now = new Map(after.map((d) => [deviceKey(d), d]));
  const out: { change: HotplugChange; device: DiscoveredDevice }[] = [];
  for (const [key, d] of was) if (!now.has(key)) out.push({ change: 'detached', device: d });
  for (const [key, d] of now) if (!was.has(key)) out.push({ change: 'attached', device: d });
  return out;
}
