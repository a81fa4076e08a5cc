// The fee lines a cashier had typed on the outpatient screen when the hub turned out to be
// unreachable, handed to the 延时结算 screen so nothing is typed twice.
import { create } from 'zustand';

export interface HandoverLine {
  code: string;
  price: string;
  quantity: string;
}

interface Handover {
  lines: HandoverLine[] | undefined;
  put(lines: HandoverLine[]): void;
  /** The lines once (then forgotten). */
  take(): HandoverLine[] | undefined;
}

export const useOfflineHandover = create<Handover>((set, get) => ({
  lines: undefined,
  put: (lines) => set({ lines }),
  take() {
    const lines = get().lines;
    set({ lines: undefined });
    return lines;
  },
}));
