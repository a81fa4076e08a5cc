// Keyboard-wedge scanners type into whatever has focus. This hook forwards key bursts to the host
// (devices.wedgeInput), which tells scanner from typing by timing and handles scans; when a scan
// landed in a text field, the scanned characters are taken out of it again. Password fields are
// never forwarded. Mount once for the whole signed-in shell (App.tsx) or per screen.
import { useEffect } from 'react';
import { api } from '../../bridge/api';

const IDLE_MS = 100;
const MAX_BATCH = 512;

type Editable = HTMLInputElement | HTMLTextAreaElement;

function editable(el: Element | null): Editable | undefined {
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && ['text', 'search', 'tel', 'number', ''].includes(el.type)) return el;
  return undefined;
}

/** Removes the last `n` characters a scan typed into a field, telling React about it. */
function removeTail(el: Editable, n: number): void {
  if (n <= 0 || el.value.length < n) return;
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  setter?.call(el, el.value.slice(0, el.value.length - n));
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function useWedgeCapture(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    let batch: { key: string; t: number }[] = [];
    let target: Editable | undefined;
    let timer: number | undefined;

    const send = (flush: boolean): void => {
      if (timer !== undefined) window.clearTimeout(timer);
      timer = undefined;
      const events = batch;
      const field = target;
      batch = [];
      if (events.length === 0) return;
      api.devices
        .wedgeInput({ events, flush })
        .then(({ results }) => {
          const scanned = results.filter((r) => r.kind === 'scan').reduce((n, r) => n + r.length, 0);
          if (scanned > 0 && field) removeTail(field, scanned);
        })
        .catch(() => undefined);
    };

    const onKey = (e: KeyboardEvent): void => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'password') return;
      const isChar = [...e.key].length === 1;
      if (!isChar && e.key !== 'Enter' && e.key !== 'Tab' && e.key !== 'Shift') return;
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (batch.length === 0) target = editable(document.activeElement);
      batch.push({ key: e.key, t: e.timeStamp });
      if (e.key === 'Enter' || e.key === 'Tab' || batch.length >= MAX_BATCH) send(false);
      else {
        if (timer !== undefined) window.clearTimeout(timer);
        timer = window.setTimeout(() => send(true), IDLE_MS);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [enabled]);
}
