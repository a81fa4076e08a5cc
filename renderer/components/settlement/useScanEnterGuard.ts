// A keyboard-wedge scanner's Enter on a counter screen ends the scan and nothing else: it must not
// also submit the focused form (the typed ID number, the history search), pick a search answer (the
// drug search would add the drug a second time: the scan itself adds it) or press a focused button.
// The shell forwards the keys to the host (useDeviceInput → devices.wedgeInput), which handles the
// scan and takes the scanned characters out of the field again; this guard swallows the Enter
// before the page sees it. Mount it in the screen component before its useScreenKeys, so its
// window listener (capture phase) runs before the screen's keys and every element's handlers;
// the shell's wedge forwarder was registered at sign-in and still sees the Enter.
import { useEffect } from 'react';
import { ScanEnterDetector } from './scan-enter';

export function useScanEnterGuard(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const detector = new ScanEnterDetector();
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (!detector.key(e.key, e.timeStamp)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
