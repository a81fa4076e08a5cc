// The card reader on the 延时结算 screen (as the settlement screens' useCounterMedia): a 社保卡, ID
// card or e-voucher read while the screen is open — or just before it opened (the medium store
// keeps the latest) — fills the patient. Drug barcodes are left for screens that use them.
import { useEffect, useRef } from 'react';
import { useMedia } from '../devices/medium-store';
import { mediumSummary } from '../devices/medium-summary';
import { offlinePatientOf, type OfflinePatient } from './offline-medium';

export function useOfflineMedia(onPatient: (p: OfflinePatient, summary: string) => void): void {
  const pending = useMedia((s) => s.pending);
  const start = useMedia((s) => s.start);
  const handler = useRef(onPatient);
  handler.current = onPatient;

  useEffect(() => start(), [start]);

  useEffect(() => {
    if (!pending || pending.kind === 'drugBarcode') return;
    const m = useMedia.getState().take();
    const p = m && offlinePatientOf(m);
    if (m && p) handler.current(p, mediumSummary(m));
  }, [pending]);
}
