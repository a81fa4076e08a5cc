// Configuring a reader at runtime, as the device screen's "设备配置" does: config.update with a new
// devices.readers list is validated, applied at once (the reader connects over a real serial line
// and its card is read), and removing the entry closes the port. Live mode, IT admin.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '@src/contract/events';
import type { Medium } from '@src/contract/methods/devices';
import { findSocat, openPtyPair, type PtyPair } from '@native/transport/pty-pair';
import { SerialByteTransport } from '@native/transport/serial-transport';
import { waitUntil } from '@native/transport/wait-until';
import { VirtualSamvReader } from '@native/virtual/virtual-samv-reader';
import { startTestHost, type TestHost } from '../helpers/test-host';

const socat = findSocat();
if (!socat) console.warn('devices-config skipped: socat is not installed (apt-get install socat); a configured reader is tested on a pty');

describe.skipIf(!socat)('devices configured at runtime through config.update', () => {
  let host: TestHost;
  let dir: string;
  let pair: PtyPair;
  let virtual: VirtualSamvReader;
  const received: { event: EventName; payload: unknown }[] = [];
  const media = (): Medium[] => received.filter((r) => r.event === 'devices.medium').map((r) => r.payload as Medium);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-devcfg-'));
    pair = await openPtyPair({ dir, names: ['device', 'reader'] });
    virtual = new VirtualSamvReader(new SerialByteTransport({ path: pair.a }), { paceBaud: 115200 });
    await virtual.start();
    host = await startTestHost({ mode: 'live' });
    await host.services.accounts.create({ username: 'it98', displayName: '测试管理员', role: 'it_admin', password: 'password98' }, 'test');
    await host.signIn('w', 'it98', 'password98');
    host.attachClient('w', (event, payload) => received.push({ event, payload }));
  });

  afterAll(async () => {
    await host?.close();
    await virtual?.stop();
    await pair?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a wrong entry is refused whole with the Chinese rule, and nothing changes', async () => {
    const r = await host.callAs('w', 'config.update', { patch: { devices: { readers: [{ driver: 'samv', id: 'Counter 1', serial: { path: pair.b } }] } } });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID', message: expect.stringContaining('设备编号为1–32位小写字母') } });
    expect(host.services.devices.list().map((d) => d.id)).toEqual(['keyboard-wedge']);
  });

  it('an added reader connects over the serial line and reads the card on it', async () => {
    virtual.placeCard({ text: { name: '王芳', gender: '1', nation: '01', birthDate: '1955-06-07', address: '四川省成都市锦江区红星路二段20号', idNumber: '510101195506070036', authority: '成都市公安局锦江分局', validFrom: '2015-07-01', validTo: '长期' } });
    const r = await host.callAs('w', 'config.update', { patch: { devices: { readers: [{ driver: 'samv', id: 'counter-1', serial: { path: pair.b } }] } } });
    expect(r).toMatchObject({ ok: true, value: { changed: expect.arrayContaining(['devices.readers']) } });
    await waitUntil(() => host.services.devices.list().some((d) => d.id === 'counter-1' && d.state === 'connected'), { timeoutMs: 10_000, what: 'configured reader connected' });
    await waitUntil(() => media().length > 0, { timeoutMs: 10_000, what: 'card read' });
    expect(media()[0]).toMatchObject({ kind: 'idCard', deviceId: 'counter-1', mdtrtCertType: '02', mdtrtCertNo: '510101195506070036' });
    const statuses = received.filter((x) => x.event === 'devices.status');
    expect(statuses.length).toBeGreaterThan(0);
  });

  it('removing the entry closes the port: the device is gone and the line is free again', async () => {
    const r = await host.callAs('w', 'config.update', { patch: { devices: { readers: [] } } });
    expect(r).toMatchObject({ ok: true });
    await waitUntil(() => !host.services.devices.list().some((d) => d.id === 'counter-1'), { timeoutMs: 5000, what: 'device removed' });
    // Nobody holds the port: it opens (exclusively) again.
    const again = new SerialByteTransport({ path: pair.b });
    await again.open();
    await again.close();
  });
});
