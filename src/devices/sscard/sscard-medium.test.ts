import { describe, expect, it } from 'vitest';
import { MediumSchema } from '@src/contract/methods/devices';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { readSscard } from '@native/sscard/ssse-reader';
import { virtualCounterReader } from '@native/virtual/sscard/virtual-counter-reader';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import { sscard1101Certificate, sscardMedium } from './sscard-medium';

describe('a social security card read as a medium', () => {
  it('carries mdtrt_cert_type 03, the card number and the 卡识别码 as card_sn, and fits the contract', async () => {
    const patient = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;
    const reader = virtualCounterReader({ card: new VirtualSscard(sscardProfileOf(patient)) });
    await reader.open();
    const medium = sscardMedium(await readSscard(reader));
    expect(medium).toMatchObject({ kind: 'ssCard', mdtrtCertType: '03', mdtrtCertNo: patient.card.cardNumber, cardSn: patient.card.cardIdCode });
    expect(MediumSchema.parse({ ...medium, deviceId: 'ss', at: new Date(0).toISOString() })).toMatchObject({ kind: 'ssCard' });
    expect(sscard1101Certificate(medium)).toEqual({ mdtrt_cert_type: '03', mdtrt_cert_no: patient.card.cardNumber, card_sn: patient.card.cardIdCode });
  });
});
