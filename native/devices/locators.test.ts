import { describe, expect, it } from 'vitest';
import type { DiscoveredDevice } from '@native/transport/transport';
import { describeTarget, locateOn } from './locators';

const seen: DiscoveredDevice[] = [
  { bus: 'serial', path: '/dev/ttyUSB1', vendorId: 0x1a86, productId: 0x7523, serialNumber: 'B' },
  { bus: 'serial', path: '/dev/ttyUSB0', vendorId: 0x1a86, productId: 0x7523, serialNumber: 'A' },
  { bus: 'hid', path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x01 },
  { bus: 'hid', path: '/dev/hidraw4', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c },
];

describe('finding a configured device among the discovered ones', () => {
  it('by path, on the right bus only', () => {
    expect(locateOn('serial', { path: '/dev/ttyUSB1' })(seen)?.path).toBe('/dev/ttyUSB1');
    expect(locateOn('hid', { path: '/dev/ttyUSB1' })(seen)).toBeUndefined();
  });

  it('by USB ids: the lowest path wins unless a serial number picks one', () => {
    expect(locateOn('serial', { vendorId: 0x1a86, productId: 0x7523 })(seen)?.path).toBe('/dev/ttyUSB0');
    expect(locateOn('serial', { vendorId: 0x1a86, productId: 0x7523, serialNumber: 'B' })(seen)?.path).toBe('/dev/ttyUSB1');
  });

  it('HID: the usage page picks the barcode-scanner interface of a composite device', () => {
    expect(locateOn('hid', { vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c })(seen)?.path).toBe('/dev/hidraw4');
  });

  it('describes targets for messages', () => {
    expect(describeTarget({ path: 'COM3' })).toBe('COM3');
    expect(describeTarget({ vendorId: 0x0c2e, productId: 0x0b8f, serialNumber: 'X1' })).toBe('USB 0c2e:0b8f (X1)');
  });
});
