// Locks the screen after the configured idle minutes without keyboard or pointer input.
import { useEffect } from 'react';
import { useTerminal } from '../stores/terminal-store';

export function useIdleLock(): void {
  const session = useTerminal((s) => s.session);
  const lock = useTerminal((s) => s.lock);
  const active = Boolean(session?.signedIn && !session.locked);
  const minutes = session?.idleLockMinutes ?? 5;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => void lock(), minutes * 60_000);
    const reset = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void lock(), minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [active, minutes, lock]);
}
