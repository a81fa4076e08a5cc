// Device input for the whole signed-in shell, mounted once in App.tsx: keyboard-wedge scanners
// type into whatever screen has focus (settlement, pharmacy, …), so key bursts must be forwarded
// from every screen, not only from the device screen; and the identified-medium store listens
// from sign-in on, so a work screen opened after a card was read still finds it (`take()`).
import { useEffect } from 'react';
import { useMedia } from './medium-store';
import { useWedgeCapture } from './useWedgeCapture';

export function useDeviceInput(enabled: boolean): void {
  const start = useMedia((s) => s.start);
  useEffect(() => {
    if (enabled) start();
  }, [enabled, start]);
  useWedgeCapture(enabled);
}
