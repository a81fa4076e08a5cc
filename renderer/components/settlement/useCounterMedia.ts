// A counter screen takes what the readers identify: a patient medium (ID card, 社保卡, e-voucher)
// starts identification, a drug barcode goes to the screen's handler (pharmacy). The device store
// keeps the latest medium until a screen takes it, so a card placed just before the screen opened
// is not lost. Keyboard-wedge input is forwarded by the shell for every screen (useDeviceInput in
// App.tsx), so it is not captured again here (that would send every key twice).
import { useEffect, useRef } from 'react';
import type { Medium } from '@src/contract/methods/devices';
import { useMedia } from '../../screens/devices/medium-store';
import { requestFromMedium, usePatient } from '../../stores/settlement-patient';

type Barcode = Extract<Medium, { kind: 'drugBarcode' }>;

export function useCounterMedia(options: { onBarcode?: (m: Barcode) => void; enabled?: boolean } = {}): void {
  const pending = useMedia((s) => s.pending);
  const start = useMedia((s) => s.start);
  const identify = usePatient((s) => s.identify);
  const onBarcode = useRef(options.onBarcode);
  onBarcode.current = options.onBarcode;
  const enabled = options.enabled ?? true;

  useEffect(() => start(), [start]);

  useEffect(() => {
    if (!enabled || !pending) return;
    if (pending.kind === 'drugBarcode') {
      // A barcode is only taken by a screen that can use it; others leave it alone.
      if (!onBarcode.current) return;
      const m = useMedia.getState().take();
      if (m?.kind === 'drugBarcode') onBarcode.current(m);
      return;
    }
    const m = useMedia.getState().take();
    const request = m && requestFromMedium(m);
    if (m && request) void identify(request, m.kind);
  }, [pending, enabled, identify]);
}
