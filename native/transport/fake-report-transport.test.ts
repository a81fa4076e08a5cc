import { describe, expect, it } from 'vitest';
import { FakeReportTransport, reportTransportPair } from './fake-report-transport';
import { waitUntil } from './wait-until';

describe('FakeReportTransport carries discrete HID reports', () => {
  it('keeps report boundaries in both directions', async () => {
    const { host, device } = reportTransportPair(64);
    await host.open();
    await device.open();
    const atDevice: number[][] = [];
    const atHost: number[][] = [];
    device.onReport((r) => atDevice.push([...r]));
    host.onReport((r) => atHost.push([...r]));
    await host.writeReport(Uint8Array.of(1, 2, 3));
    await device.writeReport(Uint8Array.of(2, 4, 5));
    await device.writeReport(Uint8Array.of(2, 6));
    await waitUntil(() => atDevice.length === 1 && atHost.length === 2);
    expect(atDevice).toEqual([[1, 2, 3]]);
    expect(atHost).toEqual([[2, 4, 5], [2, 6]]);
  });

  it('refuses reports longer than the report size', async () => {
    const t = new FakeReportTransport('h', 8);
    await t.open();
    await expect(t.writeReport(new Uint8Array(9))).rejects.toThrow(RangeError);
  });

  it('an unplug closes with an error and later opens fail until plugged in', async () => {
    const t = new FakeReportTransport();
    let lost: Error | undefined;
    t.onClose((e) => (lost = e));
    await t.open();
    t.unplug();
    expect(lost).toBeInstanceOf(Error);
    await expect(t.open()).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    t.plugIn();
    await expect(t.open()).resolves.toBeUndefined();
  });
});
