// The few identifiers the journal keeps readable, found in a wire input wherever the transaction
// puts them (data.psn_no, feedetail[0].psn_no, mdtrtinfo.psn_no …).
import { isLosslessNumber } from 'lossless-json';
import type { JournalKeys } from '../journal/hub-journal';

function findKey(value: unknown, key: string, depth: number): string | undefined {
  if (depth > 3 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 3)) {
      const hit = findKey(v, key, depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const direct = obj[key];
  if (typeof direct === 'string' && direct !== '') return direct;
  if (isLosslessNumber(direct)) return direct.value;
  for (const v of Object.values(obj)) {
    const hit = findKey(v, key, depth + 1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function journalKeysOf(wireInput: unknown): JournalKeys {
  return { psnNo: findKey(wireInput, 'psn_no', 0), mdtrtId: findKey(wireInput, 'mdtrt_id', 0), setlId: findKey(wireInput, 'setl_id', 0) };
}

/** True when the input names a person (then the envelope needs insuplc_admdvs). */
export function mentionsPerson(wireInput: unknown): boolean {
  return findKey(wireInput, 'psn_no', 0) !== undefined;
}
