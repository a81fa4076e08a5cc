// Discovery: which devices are on the buses right now. The device manager polls every source and
// diffs the snapshots (hidapi and serialport have no attach/detach events we can rely on:
// node-hid#199, node-serialport#2351), so a source only has to list what it sees.
import type { DiscoveredDevice } from './transport';

export interface DiscoveryRequest {
  /**
   * Explicit paths the configuration names (e.g. a pty link or /dev/ttyS0). Sources that cannot
   * enumerate such paths (udev lists no ptys) report them when they exist.
   */
  watchPaths: readonly string[];
}

export interface DiscoverySource {
  readonly bus: string;
  /** Never rejects for "nothing there"; rejects only when the bus itself cannot be listed. */
  list(request: DiscoveryRequest): Promise<DiscoveredDevice[]>;
}

/** Parses '0c2e', '0x0C2E' or 3118 into a number; undefined when absent or malformed. */
export function parseUsbId(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 0xffff ? value : undefined;
  const text = value.trim().replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]{1,4}$/.test(text)) return undefined;
  return Number.parseInt(text, 16);
}
