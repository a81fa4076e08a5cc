// HID interfaces on this machine, through node-hid (hidraw on Linux). Keyboard-class interfaces
// are listed too, but on Windows they cannot be opened for raw reads (qzind/tray#634): wedge
// scanners are read through the keyboard instead (wedge-key-source.ts).
import { logger } from '@src/platform/logger';
import type { DiscoverySource } from './discovery';
import type { DiscoveredDevice } from './transport';

const log = logger('hid-discovery');

interface HidInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
  interface: number;
}

/** Loads node-hid lazily: a machine without a working hidapi still runs everything else. */
export async function listHidInterfaces(): Promise<HidInfo[]> {
  const hid = await import('node-hid');
  return hid.devicesAsync();
}

export class HidDiscovery implements DiscoverySource {
  readonly bus = 'hid';
  private warned = false;

  constructor(private readonly listDevices: () => Promise<HidInfo[]> = listHidInterfaces) {}

  async list(): Promise<DiscoveredDevice[]> {
    let devices: HidInfo[];
    try {
      devices = await this.listDevices();
      this.warned = false;
    } catch (e) {
      if (!this.warned) log.warn({ err: e }, 'cannot enumerate HID devices');
      this.warned = true;
      return [];
    }
    const out: DiscoveredDevice[] = [];
    for (const d of devices) {
      if (!d.path) continue;
      const item: DiscoveredDevice = { bus: 'hid', path: d.path, vendorId: d.vendorId, productId: d.productId, interface: d.interface };
      if (d.manufacturer) item.manufacturer = d.manufacturer;
      if (d.product) item.product = d.product;
      if (d.serialNumber) item.serialNumber = d.serialNumber;
      if (d.usagePage !== undefined) item.usagePage = d.usagePage;
      if (d.usage !== undefined) item.usage = d.usage;
      out.push(item);
    }
    return out;
  }
}
