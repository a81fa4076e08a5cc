// The training patients' resident ID cards and e-voucher payloads, as the virtual devices carry
// them (native/ receives plain data; the fixtures stay in the training zone).
import type { VirtualIdCard } from '@native/virtual/virtual-samv-reader';
import { TRAINING_PATIENTS, trainingPatientByIdNumber, type TrainingPatient } from '../fixtures/training-patients';

export function idCardOf(patient: TrainingPatient): VirtualIdCard {
  return {
    text: {
      name: patient.name,
      gender: patient.gender,
      nation: patient.nation,
      birthDate: patient.birthDate,
      address: patient.address,
      idNumber: patient.idNumber,
      authority: patient.authority,
      validFrom: patient.idValidFrom,
      validTo: patient.idValidTo,
    },
  };
}

export function trainingIdCard(idNumber: string): VirtualIdCard | undefined {
  const p = trainingPatientByIdNumber(idNumber);
  return p ? idCardOf(p) : undefined;
}

export function trainingEcPayload(idNumber: string): string | undefined {
  return trainingPatientByIdNumber(idNumber)?.ecQrPayload;
}

export function trainingIdCards(): VirtualIdCard[] {
  return TRAINING_PATIENTS.map(idCardOf);
}
