// The outpatient visit being billed: the form, the fee lines, the pre-settlement and the result.
// Kept in a store so that looking something up on another screen does not lose the visit.
// Once registered at the hub (visitId), the visit's type and diagnoses are fixed: changing them
// means cancelling the visit (2205/2202) and starting again, which the screen offers.
import { create } from 'zustand';
import type { CatalogItem } from '@src/contract/methods/catalog';
import type { DiagnosisInput, PreSettlement, SettleResult } from '@src/contract/methods/settlement';
import { addItem, type DraftLine } from '../components/settlement/fee-lines';

export type OutpatientMedType = '11' | '13' | '14';

export interface OutpatientDraft {
  medType: OutpatientMedType;
  chronicCode: string;
  deptCode: string;
  doctorName: string;
  diagnoses: DiagnosisInput[];
  lines: DraftLine[];
  acctUsed: boolean;
  /** Registered at the hub (2201 done). */
  visitId: number | undefined;
  mdtrtId: string;
  pre: PreSettlement | undefined;
  /** Lines or the account toggle changed since the pre-settlement: pre-settle again first. */
  stale: boolean;
  result: SettleResult | undefined;
}

const empty: OutpatientDraft = {
  medType: '11',
  chronicCode: '',
  deptCode: 'A03',
  doctorName: '',
  diagnoses: [],
  lines: [],
  acctUsed: true,
  visitId: undefined,
  mdtrtId: '',
  pre: undefined,
  stale: false,
  result: undefined,
};

interface OutpatientState extends OutpatientDraft {
  set(patch: Partial<OutpatientDraft>): void;
  /** A change that invalidates the pre-settlement. */
  edit(patch: Partial<Pick<OutpatientDraft, 'lines' | 'acctUsed'>>): void;
  addLine(item: CatalogItem): void;
  addDiagnosis(d: DiagnosisInput): void;
  reset(): void;
}

export const useOutpatient = create<OutpatientState>((set, get) => ({
  ...empty,
  set: (patch) => set(patch),
  edit: (patch) => set({ ...patch, stale: get().pre !== undefined }),
  addLine: (item) => set({ lines: addItem(get().lines, item), stale: get().pre !== undefined }),
  addDiagnosis: (d) => {
    if (get().diagnoses.some((x) => x.code === d.code)) return;
    set({ diagnoses: [...get().diagnoses, d] });
  },
  reset: () => set({ ...empty }),
}));
