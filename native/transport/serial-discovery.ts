// Serial ports on this machine: what serialport enumerates (udev on Linux, SetupAPI on Windows),
// plus the explicitly configured paths that exist (ptys and symlinks are not enumerated).
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { logger } from '@src/platform/logger';
import { parseUsbId, type DiscoveryRequest, type DiscoverySource } from './discovery';
import type { DiscoveredDevice } from './transport';

const log = logger('serial-discovery');

type ListPorts = () => Promise<{ path: string; manufacturer?: string | undefined; serialNumber?: string | undefined; vendorId?: string | undefined; productId?: string | undefined }[]>;

export class SerialDiscovery implements DiscoverySource {
  readonly bus = 'serial';
  private warned = false;

  constructor(
    private readonly listPorts: ListPorts = () => SerialPort.list(),
    private readonly exists: (path: string) => boolean = existsSync,
  ) {}

  async list(request: DiscoveryRequest): Promise<DiscoveredDevice[]> {
    let ports: Awaited<ReturnType<ListPorts>> = [];
    try {
      ports = await this.listPorts();
      this.warned = false;
    } catch (e) {
      // e.g. udevadm missing in a container: explicit paths still work, so keep going.
      if (!this.warned) log.warn({ err: e }, 'cannot enumerate serial ports; only configured paths are watched');
      this.warned = true;
    }
    const found = new Map<string, DiscoveredDevice>();
    for (const p of ports) {
      const d: DiscoveredDevice = { bus: 'serial', path: p.path };
      const vendorId = parseUsbId(p.vendorId);
      const productId = parseUsbId(p.productId);
      if (vendorId !== undefined) d.vendorId = vendorId;
      if (productId !== undefined) d.productId = productId;
      if (p.manufacturer) d.manufacturer = p.manufacturer;
      if (p.serialNumber) d.serialNumber = p.serialNumber;
      found.set(p.path, d);
    }
    for (const path of request.watchPaths) {
      if (!found.has(path) && this.exists(path)) found.set(path, { bus: 'serial', path });
    }
    return [...found.values()];
  }
}
