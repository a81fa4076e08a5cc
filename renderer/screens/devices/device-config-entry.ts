// The "add a device" form of the device screen as data: what the IT admin fills in, and the
// `devices.readers` entry it becomes. The host fills defaults and validates the whole list
// (src/contract/devices-config.ts), so this only shapes the entry; it never decides validity.
import type { DeviceConfig } from '@src/contract/devices-config';
import type { MessageKey } from '../../i18n';

export type AddableDriver = 'samv' | 'qr-serial' | 'qr-hidpos';

export const DRIVERS: readonly { value: AddableDriver; label: MessageKey; baud?: number }[] = [
  { value: 'samv', label: 'devices.config.driver.samv', baud: 115200 },
  { value: 'qr-serial', label: 'devices.config.driver.qrSerial', baud: 9600 },
  { value: 'qr-hidpos', label: 'devices.config.driver.qrHidpos' },
];
export const BAUDS = [9600, 19200, 38400, 57600, 115200] as const;
export const SUFFIXES = ['CR', 'LF', 'CRLF', 'TAB', 'NONE'] as const;

export interface DeviceDraft {
  driver: AddableDriver;
  id: string;
  label: string;
  /** 'path': a port or hidraw path; 'usb': vendor/product ids (found on whichever port it is plugged into). */
  by: 'path' | 'usb';
  path: string;
  vendorId: string;
  productId: string;
  baudRate: number;
  suffix: (typeof SUFFIXES)[number];
}

export const EMPTY_DRAFT: DeviceDraft = { driver: 'samv', id: '', label: '', by: 'path', path: '', vendorId: '', productId: '', baudRate: 115200, suffix: 'CR' };

/** Where a device the machine sees is ("用于添加" on the discovered list). */
export interface DevicePrefill {
  bus: string;
  path: string;
  vendorId?: string | undefined;
  productId?: string | undefined;
  /** Changes on every click, so picking the same row twice fills the form again. */
  seq: number;
}

/** The form after picking a discovered device: a HID device is a HID-POS scanner; USB ids are preferred to a path. */
export function prefilled(draft: DeviceDraft, p: DevicePrefill): DeviceDraft {
  const driver: AddableDriver = p.bus === 'hid' ? 'qr-hidpos' : draft.driver === 'qr-hidpos' ? 'samv' : draft.driver;
  const baudRate = driver === draft.driver ? draft.baudRate : (DRIVERS.find((d) => d.value === driver)?.baud ?? draft.baudRate);
  return { ...draft, driver, baudRate, by: p.vendorId && p.productId ? 'usb' : 'path', path: p.path, vendorId: p.vendorId ?? '', productId: p.productId ?? '' };
}

/** The configuration entry the form describes. */
export function entryOf(d: DeviceDraft): Record<string, unknown> {
  const location = d.by === 'path' ? { path: d.path.trim() } : { vendorId: d.vendorId.trim(), productId: d.productId.trim() };
  const base = { driver: d.driver, id: d.id.trim(), enabled: true, ...(d.label.trim() ? { label: d.label.trim() } : {}) };
  if (d.driver === 'qr-hidpos') return { ...base, hid: location };
  if (d.driver === 'qr-serial') return { ...base, serial: location, baudRate: d.baudRate, suffix: d.suffix };
  return { ...base, serial: location, baudRate: d.baudRate };
}

/** Where a configured device is expected, in one short line. */
export function whereOf(d: DeviceConfig): string {
  if (d.driver === 'sscard') return d.transport;
  const loc = d.driver === 'qr-hidpos' ? d.hid : d.serial;
  return loc.path ?? `USB ${loc.vendorId ?? ''}:${loc.productId ?? ''}`;
}
