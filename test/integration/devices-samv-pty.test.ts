// The ID-card reader driver against the virtual SAM_V reader over real serial I/O: a socat pty
// pair, serialport on both ends. Covers the wire faults a counter meets and an unplug/replug.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEVICES_CONFIG, DevicesConfigSchema } from '@src/contract/devices-config';
import type { HotplugEntry, Medium } from '@src/contract/methods/devices';
import { DeviceService, type ReadErrorEvent } from '@src/devices/device-service';
import { SamvReader } from '@native/idcard/samv-reader';
import { findSocat, openPtyPair, type PtyPair } from '@native/transport/pty-pair';
import { SerialDiscovery } from '@native/transport/serial-discovery';
import { SerialByteTransport } from '@native/transport/serial-transport';
import { waitUntil } from '@native/transport/wait-until';
import { VirtualSamvReader, type VirtualIdCard } from '@native/virtual/virtual-samv-reader';

const socat = findSocat();
if (!socat) console.warn('devices-samv-pty skipped: socat is not installed (apt-get install socat); these tests need real pty pairs');

const zhangWei: VirtualIdCard = {
  text: { name: '张伟', gender: '1', nation: '01', birthDate: '1972-03-15', address: '江苏省苏州市姑苏区人民路100号', idNumber: '320501197203150018', authority: '苏州市公安局姑苏分局', validFrom: '2012-05-10', validTo: '2032-05-10' },
};

describe.skipIf(!socat)('SAM_V over a socat pty pair', () => {
  let dir: string;
  let pair: PtyPair;
  let virtual: VirtualSamvReader;
  let host: SerialByteTransport;
  let reader: SamvReader;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-samv-'));
    pair = await openPtyPair({ dir });
    virtual = new VirtualSamvReader(new SerialByteTransport({ path: pair.a }));
    await virtual.start();
    host = new SerialByteTransport({ path: pair.b, baudRate: 115200 });
    await host.open();
    reader = new SamvReader(host, { commandTimeoutMs: 300, readTimeoutMs: 500 }).attach();
  });

  afterEach(async () => {
    reader.detach();
    await host.close();
    await virtual.stop().catch(() => undefined);
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a full read: SAM status, SAM id, find, select, text + photo', async () => {
    await reader.samStatus();
    expect((await reader.samId()).text).toMatch(/^\d{2}\.\d{2}-/);
    virtual.placeCard(zhangWei);
    const card = await reader.readCard();
    expect(card).toMatchObject({ ...zhangWei.text });
    expect(card.photoWlt.length).toBe(1024);
  });

  it('card absent: 请放卡', async () => {
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'IDCARD_NO_CARD', message: '请放卡' });
  });

  it('card removed mid-read: between select and read (41), and while the answer is on the wire (incomplete)', async () => {
    virtual.placeCard(zhangWei);
    virtual.inject({ kind: 'removeBeforeRead' });
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'IDCARD_READ_FAILED' });
    virtual.placeCard(zhangWei);
    virtual.inject({ kind: 'removeDuringRead', afterBytes: 700 });
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'IDCARD_TRUNCATED', hint: expect.stringContaining('重新放卡') });
    virtual.placeCard(zhangWei);
    await expect(reader.readCard()).resolves.toMatchObject({ name: '张伟' });
  });

  it('bad checksum from the reader', async () => {
    virtual.placeCard(zhangWei);
    await reader.findCard();
    await reader.selectCard();
    virtual.inject({ kind: 'badChecksum' });
    await expect(reader.readRaw()).rejects.toMatchObject({ code: 'IDCARD_BAD_CHECKSUM' });
  });

  it('truncated frames time out as incomplete; split frames are reassembled', async () => {
    virtual.inject({ kind: 'truncate', keepBytes: 6 });
    await expect(reader.samStatus()).rejects.toMatchObject({ code: 'IDCARD_TRUNCATED' });
    virtual.placeCard(zhangWei);
    expect(await reader.findCard()).toBe(true);
    await reader.selectCard();
    virtual.inject({ kind: 'split', chunkBytes: 97, gapMs: 3 });
    expect((await reader.readRaw()).photo.length).toBe(1024);
  });

  it('garbage before the preamble is skipped', async () => {
    virtual.inject({ kind: 'garbage', bytes: Uint8Array.of(0xff, 0x00, 0xaa, 0xaa, 0x96, 0x13, 0x37) });
    await expect(reader.samStatus()).resolves.toBeUndefined();
  });
});

