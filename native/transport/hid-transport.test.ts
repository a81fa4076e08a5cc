import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { HidReportTransport, type HidDeviceHandle } from './hid-transport';
import { listHidInterfaces } from './hid-discovery';
import { waitUntil } from './wait-until';

class FakeHidHandle extends EventEmitter implements HidDeviceHandle {
  readonly writes: number[][] = [];
  readonly features: number[][] = [];
  closed = false;
  async write(values: number[] | Buffer): Promise<number> {
    this.writes.push([...values]);
    return values.length;
  }
  async sendFeatureReport(data: number[] | Buffer): Promise<number> {
    this.features.push([...data]);
    return data.length;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('HID transport over node-hid', () => {
  it('node-hid loads and enumerates (this machine has no HID devices, so the list may be empty)', async () => {
    const list = await listHidInterfaces();
    expect(Array.isArray(list)).toBe(true);
    if (list.length === 0) console.warn('node-hid enumerated 0 HID devices on this machine (expected in CI)');
  });

  it('prefixes the report id and pads output reports to the report size', async () => {
    const handle = new FakeHidHandle();
    const t = new HidReportTransport({ path: '/dev/hidraw0', reportSize: 8, opener: async () => handle });
    await t.open();
    await t.writeReport(Uint8Array.of(0xfd, 0x03, 0x16));
    expect(handle.writes).toEqual([[0x00, 0xfd, 0x03, 0x16, 0, 0, 0, 0, 0]]);
    await t.sendFeatureReport(0xfe, Uint8Array.of(0x01));
    expect(handle.features).toEqual([[0xfe, 0x01]]);
    await expect(t.writeReport(new Uint8Array(9))).rejects.toThrow(RangeError);
  });

  it('delivers input reports whole and treats a read error as an unplug', async () => {
    const handle = new FakeHidHandle();
    const t = new HidReportTransport({ path: '/dev/hidraw0', opener: async () => handle });
    const reports: number[][] = [];
    let lost: Error | undefined;
    t.onReport((r) => reports.push([...r]));
    t.onClose((e) => (lost = e));
    await t.open();
    handle.emit('data', Buffer.from([0x02, 0x03, 0x41]));
    expect(reports).toEqual([[0x02, 0x03, 0x41]]);
    handle.emit('error', new Error('could not read from HID device'));
    await waitUntil(() => lost !== undefined);
    expect(t.isOpen).toBe(false);
    expect(handle.closed).toBe(true);
    await expect(t.writeReport(Uint8Array.of(1))).rejects.toMatchObject({ code: 'DEVICE_NOT_OPEN' });
  });

  it('an open failure becomes a Chinese AppError', async () => {
    const t = new HidReportTransport({
      path: '/dev/hidraw9',
      opener: async () => {
        throw new Error('cannot open device with path /dev/hidraw9');
      },
    });
    await expect(t.open()).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
  });
});
