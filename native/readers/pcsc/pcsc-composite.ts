// Composite PC/SC readers: one USB device that shows up as several PC/SC readers — contactless,
// contact and PSAM (e.g. Decard DC4: Contactless_Reader, Smart_Card_Reader, SAMX_Reader; devices.md
// §3). Given the reader the operator chose, find its siblings so the PSAM becomes slot psam1.
//
// Heuristic (documented in docs/sscard.md): strip the pcsc-lite index suffix (" 00 01"), bracketed
// interface names and the interface keywords to get the device's base name; siblings share it. A
// name mentioning SAM is a PSAM socket, one mentioning contactless/PICC/CL a contactless field.
// Explicit names in the configuration always win.
import type { SlotId } from '../slots';

const PSAM_WORDS = /\b(?:P?SAM[A-Z0-9]*(?:_Reader)?)\b/i;
const CONTACTLESS_WORDS = /\b(?:Contactless(?:_Reader)?|PICC|CL|NFC(?:_Peer)?|RF)\b/i;
const INTERFACE_WORDS = /\b(?:Smart_Card_Reader|Contact(?:less)?(?:_Reader)?|P?SAM[A-Z0-9]*(?:_Reader)?|PICC|CL|NFC(?:_Peer)?|RF|Reader|Interface)\b/gi;

export type ReaderRole = 'contact' | 'contactless' | 'psam' | 'other';

export function roleOfReaderName(name: string): ReaderRole {
  if (/NFC_Peer/i.test(name)) return 'other';
  if (PSAM_WORDS.test(name)) return 'psam';
  if (CONTACTLESS_WORDS.test(name)) return 'contactless';
  return 'contact';
}

/** "Decard DC4 [SAMX_Reader] (1234) 01 00" → "decard dc4 (1234)". */
export function deviceBaseName(name: string): string {
  return name
    .replace(/(\s+[0-9A-F]{2}){1,2}\s*$/i, '')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(INTERFACE_WORDS, ' ')
    .replace(/[\s_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Picks the reader the configuration names: exact match, else the single name containing it. */
export function matchReaderName(names: readonly string[], wanted: string): string | undefined {
  if (names.includes(wanted)) return wanted;
  const w = wanted.toLowerCase();
  const hits = names.filter((n) => n.toLowerCase().includes(w));
  if (hits.length === 1) return hits[0];
  // Several slots of one multi-slot reader ("X 00 00", "X 00 01"): the first slot is meant.
  const stems = new Set(hits.map((n) => n.replace(/\s+[0-9A-F]{2}\s*$/i, '')));
  return hits.length > 1 && stems.size === 1 ? hits[0] : undefined;
}

export interface CompositeChoice {
  /** The reader the operator chose (contact or contactless). */
  reader: string;
  /** Explicit PSAM reader; null: no PSAM; undefined: look for a sibling. */
  psamReader?: string | null;
  contactlessReader?: string | null;
}

/**
 * Slot → PC/SC reader name. `present` tells which readers hold a card; when several siblings
 * could be the PSAM, the one with a card in it wins.
 */
export function resolveCompositeSlots(names: readonly string[], choice: CompositeChoice, present: (name: string) => boolean = () => false): Partial<Record<SlotId, string>> | undefined {
  const main = matchReaderName(names, choice.reader);
  if (!main) return undefined;
  const slots: Partial<Record<SlotId, string>> = {};
  slots[roleOfReaderName(main) === 'contactless' ? 'contactless' : 'contact'] = main;
  const base = deviceBaseName(main);
  const siblings = names.filter((n) => n !== main && deviceBaseName(n) === base);
  const pick = (role: ReaderRole): string | undefined => {
    const candidates = siblings.filter((n) => roleOfReaderName(n) === role);
    return candidates.find(present) ?? candidates[0];
  };

  const psam = choice.psamReader === undefined ? pick('psam') : choice.psamReader === null ? undefined : matchReaderName(names, choice.psamReader);
  if (psam) slots.psam1 = psam;
  if (!slots.contactless) {
    const cl = choice.contactlessReader === undefined ? pick('contactless') : choice.contactlessReader === null ? undefined : matchReaderName(names, choice.contactlessReader);
    if (cl) slots.contactless = cl;
  }
  return slots;
}
