// 3201 compares totals per 险种 (insutype) and 清算类别 (clr_type): medical fees, fund, account and
// the number of settlements, refunds included (cancellations count as rows with negative amounts,
// as the hub counts them).
import type { Fen } from '@src/common/money';
import type { SettledRecord } from './settled-record';

export interface GroupTotals {
  insutype: string;
  clrType: string;
  medfee: Fen;
  fund: Fen;
  acct: Fen;
  cash: Fen;
  count: number;
}

export function emptyGroup(insutype: string, clrType: string): GroupTotals {
  return { insutype, clrType, medfee: 0, fund: 0, acct: 0, cash: 0, count: 0 };
}

export function addRecord(t: { medfee: Fen; fund: Fen; acct: Fen; cash: Fen; count: number }, r: SettledRecord): void {
  t.medfee += r.medfee;
  t.fund += r.fund;
  t.acct += r.acct;
  t.cash += r.cash;
  t.count++;
}

/**
 * Totals per (insutype, clr_type), sorted. `alwaysCheck` lists groups to report even when the
 * terminal has no settlement in them, so a settlement only the hub has in such a group is found.
 */
export function groupTotals(records: readonly SettledRecord[], alwaysCheck: readonly { insutype: string; clrType: string }[] = []): GroupTotals[] {
  const groups = new Map<string, GroupTotals>();
  const get = (insutype: string, clrType: string): GroupTotals => {
    const key = `${insutype}|${clrType}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = emptyGroup(insutype, clrType)));
    return g;
  };
  for (const g of alwaysCheck) get(g.insutype, g.clrType);
  for (const r of records) addRecord(get(r.insutype, r.clrType), r);
  return [...groups.values()].sort((a, b) => (a.insutype + a.clrType < b.insutype + b.clrType ? -1 : 1));
}

/** The groups a terminal of this kind always reconciles: 职工/居民 × its clearing types. */
export function standardGroups(kind: 'hospital' | 'pharmacy'): { insutype: string; clrType: string }[] {
  const clr = kind === 'pharmacy' ? ['41'] : ['11', '21'];
  return ['310', '390'].flatMap((insutype) => clr.map((clrType) => ({ insutype, clrType })));
}
