import { describe, expect, it } from 'vitest';
import { AppError } from '@src/common/errors';
import { byteTransportPair, FakeByteTransport } from './fake-byte-transport';
import { waitUntil } from './wait-until';

describe('FakeByteTransport behaves like a serial port without an OS', () => {
  it('records writes and delivers device bytes asynchronously, split into chunks when asked', async () => {
    const t = new FakeByteTransport('f', { maxChunk: 3 });
    const chunks: number[][] = [];
    t.onData((c) => chunks.push([...c]));
    await t.open();
    await t.write(Uint8Array.of(1, 2));
    expect([...t.writtenBytes()]).toEqual([1, 2]);
    t.deliver(Uint8Array.of(9, 8, 7, 6, 5));
    expect(chunks).toEqual([]);
    await waitUntil(() => chunks.length === 2);
    expect(chunks).toEqual([[9, 8, 7], [6, 5]]);
  });

  it('refuses writes with a Chinese AppError when not open', async () => {
    const t = new FakeByteTransport();
    await expect(t.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'DEVICE_NOT_OPEN', message: '设备未连接' });
  });

  it('reports an unplug once through onClose with an error, and cannot reopen until plugged in', async () => {
    const t = new FakeByteTransport('f');
    const closes: (Error | undefined)[] = [];
    t.onClose((e) => closes.push(e));
    await t.open();
    t.unplug();
    t.unplug();
    expect(closes).toHaveLength(1);
    expect(closes[0]).toBeInstanceOf(AppError);
    await expect(t.open()).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    t.plugIn();
    await t.open();
    await t.close();
    expect(closes).toEqual([closes[0], undefined]);
  });

  it('connects two ends: what one writes the other reads; pulling the cable closes both', async () => {
    const { host, device } = byteTransportPair();
    await host.open();
    await device.open();
    const got: number[] = [];
    device.onData((c) => got.push(...c));
    await host.write(Uint8Array.of(0xaa, 0x55));
    await waitUntil(() => got.length === 2);
    const hostClosed: (Error | undefined)[] = [];
    host.onClose((e) => hostClosed.push(e));
    device.unplug();
    expect(host.isOpen).toBe(false);
    expect(hostClosed[0]).toBeInstanceOf(Error);
  });

  it('a throwing listener does not stop the others', async () => {
    const t = new FakeByteTransport();
    const seen: number[] = [];
    t.onData(() => {
      throw new Error('screen bug');
    });
    t.onData((c) => seen.push(c.length));
    await t.open();
    t.deliver(Uint8Array.of(1, 2, 3));
    await waitUntil(() => seen.length === 1);
  });
});
