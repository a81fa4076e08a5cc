// The terminal's settlements, read from the hub journal (src/hub/journal): every call with side
// effects is written there before it is sent and its answer is kept (sealed) when it returns, so
// the journal is the record of what this terminal actually sent and what the hub answered — the
// right side of the books to reconcile. Decision (docs/reconcile.md): totals come from here; the
// settlement records (src/settlement) are joined by msgid for local ids and receipts once they
// exist, but never replace the journal as the source of the amounts.
//
// In force = answered ok (or confirmed by 5203 later), not resolved as not_applied/reversed, and not
// undone by a successful 2601 from this terminal.
import type { Hub } from '@src/hub/hub';
import type { SetlInfo } from '@src/hub/protocol';
import type { Db } from '@src/platform/db/open';
import { logger } from '@src/platform/logger';
import { chinaDate } from './date-range';
import { clrTypeOfInfno, type DateRange, type SettledRecord, type SettlementSource } from './settled-record';

const log = logger('reconcile.source');

export const SETTLE_INFNOS = ['2207', '2304', '2102'] as const;
export const CANCEL_INFNOS = ['2208', '2305', '2103'] as const;
const ALL = [...SETTLE_INFNOS, ...CANCEL_INFNOS];

interface JournalRow {
  id: number;
  msgid: string;
  infno: string;
  created_at: string;
  insuplc_admdvs: string | null;
  operator: string | null;
}

/** Journal rows are stamped in UTC; a China-time day can start up to 8 h earlier in UTC. */
function utcWindow(range: DateRange): { from: string; to: string } {
  const from = new Date(Date.parse(`${range.from}T00:00:00Z`) - 86_400_000).toISOString();
  const to = new Date(Date.parse(`${range.to}T00:00:00Z`) + 2 * 86_400_000).toISOString();
  return { from, to };
}

export class JournalSettlementSource implements SettlementSource {
  constructor(
    private readonly db: Db,
    private readonly hub: Hub,
  ) {}

  records(range: DateRange): SettledRecord[] {
    const w = utcWindow(range);
    const rows = this.db
      .prepare(
        `SELECT id, msgid, infno, created_at, insuplc_admdvs, operator FROM hub_journal
         WHERE infno IN (${ALL.map(() => '?').join(',')}) AND state = 'ok' AND (resolution IS NULL OR resolution = 'confirmed')
           AND created_at BETWEEN ? AND ? ORDER BY id`,
      )
      .all(...ALL, w.from, w.to) as JournalRow[];
    const reversed = this.reversedMsgids(w);
    const out: SettledRecord[] = [];
    for (const row of rows) {
      if (reversed.has(row.msgid)) continue;
      const record = this.toRecord(row);
      if (record && record.setlDate >= range.from && record.setlDate <= range.to) out.push(record);
    }
    this.joinRecordIds(out);
    return out;
  }

  /**
   * Adds the local settlement record id (settlement_records, docs/settlement.md) by msgid: the
   * settling msgid for settlements, refund_msgid for refunds. Read-only, on the documented
   * columns; the amounts stay the journal's.
   */
  private joinRecordIds(records: SettledRecord[]): void {
    if (records.length === 0 || !this.hasSettlementRecords()) return;
    const ids = new Map<string, number>();
    for (let i = 0; i < records.length; i += 400) {
      const msgids = records.slice(i, i + 400).map((r) => r.msgid);
      const marks = msgids.map(() => '?').join(',');
      const rows = this.db.prepare(`SELECT id, msgid, refund_msgid FROM settlement_records WHERE msgid IN (${marks}) OR refund_msgid IN (${marks})`).all(...msgids, ...msgids) as { id: number; msgid: string | null; refund_msgid: string | null }[];
      for (const r of rows) {
        if (r.msgid) ids.set(`settle:${r.msgid}`, r.id);
        if (r.refund_msgid) ids.set(`cancel:${r.refund_msgid}`, r.id);
      }
    }
    for (const r of records) r.recordId = ids.get(`${r.kind}:${r.msgid}`);
  }

  private hasSettlementRecords(): boolean {
    return this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settlement_records'`).get() !== undefined;
  }

  reversals(range: DateRange): { msgid: string; omsgid: string; oinfno: string; at: string; operator: string }[] {
    return this.okReversals(utcWindow(range)).filter((r) => {
      const day = chinaDate(new Date(r.at));
      return day >= range.from && day <= range.to;
    });
  }

  private reversedMsgids(w: { from: string; to: string }): Set<string> {
    // A reversal may come days after the original: look a little further ahead.
    const later = { from: w.from, to: new Date(Date.parse(w.to) + 62 * 86_400_000).toISOString() };
    return new Set(this.okReversals(later).map((r) => r.omsgid));
  }

  private okReversals(w: { from: string; to: string }): { msgid: string; omsgid: string; oinfno: string; at: string; operator: string }[] {
    const rows = this.db
      .prepare(`SELECT id, msgid, created_at, operator FROM hub_journal WHERE infno = '2601' AND state = 'ok' AND created_at BETWEEN ? AND ? ORDER BY id`)
      .all(w.from, w.to) as { id: number; msgid: string; created_at: string; operator: string | null }[];
    const out: { msgid: string; omsgid: string; oinfno: string; at: string; operator: string }[] = [];
    for (const r of rows) {
      try {
        const body = JSON.parse(this.hub.journal.requestBody(r.id)) as { input?: { data?: { omsgid?: string; oinfno?: string } } };
        const data = body.input?.data;
        if (data?.omsgid) out.push({ msgid: r.msgid, omsgid: data.omsgid, oinfno: data.oinfno ?? '', at: r.created_at, operator: r.operator ?? '' });
      } catch (e) {
        log.warn({ journalId: r.id, err: e }, 'reversal request could not be read');
      }
    }
    return out;
  }

  private toRecord(row: JournalRow): SettledRecord | undefined {
    const output = this.hub.resolver.outputOf(row.id) as { setlinfo?: SetlInfo } | undefined;
    const s = output?.setlinfo;
    if (!s) {
      log.warn({ journalId: row.id, infno: row.infno }, 'settlement answer missing from the journal');
      return undefined;
    }
    const cancel = (CANCEL_INFNOS as readonly string[]).includes(row.infno);
    const setlTime = s.setl_time ?? chinaTime(new Date(row.created_at));
    return {
      setlId: s.setl_id,
      mdtrtId: s.mdtrt_id,
      psnNo: s.psn_no,
      msgid: row.msgid,
      infno: row.infno,
      kind: cancel ? 'cancel' : 'settle',
      refd: cancel ? '1' : '0',
      insutype: s.insutype ?? '',
      clrType: s.clr_type ?? clrTypeOfInfno(row.infno),
      medType: s.med_type ?? '',
      setlTime,
      setlDate: setlTime.slice(0, 10),
      insuplcAdmdvs: row.insuplc_admdvs ?? '',
      operator: row.operator ?? '',
      medfee: s.medfee_sumamt,
      fund: s.fund_pay_sumamt,
      acct: s.acct_pay,
      cash: s.psn_cash_pay,
      journalId: row.id,
    };
  }
}

function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
