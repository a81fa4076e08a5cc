import { describe, expect, it } from 'vitest';
import { parseUsbId } from './discovery';
import { HidDiscovery } from './hid-discovery';
import { SerialDiscovery } from './serial-discovery';

describe('discovery lists what is on the buses', () => {
  it('parses USB ids as written by udev, Windows and configuration', () => {
    expect(parseUsbId('0c2e')).toBe(0x0c2e);
    expect(parseUsbId('0x257B')).toBe(0x257b);
    expect(parseUsbId(3118)).toBe(3118);
    expect(parseUsbId('xyz')).toBeUndefined();
    expect(parseUsbId('')).toBeUndefined();
    expect(parseUsbId(0x10000)).toBeUndefined();
  });

  it('serial: enumerated ports with USB ids, plus configured paths that exist', async () => {
    const source = new SerialDiscovery(
      async () => [{ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng' }],
      (p) => p === '/tmp/pty-a',
    );
    const found = await source.list({ watchPaths: ['/tmp/pty-a', '/tmp/missing'] });
    expect(found).toEqual([
      { bus: 'serial', path: '/dev/ttyUSB0', vendorId: 0x1a86, productId: 0x7523, manufacturer: 'QinHeng' },
      { bus: 'serial', path: '/tmp/pty-a' },
    ]);
  });

  it('serial: when the OS cannot enumerate, configured paths are still watched', async () => {
    const source = new SerialDiscovery(async () => {
      throw new Error('spawn udevadm ENOENT');
    }, () => true);
    expect(await source.list({ watchPaths: ['/tmp/x'] })).toEqual([{ bus: 'serial', path: '/tmp/x' }]);
  });

  it('hid: interfaces with usage page; a failing hidapi yields an empty list, not an exception', async () => {
    const ok = new HidDiscovery(async () => [{ vendorId: 0x0c2e, productId: 0x0b8f, path: '/dev/hidraw3', usagePage: 0x8c, usage: 2, interface: 0 }]);
    expect(await ok.list()).toEqual([{ bus: 'hid', path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c, usage: 2, interface: 0 }]);
    const broken = new HidDiscovery(async () => {
      throw new Error('hidapi not available');
    });
    expect(await broken.list()).toEqual([]);
  });
});
