// The inpatient screen's working state: which stay is open, the admission form, and the
// diagnoses given at admission (offered again at discharge).
import { create } from 'zustand';
import type { DiagnosisInput } from '@src/contract/methods/settlement';

interface InpatientState {
  openStayId: number | undefined;
  medType: string;
  deptCode: string;
  bed: string;
  diagnoses: DiagnosisInput[];
  /** Admission diagnoses per stay, for the discharge form. */
  admittedWith: Record<number, DiagnosisInput[]>;
  set(patch: Partial<Omit<InpatientState, 'set' | 'resetForm'>>): void;
  resetForm(): void;
}

export const useInpatient = create<InpatientState>((set) => ({
  openStayId: undefined,
  medType: '21',
  deptCode: 'A03',
  bed: '',
  diagnoses: [],
  admittedWith: {},
  set: (patch) => set(patch),
  resetForm: () => set({ medType: '21', deptCode: 'A03', bed: '', diagnoses: [] }),
}));