describe.skipIf(!socat)('reader unplugged (pty closed) and back: hot-plug and reconnect', () => {
  let dir: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-hotplug-'));
  });

  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  async function plugIn(): Promise<{ pair: PtyPair; virtual: VirtualSamvReader }> {
    const pair = await openPtyPair({ dir, names: ['reader-device', 'reader'] });
    const virtual = new VirtualSamvReader(new SerialByteTransport({ path: pair.a }));
    await virtual.start();
    cleanups.push(async () => {
      await virtual.stop();
      await pair.close();
    });
    return { pair, virtual };
  }

  it('goes disconnected when the pty vanishes, logs the hot-plug, reconnects when it is back, and reads again', async () => {
    const link = path.join(dir, 'reader');
    const config = DevicesConfigSchema.parse({ ...DEFAULT_DEVICES_CONFIG, pollMs: 500, readers: [{ driver: 'samv', id: 'idcard', serial: { path: link }, pollMs: 100 }] });
    // Only the configured path is watched here: udev enumeration of real ports is irrelevant to the test.
    const service = new DeviceService({ config: () => config, institutionKind: () => 'hospital', operator: () => undefined, sources: [new SerialDiscovery(async () => [])] });
    const media: Medium[] = [];
    const hotplug: HotplugEntry[] = [];
    const errors: ReadErrorEvent[] = [];
    service.onMedium((m) => media.push(m));
    service.onHotplug((h) => hotplug.push(h));
    service.onReadError((e) => errors.push(e));
    cleanups.push(() => service.stop());

    let { pair, virtual } = await plugIn();
    service.start();
    await waitUntil(() => service.manager.status('idcard')?.state === 'connected', { what: 'first connect' });
    virtual.placeCard(zhangWei);
    await waitUntil(() => media.length === 1, { what: 'first read' });

    await virtual.stop();
    await pair.close();
    await waitUntil(() => service.manager.status('idcard')?.state === 'disconnected', { what: 'disconnect after unplug' });
    expect(service.manager.status('idcard')?.message).toBe('设备连接已断开');
    await waitUntil(() => hotplug.some((h) => h.change === 'detached' && h.path === link), { what: 'detached event' });

    ({ pair, virtual } = await plugIn());
    await waitUntil(() => service.manager.status('idcard')?.state === 'connected', { timeoutMs: 8000, what: 'reconnect' });
    expect(service.manager.status('idcard')?.reconnects).toBe(1);
    expect(hotplug.some((h) => h.change === 'attached' && h.path === link)).toBe(true);
    virtual.placeCard(zhangWei);
    await waitUntil(() => media.length === 2, { what: 'read after reconnect' });
    expect(media[1]).toMatchObject({ kind: 'idCard', deviceId: 'idcard', mdtrtCertNo: '320501197203150018' });
    expect(errors.filter((e) => e.code !== 'DEVICE_LOST')).toEqual([]);
  });

  it('a port that exists but has no reader behind it is an error that names port and baud rate', async () => {
    const pair = await openPtyPair({ dir, names: ['silent-device', 'silent'] });
    cleanups.push(() => pair.close());
    const config = DevicesConfigSchema.parse({ ...DEFAULT_DEVICES_CONFIG, readers: [{ driver: 'samv', id: 'idcard', serial: { path: pair.b } }] });
    const service = new DeviceService({ config: () => config, institutionKind: () => 'hospital', operator: () => undefined, sources: [new SerialDiscovery(async () => [])] });
    cleanups.push(() => service.stop());
    service.applyConfig();
    await service.manager.pollNow();
    expect(service.manager.status('idcard')).toMatchObject({ state: 'error', message: '身份证读卡器无响应', hint: expect.stringContaining('波特率') });
  });
});
