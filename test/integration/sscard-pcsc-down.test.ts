// PC/SC with the smart-card service not running (pcscd stopped, Windows "Smart Card" service off):
// every path says so in Chinese instead of hanging or crashing. libpcsclite is pointed at a socket
// that does not exist, so this runs whether or not the machine's pcscd is up.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DevicesConfigSchema } from '@src/contract/devices-config';
import { DeviceService } from '@src/devices/device-service';
import { readDrivers } from '@src/devices/read-drivers';
import { registerSscardDriver } from '@src/devices/sscard/sscard-driver';
import { loadPcscBinding } from '@native/readers/pcsc/pcsc-binding';
import { listPcscReaders } from '@native/readers/pcsc/pcsc-reader';
import { waitUntil } from '@native/transport/wait-until';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-pcsc-down-'));
// Read by libpcsclite at the first context of this process (each test file runs in its own process).
process.env.PCSCLITE_CSOCK_NAME = path.join(dir, 'no-pcscd.comm');
const bindingProblem = await loadPcscBinding().then(
  () => null,
  (e: unknown) => (e instanceof Error ? e.message : String(e)),
);
if (bindingProblem) console.warn(`[sscard-pcsc-down] SKIPPED: the smartcard (PC/SC) binding does not load here: ${bindingProblem}`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(bindingProblem !== null)('PC/SC service not running', () => {
  it('listing readers and `devices read --transport pcsc` say the service is down', async () => {
    await expect(listPcscReaders()).rejects.toMatchObject({ code: 'READER_SERVICE_DOWN', message: '智能卡服务（PC/SC）未运行' });
    await expect(readDrivers.sscard!.read({ transport: 'pcsc', reader: 'ACS ACR39U' })).rejects.toMatchObject({ code: 'READER_SERVICE_DOWN', hint: expect.stringContaining('pcscd') });
    await expect(readDrivers.sscard!.read({ transport: 'pcsc' })).rejects.toMatchObject({ code: 'READER_SERVICE_DOWN' });
  });

  it('a configured PC/SC 社保卡 reader shows the reason on the device screen', async () => {
    registerSscardDriver();
    const config = DevicesConfigSchema.parse({ wedge: { enabled: false }, readers: [{ driver: 'sscard', id: 'ss', transport: 'pcsc', options: { reader: 'ACS ACR39U' } }] });
    const service = new DeviceService({ config: () => config, institutionKind: () => 'hospital', operator: () => undefined, sources: [] });
    service.start();
    try {
      await waitUntil(() => service.manager.status('ss')?.state === 'error');
      expect(service.manager.status('ss')).toMatchObject({ message: '智能卡服务（PC/SC）未运行', hint: expect.stringContaining('systemctl start pcscd') });
    } finally {
      await service.stop();
    }
  });
});
