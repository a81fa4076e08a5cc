// The "sscard" managed driver inside the device service: a misconfigured reader and a missing
// national library show as device errors with the reason; an in-process reader reports cards as
// media and an unplugged one goes "disconnected" and comes back. Serial and PC/SC for real:
// test/integration/sscard-serial.test.ts and sscard-pcsc.test.ts.
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevicesConfigSchema, type DevicesConfig } from '@src/contract/devices-config';
import type { Medium } from '@src/contract/methods/devices';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { waitUntil } from '@native/transport/wait-until';
import { virtualCounterReader } from '@native/virtual/sscard/virtual-counter-reader';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import { DeviceService } from '../device-service';
import { apduSscardDevice, registerSscardDriver } from './sscard-driver';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

function service(config: DevicesConfig) {
  registerSscardDriver();
  const s = new DeviceService({ config: () => config, institutionKind: () => 'hospital', operator: () => undefined, sources: [] });
  const media: Medium[] = [];
  const errors: { code: string; medium: string }[] = [];
  s.onMedium((m) => media.push(m));
  s.onReadError((e) => errors.push(e));
  stops.push(() => s.stop());
  return { s, media, errors };
}

describe('the sscard managed driver', () => {
  it('shows bad options and a missing national library as device errors with the reason', async () => {
    const { s } = service(
      DevicesConfigSchema.parse({
        wedge: { enabled: false },
        readers: [
          { driver: 'sscard', id: 'ss-bad', transport: 'pcsc', options: {} },
          { driver: 'sscard', id: 'ss-lib', transport: 'heasec', options: { path: path.join(os.tmpdir(), 'missing', 'libHeaSecReadInfo.so') } },
        ],
      }),
    );
    s.start();
    await s.manager.pollNow();
    expect(s.manager.status('ss-bad')).toMatchObject({ state: 'error', message: expect.stringContaining('社保卡读卡器配置有误') });
    expect(s.manager.status('ss-lib')).toMatchObject({ state: 'error', message: '未找到医保读卡组件（HeaSecReadInfo）' });
    expect(s.list().find((d) => d.id === 'ss-bad')).toMatchObject({ kind: 'sscard', driver: 'sscard' });
  });

  it('reports inserted cards and read errors, and reconnects an unplugged reader', async () => {
    const { s, media, errors } = service(DevicesConfigSchema.parse({ wedge: { enabled: false } }));
    const reader = virtualCounterReader();
    s.addDevice(apduSscardDevice({ id: 'ss', label: '社保卡读卡器', reader, ctx: s.context, pollMs: 10 }), 'sscard');
    s.start();
    await waitUntil(() => s.manager.status('ss')?.state === 'connected');

    const gen3 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;
    reader.insert('contact', new VirtualSscard(sscardProfileOf(gen3)));
    await waitUntil(() => media.length === 1);
    expect(media[0]).toMatchObject({ kind: 'ssCard', deviceId: 'ss', mdtrtCertType: '03', mdtrtCertNo: gen3.card.cardNumber, cardSn: gen3.card.cardIdCode });
    expect(s.list().find((d) => d.id === 'ss')?.lastRead?.summary).toMatch(/^社保卡 /);
    reader.remove('contact');

    reader.remove('psam1');
    await new Promise((r) => setTimeout(r, 40));
    reader.insert('contact', new VirtualSscard(sscardProfileOf(gen3)));
    await waitUntil(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ code: 'SSCARD_PSAM_MISSING', medium: 'ssCard' });

    reader.unplug();
    await waitUntil(() => s.manager.status('ss')?.state === 'disconnected');
    reader.replug();
    await s.manager.pollNow();
    await waitUntil(() => s.manager.status('ss')?.state === 'connected', { timeoutMs: 8000 });
    expect(s.manager.status('ss')?.reconnects).toBe(1);
  });
});
