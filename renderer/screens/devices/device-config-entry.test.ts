import { describe, expect, it } from 'vitest';
import { DevicesConfigSchema } from '@src/contract/devices-config';
import { EMPTY_DRAFT, entryOf, prefilled, whereOf } from './device-config-entry';

const accepted = (entry: Record<string, unknown>) => DevicesConfigSchema.parse({ readers: [entry] }).readers[0]!;

describe('the "add a device" form becomes a devices.readers entry the host accepts', () => {
  it('an ID-card reader on a port path, the name left to the default', () => {
    const entry = entryOf({ ...EMPTY_DRAFT, id: ' idcard-1 ', path: ' /dev/ttyUSB0 ' });
    expect(entry).toEqual({ driver: 'samv', id: 'idcard-1', enabled: true, serial: { path: '/dev/ttyUSB0' }, baudRate: 115200 });
    expect(accepted(entry)).toMatchObject({ label: '身份证读卡器', fingerprint: false, pollMs: 300 });
  });

  it('a serial scanner by USB ids, with its suffix', () => {
    const entry = entryOf({ ...EMPTY_DRAFT, driver: 'qr-serial', id: 'scanner', label: '收费窗口扫码枪', by: 'usb', vendorId: '1a86', productId: '7523', baudRate: 9600, suffix: 'CRLF' });
    expect(accepted(entry)).toMatchObject({ driver: 'qr-serial', label: '收费窗口扫码枪', serial: { vendorId: '1a86', productId: '7523' }, suffix: 'CRLF', encoding: 'utf8' });
  });

  it('a HID-POS scanner has no baud rate', () => {
    const entry = entryOf({ ...EMPTY_DRAFT, driver: 'qr-hidpos', id: 'hidpos', by: 'usb', vendorId: '0c2e', productId: '0b8f' });
    expect(entry).not.toHaveProperty('baudRate');
    expect(accepted(entry)).toMatchObject({ hid: { vendorId: '0c2e', productId: '0b8f' }, enableHidPos: true });
  });

  it('a form without a location is refused by the schema with the Chinese rule', () => {
    const r = DevicesConfigSchema.safeParse({ readers: [entryOf({ ...EMPTY_DRAFT, id: 'idcard-1' })] });
    expect(r.success).toBe(false);
  });

  it('picking a discovered device fills the form: HID → HID-POS scanner, USB ids preferred over the path', () => {
    const hid = prefilled(EMPTY_DRAFT, { bus: 'hid', path: '/dev/hidraw0', vendorId: '0c2e', productId: '0b8f', seq: 1 });
    expect(hid).toMatchObject({ driver: 'qr-hidpos', by: 'usb', vendorId: '0c2e', productId: '0b8f', path: '/dev/hidraw0' });
    const serial = prefilled(hid, { bus: 'serial', path: '/dev/ttyS0', seq: 2 });
    expect(serial).toMatchObject({ driver: 'samv', baudRate: 115200, by: 'path', path: '/dev/ttyS0', vendorId: '' });
  });

  it('the configured list names where each device is expected', () => {
    expect(whereOf(accepted(entryOf({ ...EMPTY_DRAFT, id: 'a', path: 'COM3' })))).toBe('COM3');
    expect(whereOf(accepted(entryOf({ ...EMPTY_DRAFT, driver: 'qr-hidpos', id: 'b', by: 'usb', vendorId: '0c2e', productId: '0b8f' })))).toBe('USB 0c2e:0b8f');
  });
});
