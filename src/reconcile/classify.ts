// Every disagreement of a 3202 result, with its cause:
//   terminal_only  the terminal settled it, the hub has no record (the hub lost it, or the
//                  terminal's record is of a settlement the hub later undid)
//   hub_only       an orphan: the hub settled it, the terminal has no record (typically a lost
//                  answer) — reverse it with 2601 using the msgid from the result file
//   amount_differs both have it, with different amounts
import type { Fen } from '@src/common/money';
import type { ResultRow } from './detail-file';
import type { SettledRecord } from './settled-record';

export type MismatchKind = 'terminal_only' | 'hub_only' | 'amount_differs';

export interface Mismatch {
  kind: MismatchKind;
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  /** The hub's msgid (hub_only, amount_differs) or the terminal's (terminal_only). */
  msgid: string;
  /** The settling transaction, when the terminal knows it. */
  infno: string | undefined;
  /** The local settlement record, when the terminal has one. */
  recordId?: number | undefined;
  refd: string;
  memo: string;
  terminal: { medfee: Fen; fund: Fen; acct: Fen } | undefined;
  hub: { medfee: Fen; fund: Fen; acct: Fen } | undefined;
}

function hubAmounts(r: ResultRow): Mismatch['hub'] {
  return r.hubMedfee === undefined ? undefined : { medfee: r.hubMedfee, fund: r.hubFund ?? 0, acct: r.hubAcct ?? 0 };
}

export function classifyMismatches(result: readonly ResultRow[], records: readonly SettledRecord[]): Mismatch[] {
  const mine = new Map(records.map((r) => [r.setlId, r]));
  const listed = new Set<string>();
  const out: Mismatch[] = [];
  for (const row of result) {
    listed.add(row.setlId);
    if (row.stmtRslt === '0') continue;
    const t = mine.get(row.setlId);
    const terminal = t && { medfee: t.medfee, fund: t.fund, acct: t.acct };
    const base = { setlId: row.setlId, mdtrtId: row.mdtrtId, psnNo: row.psnNo, refd: row.refd, memo: row.memo, terminal, hub: hubAmounts(row), recordId: t?.recordId };
    if (!t) out.push({ ...base, kind: 'hub_only', msgid: row.msgid, infno: undefined, hub: hubAmounts(row) });
    else if (row.msgid === '') out.push({ ...base, kind: 'terminal_only', msgid: t.msgid, infno: t.infno, hub: undefined });
    else out.push({ ...base, kind: 'amount_differs', msgid: row.msgid, infno: t.infno });
  }
  // A hub that leaves out rows it does not know (instead of listing them) still shows them here.
  for (const t of records) {
    if (listed.has(t.setlId)) continue;
    out.push({ kind: 'terminal_only', recordId: t.recordId, setlId: t.setlId, mdtrtId: t.mdtrtId, psnNo: t.psnNo, msgid: t.msgid, infno: t.infno, refd: t.refd, memo: '医保中心对账结果未列出该结算', terminal: { medfee: t.medfee, fund: t.fund, acct: t.acct }, hub: undefined });
  }
  return out;
}
