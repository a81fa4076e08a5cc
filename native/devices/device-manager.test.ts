import { describe, expect, it } from 'vitest';
import { AppError } from '@src/common/errors';
import type { DiscoverySource } from '@native/transport/discovery';
import { FakeByteTransport } from '@native/transport/fake-byte-transport';
import type { ByteTransport, DiscoveredDevice } from '@native/transport/transport';
import { connectTransport } from './connect-transport';
import { DeviceManager } from './device-manager';
import type { DeviceSpec, HotplugEvent } from './device-spec';
import { transportDevice } from './device-specs';
import { locateOn } from './locators';

class ListDiscovery implements DiscoverySource {
  readonly bus = 'serial';
  devices: DiscoveredDevice[] = [];
  async list(): Promise<DiscoveredDevice[]> {
    return [...this.devices];
  }
}

function fakeSpec(transport: FakeByteTransport, attach: (t: ByteTransport) => { handle: string } = () => ({ handle: 'reader' })) {
  return transportDevice({ id: 'idcard', label: '身份证读卡器', kind: 'idcard', transport, isPresent: () => transport.present, attach });
}

describe('device manager: status per device, reconnect, never crash', () => {
  it('connects a present device and hands out its handle', async () => {
    const m = new DeviceManager({ sources: [] });
    m.add(fakeSpec(new FakeByteTransport('t1')));
    await m.pollNow();
    expect(m.status('idcard')).toMatchObject({ state: 'connected', label: '身份证读卡器', kind: 'idcard' });
    expect(m.handle<string>('idcard')).toBe('reader');
  });

  it('an absent device is disconnected with a Chinese reason, and asking for it explains', async () => {
    const t = new FakeByteTransport('t1');
    t.present = false;
    const m = new DeviceManager({ sources: [] });
    m.add(fakeSpec(t));
    await m.pollNow();
    expect(m.status('idcard')).toMatchObject({ state: 'disconnected', message: '未找到设备' });
    expect(() => m.handle('idcard')).toThrow(AppError);
    expect(() => m.handle('idcard')).toThrow('身份证读卡器未连接');
    expect(() => m.handle('nope')).toThrow('未配置设备 nope');
  });

  it('an unplug becomes "disconnected"; plugging back in reconnects at the next poll', async () => {
    const t = new FakeByteTransport('t1');
    const m = new DeviceManager({ sources: [] });
    const states: string[] = [];
    m.onChange((all) => states.push(all[0]!.state));
    m.add(fakeSpec(t));
    await m.pollNow();
    t.unplug();
    expect(m.status('idcard')).toMatchObject({ state: 'disconnected', message: '设备连接已断开' });
    await m.pollNow();
    expect(m.status('idcard')?.state).toBe('disconnected');
    t.plugIn();
    await new Promise((r) => setTimeout(r, 520));
    await m.pollNow();
    expect(m.status('idcard')).toMatchObject({ state: 'connected', reconnects: 1 });
    expect(states).toEqual(['disconnected', 'connecting', 'connected', 'disconnected', 'connecting', 'connected']);
  });

  it('a failing probe is an error with the driver\'s message, retried with backoff', async () => {
    let now = 1_000_000;
    const t = new FakeByteTransport('t1');
    let fail = true;
    const m = new DeviceManager({ sources: [], now: () => now });
    m.add(
      fakeSpec(t, () => {
        if (fail) throw new AppError({ code: 'IDCARD_NO_RESPONSE', message: '读卡器无响应', hint: '请确认端口和波特率' });
        return { handle: 'ok' };
      }),
    );
    await m.pollNow();
    expect(m.status('idcard')).toMatchObject({ state: 'error', message: '读卡器无响应', hint: '请确认端口和波特率' });
    expect(t.isOpen).toBe(false);
    fail = false;
    await m.pollNow();
    expect(m.status('idcard')?.state).toBe('error');
    now += 1000;
    await m.pollNow();
    expect(m.status('idcard')?.state).toBe('connected');
  });

  it('reports hot-plug changes by diffing discovery snapshots', async () => {
    const source = new ListDiscovery();
    const m = new DeviceManager({ sources: [source] });
    const events: HotplugEvent[] = [];
    m.onHotplug((e) => events.push(e));
    await m.pollNow();
    source.devices = [{ bus: 'serial', path: '/dev/ttyUSB0', vendorId: 0x1a86, productId: 0x7523 }];
    await m.pollNow();
    source.devices = [];
    await m.pollNow();
    expect(events.map((e) => `${e.change} ${e.device.path}`)).toEqual(['attached /dev/ttyUSB0', 'detached /dev/ttyUSB0']);
  });

  it('a device that vanishes from discovery is closed even if its port never said so (Windows)', async () => {
    const source = new ListDiscovery();
    source.devices = [{ bus: 'serial', path: 'COM3', vendorId: 0x0400, productId: 0xc35a }];
    const t = new FakeByteTransport('COM3');
    const spec: DeviceSpec<string> = {
      id: 'idcard',
      label: '身份证读卡器',
      kind: 'idcard',
      locate: locateOn('serial', { vendorId: 0x0400, productId: 0xc35a }),
      connect: () => connectTransport(t, () => ({ handle: 'r' })),
    };
    const m = new DeviceManager({ sources: [source] });
    m.add(spec);
    await m.pollNow();
    expect(m.status('idcard')).toMatchObject({ state: 'connected', path: 'COM3' });
    source.devices = [];
    await m.pollNow();
    expect(m.status('idcard')?.state).toBe('disconnected');
    expect(t.isOpen).toBe(false);
  });

  it('listeners that throw and discovery sources that fail do not stop the manager', async () => {
    const broken: DiscoverySource = {
      bus: 'hid',
      list: async () => {
        throw new Error('hidapi exploded');
      },
    };
    const m = new DeviceManager({ sources: [broken] });
    m.onChange(() => {
      throw new Error('screen bug');
    });
    m.add(fakeSpec(new FakeByteTransport('t1')));
    await m.pollNow();
    expect(m.status('idcard')?.state).toBe('connected');
  });

  it('reconnect() drops the connection and connects again at once', async () => {
    const t = new FakeByteTransport('t1');
    let attaches = 0;
    const m = new DeviceManager({ sources: [] });
    m.add(fakeSpec(t, () => ({ handle: `r${++attaches}` })));
    await m.pollNow();
    const s = await m.reconnect('idcard');
    expect(s.state).toBe('connected');
    expect(m.handle('idcard')).toBe('r2');
  });

  it('polls on its own once started, and stop() closes everything', async () => {
    const t = new FakeByteTransport('t1');
    const m = new DeviceManager({ sources: [], pollMs: 20 });
    m.add(fakeSpec(t));
    m.start();
    await new Promise((r) => setTimeout(r, 60));
    expect(m.status('idcard')?.state).toBe('connected');
    await m.stop();
    expect(t.isOpen).toBe(false);
    expect(m.status('idcard')?.state).toBe('disconnected');
  });

  it('removing a device closes it and drops it from the list', async () => {
    const t = new FakeByteTransport('t1');
    const m = new DeviceManager({ sources: [] });
    m.add(fakeSpec(t));
    await m.pollNow();
    await m.remove('idcard');
    expect(m.statuses()).toEqual([]);
    expect(t.isOpen).toBe(false);
  });
});
