// Identified patients of this host, by an opaque handle (patientRef): the identity (name, ID
// number, certificate) never goes back and forth over the bridge, and a handle expires after 30
// minutes so a forgotten screen does not keep a patient's certificate alive.
import { randomUUID } from 'node:crypto';
import { AppError } from '@src/common/errors';
import type { PersonInfo } from '@src/hub/protocol';

export interface IdentifiedPatient {
  ref: string;
  name: string;
  idNumber: string;
  certType: string;
  certNo: string;
  cardSn: string | undefined;
  person: PersonInfo;
  treatmentArea: string;
  /** Valid chronic-disease codes today. */
  chronicCodes: string[];
  identifiedAt: number;
}

export const PATIENT_REF_TTL_MS = 30 * 60_000;

export class PatientRegistry {
  private readonly patients = new Map<string, IdentifiedPatient>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  add(p: Omit<IdentifiedPatient, 'ref' | 'identifiedAt'>): IdentifiedPatient {
    this.prune();
    const full = { ...p, ref: randomUUID(), identifiedAt: this.clock() };
    this.patients.set(full.ref, full);
    return full;
  }

  get(ref: string): IdentifiedPatient {
    this.prune();
    const p = this.patients.get(ref);
    if (!p) throw new AppError({ code: 'SETTLEMENT_PATIENT_EXPIRED', message: '患者信息已过期或不存在', hint: '请重新读卡或扫码识别患者。' });
    return p;
  }

  private prune(): void {
    const now = this.clock();
    for (const [ref, p] of this.patients) if (now - p.identifiedAt > PATIENT_REF_TTL_MS) this.patients.delete(ref);
  }
}
