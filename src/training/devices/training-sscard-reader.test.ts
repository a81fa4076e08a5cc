// Training mode's 社保卡 reader through the device service: every training patient's card, placed
// through TrainingDevices, arrives as one `ssCard` medium ready for 1101 (type 03 + card_sn).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEVICES_CONFIG } from '@src/contract/devices-config';
import type { Medium } from '@src/contract/methods/devices';
import { DeviceService } from '@src/devices/device-service';
import { waitUntil } from '@native/transport/wait-until';
import { TRAINING_PATIENTS } from '../fixtures/training-patients';
import { TrainingDevices } from './training-devices';
import { TRAINING_SSCARD_ID, TrainingSscardReader } from './training-sscard-reader';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

describe('training 社保卡 reader', () => {
  it('reads every training patient\'s card, 2.00 and 3.00, as a medium for 1101', async () => {
    const devices = new DeviceService({ config: () => DEFAULT_DEVICES_CONFIG, institutionKind: () => 'hospital', operator: () => undefined, sources: [] });
    const media: Medium[] = [];
    devices.onMedium((m) => media.push(m));
    devices.start();
    stops.push(() => devices.stop());
    const training = await TrainingDevices.start(devices, { inProcess: true, pollMs: 20, paceBaud: 1_000_000 });
    stops.push(() => training.stop());
    const ss = TrainingSscardReader.start(devices, { pollMs: 10 });
    stops.push(() => ss.stop());
    training.setSsCardSlot(ss);
    await devices.manager.pollNow();
    await waitUntil(() => devices.manager.status(TRAINING_SSCARD_ID)?.state === 'connected');
    expect(devices.list().find((d) => d.id === TRAINING_SSCARD_ID)).toMatchObject({ kind: 'sscard', driver: 'sscard' });

    for (const p of TRAINING_PATIENTS) {
      await training.placeCard(p.idNumber, 'ssCard');
      await waitUntil(() => media.some((m) => m.kind === 'ssCard' && m.card.ssn === p.idNumber), { what: p.name });
    }
    const cards = media.filter((m): m is Extract<Medium, { kind: 'ssCard' }> => m.kind === 'ssCard');
    expect(cards).toHaveLength(TRAINING_PATIENTS.length);
    for (const [i, p] of TRAINING_PATIENTS.entries()) {
      expect(cards[i]).toMatchObject({ deviceId: TRAINING_SSCARD_ID, mdtrtCertType: '03', mdtrtCertNo: p.card.cardNumber, cardSn: p.card.cardIdCode, card: { name: p.name, specVersion: p.card.specVersion, birthPlace: p.card.birthPlace } });
    }
    await training.removeCard('ssCard');
    expect(training.placed()).toEqual({});
  });
});
