// The pharmacy purchase being billed (med_type 41): drug lines, the 2101 draft and its result.
import { create } from 'zustand';
import type { CatalogItem } from '@src/contract/methods/catalog';
import type { PreSettlement, SettleResult } from '@src/contract/methods/settlement';
import { addItem, type DraftLine } from '../components/settlement/fee-lines';

export interface PharmacyDraft {
  lines: DraftLine[];
  acctUsed: boolean;
  draftId: number | undefined;
  pre: PreSettlement | undefined;
  stale: boolean;
  result: SettleResult | undefined;
}

const empty: PharmacyDraft = { lines: [], acctUsed: true, draftId: undefined, pre: undefined, stale: false, result: undefined };

interface PharmacyState extends PharmacyDraft {
  set(patch: Partial<PharmacyDraft>): void;
  edit(patch: Partial<Pick<PharmacyDraft, 'lines' | 'acctUsed'>>): void;
  addLine(item: CatalogItem): void;
  reset(): void;
}

export const usePharmacy = create<PharmacyState>((set, get) => ({
  ...empty,
  set: (patch) => set(patch),
  edit: (patch) => set({ ...patch, stale: get().pre !== undefined }),
  addLine: (item) => set({ lines: addItem(get().lines, item), stale: get().pre !== undefined }),
  reset: () => set({ ...empty }),
}));
