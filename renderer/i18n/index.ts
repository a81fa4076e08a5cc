// t('key', params): every visible string. Dictionaries are per feature; add yours to `dictionaries`.
import { useSyncExternalStore } from 'react';
import { interpolate, type Locale } from './define';
import catalog from './catalog';
import devices from './devices';
import offline from './offline';
import reconcile from './reconcile';
import settlement from './settlement';
import shell from './shell';
import sscard from './sscard';

const dictionaries = [shell, devices, settlement, catalog, sscard, reconcile, offline] as const;

type KeysOf<D> = D extends { 'zh-CN': infer Z } ? keyof Z & string : never;
export type MessageKey = KeysOf<(typeof dictionaries)[number]>;

const merged: Record<Locale, Record<string, string>> = { 'zh-CN': {}, en: {} };
for (const d of dictionaries) {
  Object.assign(merged['zh-CN'], d['zh-CN']);
  Object.assign(merged.en, d.en);
}

let locale: Locale = 'zh-CN';
const listeners = new Set<() => void>();

export function setLocale(next: Locale): void {
  if (next === locale) return;
  locale = next;
  document.documentElement.lang = next;
  for (const l of listeners) l();
}

export function getLocale(): Locale {
  return locale;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(merged[locale][key] ?? merged['zh-CN'][key] ?? key, params);
}

/** Re-renders the component when the locale changes. */
export function useT(): typeof t {
  useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => locale,
  );
  return t;
}

export type { Locale };
