// Adding up settlement records into report totals and buckets (all integer fen).
import type { Bucket, MoneyTotals } from '@src/contract/methods/reports';
import type { SettledRecord } from '@src/reconcile/settled-record';

export function zeroTotals(): MoneyTotals {
  return { count: 0, medfee: 0, fund: 0, acct: 0, cash: 0 };
}

export function totalsOf(records: readonly SettledRecord[]): MoneyTotals {
  const t = zeroTotals();
  for (const r of records) {
    t.count++;
    t.medfee += r.medfee;
    t.fund += r.fund;
    t.acct += r.acct;
    t.cash += r.cash;
  }
  return t;
}

/** Buckets by a key, largest medical fees first; `label` names each key for people. */
export function bucketsOf(records: readonly SettledRecord[], key: (r: SettledRecord) => string, label: (key: string) => string): Bucket[] {
  const groups = new Map<string, SettledRecord[]>();
  for (const r of records) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.entries()].map(([k, rs]) => ({ key: k, label: label(k), ...totalsOf(rs) })).sort((a, b) => b.medfee - a.medfee || (a.key < b.key ? -1 : 1));
}

/** part / whole as a ratio ×10⁴, rounded half up (0 when whole is 0). */
export function shareOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Number((BigInt(part) * 20_000n + BigInt(whole)) / (2n * BigInt(whole)));
}
