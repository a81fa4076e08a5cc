import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEVICES_CONFIG } from '@src/contract/devices-config';
import type { Medium } from '@src/contract/methods/devices';
import { DeviceService } from '@src/devices/device-service';
import { waitUntil } from '@native/transport/wait-until';
import { TRAINING_PATIENTS } from '../fixtures/training-patients';
import { TRAINING_DRUG_CODES } from './training-drug-codes';
import { TrainingDevices } from './training-devices';
import { classifyScan } from '@native/qr/scan-classifier';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

async function start() {
  const devices = new DeviceService({ config: () => DEFAULT_DEVICES_CONFIG, institutionKind: () => 'hospital', operator: () => undefined, sources: [] });
  const media: Medium[] = [];
  devices.onMedium((m) => media.push(m));
  devices.start();
  stops.push(() => devices.stop());
  const training = await TrainingDevices.start(devices, { inProcess: true, pollMs: 20, paceBaud: 1_000_000 });
  stops.push(() => training.stop());
  await waitUntil(() => devices.statusBar().filter((d) => d.state === 'connected').length === 2);
  return { devices, training, media };
}

describe('training devices (in-process lines)', () => {
  it('every training patient\'s ID card can be placed and is read back exactly', async () => {
    const { training, media } = await start();
    expect(training.fallbackReason).toBeUndefined();
    for (const p of TRAINING_PATIENTS) {
      await training.placeCard(p.idNumber, 'idCard');
      await waitUntil(() => media.some((m) => m.kind === 'idCard' && m.idCard.idNumber === p.idNumber), { what: p.name });
      await training.removeCard('idCard');
    }
    expect(training.placed()).toEqual({});
  });

  it('shows codes to the virtual scanner', async () => {
    const { training, media } = await start();
    await training.showCode({ code: TRAINING_DRUG_CODES[0]!.code });
    await waitUntil(() => media.some((m) => m.kind === 'drugBarcode'));
  });

  it('every sample drug code classifies as a drug code', () => {
    for (const d of TRAINING_DRUG_CODES) expect(classifyScan(d.code).kind, d.code).toBe('drug');
  });

  it('refuses unknown patients, and 社保卡 until a slot is registered', async () => {
    const { training } = await start();
    await expect(training.placeCard('110105199307260072', 'idCard')).rejects.toMatchObject({ code: 'TRAINING_PATIENT_UNKNOWN' });
    await expect(training.placeCard(TRAINING_PATIENTS[0]!.idNumber, 'ssCard')).rejects.toMatchObject({ code: 'TRAINING_SSCARD_UNAVAILABLE' });
    const placed: string[] = [];
    training.setSsCardSlot({ place: (id) => void placed.push(id), remove: () => undefined });
    await training.placeCard(TRAINING_PATIENTS[0]!.idNumber, 'ssCard');
    expect(placed).toEqual([TRAINING_PATIENTS[0]!.idNumber]);
    expect(training.placed()).toEqual({ ssCard: TRAINING_PATIENTS[0]!.idNumber });
    await expect(training.showCode({})).rejects.toMatchObject({ code: 'TRAINING_NO_CODE' });
  });
});
