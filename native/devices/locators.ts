// How a configured device is found among the discovered ones: by explicit path, or by USB
// vendor/product id (so a reader moved to another USB port, or renumbered after a replug, is found).
import type { DiscoveredDevice } from '@native/transport/transport';

export interface UsbIdMatch {
  vendorId: number;
  productId: number;
  /** HID: pick the interface with this usage page (0x8C = barcode scanner). */
  usagePage?: number;
  /** Several identical devices: the serial number tells them apart. */
  serialNumber?: string;
}

export type DeviceTarget = { path: string } | UsbIdMatch;

export function isPathTarget(target: DeviceTarget): target is { path: string } {
  return 'path' in target;
}

/** A locate() function for `bus` devices. */
export function locateOn(bus: string, target: DeviceTarget): (devices: readonly DiscoveredDevice[]) => DiscoveredDevice | undefined {
  if (isPathTarget(target)) {
    return (devices) => devices.find((d) => d.bus === bus && d.path === target.path);
  }
  return (devices) => {
    const matches = devices.filter(
      (d) =>
        d.bus === bus &&
        d.vendorId === target.vendorId &&
        d.productId === target.productId &&
        (target.usagePage === undefined || d.usagePage === target.usagePage) &&
        (target.serialNumber === undefined || d.serialNumber === target.serialNumber),
    );
    // Deterministic choice when several match: the lowest path.
    return matches.sort((a, b) => a.path.localeCompare(b.path))[0];
  };
}

/** For devices without a bus (keyboard wedge, in-process virtual devices): always present. */
export function alwaysPresent(bus: string, path: string): () => DiscoveredDevice {
  return () => ({ bus, path });
}

/** Human description of a target, for messages: '/dev/ttyUSB0' or 'USB 0c2e:0b8f'. */
export function describeTarget(target: DeviceTarget): string {
  if (isPathTarget(target)) return target.path;
  const id = `${target.vendorId.toString(16).padStart(4, '0')}:${target.productId.toString(16).padStart(4, '0')}`;
  return `USB ${id}${target.serialNumber ? ` (${target.serialNumber})` : ''}`;
}
