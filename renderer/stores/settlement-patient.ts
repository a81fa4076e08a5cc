// The patient at the counter, shared by the outpatient, pharmacy and inpatient screens: who was
// identified (1101 through patient.identify), which insurance the cashier chose, and why
// identification failed. One patient at a time; `clear()` when the next one steps up.
import { create } from 'zustand';
import type { Patient } from '@src/contract/methods/settlement';
import type { Medium } from '@src/contract/methods/devices';
import { api } from '../bridge/api';

export type TypedReason = 'noCard' | 'readerFault' | 'other';

export interface IdentifyRequest {
  certType: '01' | '02' | '03';
  certNo: string;
  cardSn?: string;
  typedReason?: string;
}

interface PatientState {
  patient: Patient | undefined;
  insutype: string;
  busy: boolean;
  error: unknown;
  /** Where the identity came from ('idCard', 'eVoucher', 'ssCard', 'typed'), for the panel. */
  source: string | undefined;
  identify(request: IdentifyRequest, source: string): Promise<Patient | undefined>;
  chooseInsutype(insutype: string): void;
  clear(): void;
}

/** The identify request a patient medium carries; undefined for a drug barcode. */
export function requestFromMedium(m: Medium): IdentifyRequest | undefined {
  switch (m.kind) {
    case 'idCard':
    case 'eVoucher':
      return { certType: m.mdtrtCertType, certNo: m.mdtrtCertNo };
    case 'ssCard':
      return { certType: m.mdtrtCertType, certNo: m.mdtrtCertNo, cardSn: m.cardSn };
    case 'drugBarcode':
      return undefined;
  }
}

export const usePatient = create<PatientState>((set, get) => ({
  patient: undefined,
  insutype: '',
  busy: false,
  error: undefined,
  source: undefined,

  async identify(request, source) {
    if (get().busy) return undefined;
    set({ busy: true, error: undefined, source });
    try {
      const patient = await api.patient.identify(request);
      set({ patient, insutype: patient.defaultInsutype, busy: false });
      return patient;
    } catch (e) {
      set({ patient: undefined, insutype: '', busy: false, error: e });
      return undefined;
    }
  },

  chooseInsutype(insutype) {
    set({ insutype });
  },

  clear() {
    set({ patient: undefined, insutype: '', error: undefined, source: undefined, busy: false });
  },
}));
