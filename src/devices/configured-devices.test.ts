import { describe, expect, it } from 'vitest';
import { DevicesConfigSchema } from '@src/contract/devices-config';
import { SerialDiscovery } from '@native/transport/serial-discovery';
import { HidDiscovery } from '@native/transport/hid-discovery';
import { expectedLocation, locateConfigured, probeConfigured } from './configured-devices';

const config = DevicesConfigSchema.parse({
  readers: [
    { driver: 'samv', id: 'idcard', serial: { vendorId: '1a86', productId: '7523' } },
    { driver: 'qr-serial', id: 'scanner', serial: { path: 'COM7' } },
    { driver: 'qr-hidpos', id: 'hidpos', hid: { vendorId: '0C2E', productId: '0B8F' } },
  ],
});

const sources = [
  new SerialDiscovery(async () => [{ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }]),
  new HidDiscovery(async () => [{ vendorId: 0x0c2e, productId: 0x0b8f, path: '/dev/hidraw2', usagePage: 0x8c, usage: 2, interface: 0 }]),
];

describe('configured devices, as IT staff see them', () => {
  it('says where each device is expected and where discovery found it', async () => {
    const { rows, discovered } = await locateConfigured(config, sources);
    expect(rows).toEqual([
      { id: 'idcard', label: '身份证读卡器', driver: 'samv', enabled: true, expected: 'USB 1a86:7523', foundAt: '/dev/ttyUSB0' },
      { id: 'scanner', label: '扫码枪（串口）', driver: 'qr-serial', enabled: true, expected: 'COM7' },
      { id: 'hidpos', label: '扫码枪（HID-POS）', driver: 'qr-hidpos', enabled: true, expected: 'USB 0c2e:0b8f', foundAt: '/dev/hidraw2' },
    ]);
    expect(discovered).toHaveLength(2);
  });

  it('probing reports devices that cannot be found', async () => {
    const statuses = await probeConfigured(DevicesConfigSchema.parse({ readers: [{ driver: 'qr-serial', id: 'scanner', serial: { path: 'COM7' } }] }), sources);
    expect(statuses).toEqual([expect.objectContaining({ id: 'scanner', state: 'disconnected', message: '未找到设备' })]);
  });

  it('describes 社保卡 readers by transport', () => {
    expect(expectedLocation({ driver: 'sscard', id: 's', label: '社保卡读卡器', enabled: true, transport: 'pcsc', options: {} })).toBe('pcsc');
  });
});
