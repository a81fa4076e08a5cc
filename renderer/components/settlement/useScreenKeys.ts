// Screen-level shortcuts that win over the shell's route F-keys while the screen is open (the
// settlement screens confirm with F9, which the shell otherwise uses to open the device screen).
// Listens in the capture phase and stops the key there, so the shell's listener never sees it.
import { useEffect, useRef } from 'react';
import { keyName, type HotkeyMap } from '../useHotkeys';

export function useScreenKeys(map: HotkeyMap, enabled = true): void {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      const handler = current.current[keyName(e)];
      if (!handler) return;
      e.preventDefault();
      e.stopPropagation();
      handler(e);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
