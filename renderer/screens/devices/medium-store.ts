// What the terminal identified last (a patient's medium or a drug code) and recent read errors.
// Subscribed once, like the terminal store, so a work screen that opens after the card was read
// (the trainee placed it from the device screen) still finds it: `take()` hands it over once.
import { create } from 'zustand';
import type { Medium } from '@src/contract/methods/devices';
import { subscribe } from '../../bridge/api';
import { mediumSummary } from './medium-summary';

export interface RecentEntry {
  seq: number;
  at: string;
  deviceId: string;
  /** A medium (masked summary) or a failed read (message + hint). */
  kind: Medium['kind'] | 'error';
  text: string;
  hint?: string;
}

interface MediumState {
  /** The latest medium not yet taken by a work screen. */
  pending: Medium | undefined;
  recent: RecentEntry[];
  /** Starts listening (idempotent). */
  start(): void;
  /** The pending medium, once. */
  take(): Medium | undefined;
}

let started = false;
let seq = 0;
const KEEP = 20;

export const useMedia = create<MediumState>((set, get) => ({
  pending: undefined,
  recent: [],
  start() {
    if (started) return;
    started = true;
    subscribe('devices.medium', (m) => {
      set({ pending: m, recent: [{ seq: ++seq, at: m.at, deviceId: m.deviceId, kind: m.kind, text: mediumSummary(m) }, ...get().recent].slice(0, KEEP) });
    });
    subscribe('devices.readError', (e) => {
      set({ recent: [{ seq: ++seq, at: e.at, deviceId: e.deviceId, kind: 'error' as const, text: e.message, ...(e.hint ? { hint: e.hint } : {}) }, ...get().recent].slice(0, KEEP) });
    });
  },
  take() {
    const m = get().pending;
    if (m) set({ pending: undefined });
    return m;
  },
}));
