// Ready-made DeviceSpecs: a serial device, a HID device, or any transport the caller supplies
// (in-process fakes, virtual devices). A driver only writes its attach() function.
import { HidReportTransport, type HidOpener } from '@native/transport/hid-transport';
import { SerialByteTransport } from '@native/transport/serial-transport';
import type { ByteTransport, DiscoveredDevice, ReportTransport } from '@native/transport/transport';
import { connectTransport, type Attached } from './connect-transport';
import type { DeviceSpec } from './device-spec';
import { isPathTarget, locateOn, type DeviceTarget } from './locators';

interface Identity {
  id: string;
  label: string;
  kind: string;
}

export interface SerialDeviceOptions<H> extends Identity {
  target: DeviceTarget;
  baudRate?: number;
  attach(transport: ByteTransport): Promise<Attached<H>> | Attached<H>;
  /** Tests may substitute the transport (default: serialport). */
  createTransport?(path: string, baudRate: number): ByteTransport;
}

export function serialDevice<H>(o: SerialDeviceOptions<H>): DeviceSpec<H> {
  const baudRate = o.baudRate ?? 115200;
  return {
    id: o.id,
    label: o.label,
    kind: o.kind,
    watchPaths: isPathTarget(o.target) ? [o.target.path] : [],
    locate: locateOn('serial', o.target),
    connect: (at: DiscoveredDevice) => connectTransport(o.createTransport?.(at.path, baudRate) ?? new SerialByteTransport({ path: at.path, baudRate }), o.attach),
  };
}

export interface HidDeviceOptions<H> extends Identity {
  target: DeviceTarget;
  reportSize?: number;
  outputReportId?: number;
  attach(transport: HidReportTransport): Promise<Attached<H>> | Attached<H>;
  opener?: HidOpener;
}

export function hidDevice<H>(o: HidDeviceOptions<H>): DeviceSpec<H> {
  return {
    id: o.id,
    label: o.label,
    kind: o.kind,
    locate: locateOn('hid', o.target),
    connect: (at) =>
      connectTransport(
        new HidReportTransport({
          path: at.path,
          ...(o.reportSize === undefined ? {} : { reportSize: o.reportSize }),
          ...(o.outputReportId === undefined ? {} : { outputReportId: o.outputReportId }),
          ...(o.opener ? { opener: o.opener } : {}),
        }),
        o.attach,
      ),
  };
}

export interface TransportDeviceOptions<T extends ByteTransport | ReportTransport, H> extends Identity {
  /** The same transport object is reopened after a loss (fakes and virtual devices allow that). */
  transport: T;
  /** Whether the device counts as plugged in; default: always. */
  isPresent?(): boolean;
  attach(transport: T): Promise<Attached<H>> | Attached<H>;
}

/** A device on a transport the caller owns: in-process fakes, the in-process training fallback. */
export function transportDevice<T extends ByteTransport | ReportTransport, H>(o: TransportDeviceOptions<T, H>): DeviceSpec<H> {
  return {
    id: o.id,
    label: o.label,
    kind: o.kind,
    locate: () => ((o.isPresent?.() ?? true) ? { bus: 'in-process', path: o.transport.id } : undefined),
    connect: () => connectTransport(o.transport, o.attach),
  };
}
