// `yikatong devices …` as IT staff run it (the bin, a child process) against the virtual SAM_V
// reader behind a socat pty pair.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSocat, openPtyPair, type PtyPair } from '@native/transport/pty-pair';
import { SerialByteTransport } from '@native/transport/serial-transport';
import { VirtualSamvReader } from '@native/virtual/virtual-samv-reader';
import { yikatong } from './yikatong-bin';

const socat = findSocat();
if (!socat) console.warn('devices-cli skipped: socat is not installed (apt-get install socat); the CLI is tested against a reader on a pty');

// Each test starts the bin one to three times (tsx compiles it at every start): on a busy 2-core
// machine that alone can take 10 s per start, so the budget is per process, not per assertion.
describe.skipIf(!socat)('yikatong devices (CLI) against a virtual reader on a pty', { timeout: 120_000 }, () => {
  let dir: string;
  let pair: PtyPair;
  let virtual: VirtualSamvReader;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-cli-'));
    pair = await openPtyPair({ dir, names: ['device', 'reader'] });
    virtual = new VirtualSamvReader(new SerialByteTransport({ path: pair.a }), { paceBaud: 115200 });
    await virtual.start();
  });

  afterAll(async () => {
    await virtual?.stop();
    await pair?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('devices read --driver samv --json prints exactly one JSON object with the card fields', async () => {
    virtual.placeCard({
      text: { name: '王芳', gender: '1', nation: '01', birthDate: '1955-06-07', address: '四川省成都市锦江区红星路二段20号', idNumber: '510101195506070036', authority: '成都市公安局锦江分局', validFrom: '2015-07-01', validTo: '长期' },
    });
    const r = await yikatong(['devices', 'read', '--driver', 'samv', '--port', pair.b, '--baud', '115200', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const card = JSON.parse(lines[0]!) as Record<string, string>;
    expect(Object.keys(card)).toEqual(['name', 'gender', 'nation', 'birthDate', 'address', 'idNumber', 'authority', 'validFrom', 'validTo']);
    expect(card).toEqual({ name: '王芳', gender: '1', nation: '01', birthDate: '1955-06-07', address: '四川省成都市锦江区红星路二段20号', idNumber: '510101195506070036', authority: '成都市公安局锦江分局', validFrom: '2015-07-01', validTo: '长期' });
  });

  it('no card: exits non-zero with a Chinese message and prints nothing on stdout', async () => {
    virtual.removeCard();
    const r = await yikatong(['devices', 'read', '--driver', 'samv', '--port', pair.b, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('请放卡');
  });

  it('a wrong port or driver is explained', async () => {
    const missing = await yikatong(['devices', 'read', '--driver', 'samv', '--port', path.join(dir, 'nope'), '--json']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('找不到设备');
    const unknown = await yikatong(['devices', 'read', '--driver', 'magic', '--port', pair.b]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('未知的读卡驱动');
  });

  it('devices list finds the configured reader; monitor shows it connected', async () => {
    const data = path.join(dir, 'data');
    const env = { YIKATONG_DATA_DIR: data };
    const set = await yikatong(['--mode', 'live', 'config', 'set', `devices.readers=[{"driver":"samv","id":"idcard","serial":{"path":"${pair.b}"}}]`], env);
    expect(set.stderr).toBe('');
    const list = await yikatong(['--mode', 'live', 'devices', 'list', '--json'], env);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ configured: [{ id: 'idcard', driver: 'samv', expected: pair.b, foundAt: pair.b }] });
    const monitor = await yikatong(['--mode', 'live', 'devices', 'monitor', '--json', '--duration', '2'], env);
    expect(monitor.code).toBe(0);
    const events = monitor.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; device?: { id: string; state: string } });
    expect(events.some((e) => e.type === 'status' && e.device?.id === 'idcard' && e.device.state === 'connected')).toBe(true);
  });
});
