// The training patients' social security cards, as the virtual readers carry them.
//
// native/ must not import training fixtures, so the mapping lives here (training zone) and the
// virtual cards receive plain profiles. 卡的类别 and 初始化机构编号 are not in the fixtures: the
// profiles use "1" and the card's region code + D156000005 + zero padding (invented, training only).
import type { VirtualSscardProfile } from '@native/virtual/sscard/sscard-profile';
import { VirtualSscard, type VirtualSscardOptions } from '@native/virtual/sscard/virtual-sscard';
import { TRAINING_PATIENTS, type TrainingPatient } from '../fixtures/training-patients';

export function sscardProfileOf(patient: TrainingPatient): VirtualSscardProfile {
  const region = patient.card.cardIdCode.slice(0, 6);
  return {
    cardIdCode: patient.card.cardIdCode,
    cardType: '1',
    specVersion: patient.card.specVersion,
    issuer: `${region}D15600000500000000`,
    issueDate: patient.card.issueDate,
    expiryDate: patient.card.expiryDate,
    cardNumber: patient.card.cardNumber,
    ssn: patient.idNumber,
    name: patient.name,
    gender: patient.gender,
    nation: patient.nation,
    birthPlace: patient.card.birthPlace,
    birthDate: patient.birthDate,
  };
}

/** One virtual card per training patient, in fixture order. */
export function trainingSscards(options: VirtualSscardOptions = {}): VirtualSscard[] {
  return TRAINING_PATIENTS.map((p) => new VirtualSscard(sscardProfileOf(p), options));
}
