// Persistence of reconciliation runs, their group totals, mismatches and resolutions, and clearing
// applications (terminal.db, migration 500).
import type { ClearingApplicationView, ClearingFigures, MismatchView, ReconcileRunView } from '@src/contract/methods/reconcile';
import type { Db } from '@src/platform/db/open';
import type { Mismatch } from './classify';
import type { GroupTotals } from './group-totals';

interface RunRow {
  id: number;
  begndate: string;
  enddate: string;
  started_at: string;
  finished_at: string | null;
  operator: string;
  state: ReconcileRunView['state'];
  failure: string | null;
}

interface MismatchRow {
  id: number;
  run_id: number;
  kind: MismatchView['kind'];
  setl_id: string;
  mdtrt_id: string;
  psn_no: string;
  msgid: string;
  infno: string | null;
  record_id: number | null;
  refd: string;
  memo: string;
  terminal_medfee_fen: number | null;
  terminal_fund_fen: number | null;
  terminal_acct_fen: number | null;
  hub_medfee_fen: number | null;
  hub_fund_fen: number | null;
  hub_acct_fen: number | null;
  state: 'open' | 'resolved';
  resolution: 'reversed' | 'acknowledged' | null;
  resolution_note: string | null;
  resolution_msgid: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

interface ClearingRow {
  id: number;
  figures: string;
  state: 'applied' | 'cancelled';
  clr_appy_evt_id: string;
  applied_by: string;
  applied_at: string;
  cancelled_by: string | null;
  cancelled_at: string | null;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export class ReconcileStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  startRun(range: { from: string; to: string }, operator: string): number {
    const r = this.db.prepare(`INSERT INTO reconcile_runs (begndate, enddate, started_at, operator, state) VALUES (?, ?, ?, ?, 'running')`).run(range.from, range.to, this.now().toISOString(), operator);
    return Number(r.lastInsertRowid);
  }

  /** Records the outcome of a run in one transaction: groups, mismatches, state. */
  finishRun(runId: number, outcome: { groups: (GroupTotals & { stmtRslt: string; stmtRsltDscr?: string | undefined })[]; mismatches: Mismatch[]; detailFile?: string; resultFile?: string }): void {
    this.db.transaction(() => {
      const g = this.db.prepare(
        `INSERT INTO reconcile_groups (run_id, insutype, clr_type, medfee_fen, fund_fen, acct_fen, cash_fen, setl_cnt, stmt_rslt, stmt_rslt_dscr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const x of outcome.groups) g.run(runId, x.insutype, x.clrType, x.medfee, x.fund, x.acct, x.cash, x.count, x.stmtRslt, x.stmtRsltDscr ?? null);
      const m = this.db.prepare(
        `INSERT INTO reconcile_mismatches (run_id, kind, setl_id, mdtrt_id, psn_no, msgid, infno, record_id, refd, memo, terminal_medfee_fen, terminal_fund_fen, terminal_acct_fen, hub_medfee_fen, hub_fund_fen, hub_acct_fen)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const x of outcome.mismatches) {
        m.run(runId, x.kind, x.setlId, x.mdtrtId, x.psnNo, x.msgid, x.infno ?? null, x.recordId ?? null, x.refd, x.memo, x.terminal?.medfee ?? null, x.terminal?.fund ?? null, x.terminal?.acct ?? null, x.hub?.medfee ?? null, x.hub?.fund ?? null, x.hub?.acct ?? null);
      }
      const disagreed = outcome.mismatches.length > 0 || outcome.groups.some((x) => x.stmtRslt !== '0');
      this.db
        .prepare(`UPDATE reconcile_runs SET state = ?, finished_at = ?, detail_file_qury_no = ?, result_file_qury_no = ? WHERE id = ?`)
        .run(disagreed ? 'disagreed' : 'agreed', this.now().toISOString(), outcome.detailFile ?? null, outcome.resultFile ?? null, runId);
    })();
  }

  failRun(runId: number, failure: string): void {
    this.db.prepare(`UPDATE reconcile_runs SET state = 'failed', finished_at = ?, failure = ? WHERE id = ?`).run(this.now().toISOString(), failure, runId);
  }

  run(runId: number, unresolvedCalls: number): ReconcileRunView | undefined {
    const row = this.db.prepare('SELECT * FROM reconcile_runs WHERE id = ?').get(runId) as RunRow | undefined;
    return row && this.toRun(row, unresolvedCalls);
  }

  runs(limit: number, unresolvedCalls: (from: string, to: string) => number): ReconcileRunView[] {
    const rows = this.db.prepare('SELECT * FROM reconcile_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[];
    return rows.map((r) => this.toRun(r, unresolvedCalls(r.begndate, r.enddate)));
  }

  mismatch(id: number): MismatchView | undefined {
    const row = this.db.prepare('SELECT * FROM reconcile_mismatches WHERE id = ?').get(id) as MismatchRow | undefined;
    return row && toMismatch(row);
  }

  resolveMismatch(id: number, r: { resolution: 'reversed' | 'acknowledged'; note: string; msgid?: string | undefined; by: string }): void {
    this.db
      .prepare(`UPDATE reconcile_mismatches SET state = 'resolved', resolution = ?, resolution_note = ?, resolution_msgid = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND state = 'open'`)
      .run(r.resolution, r.note, r.msgid ?? null, r.by, this.now().toISOString(), id);
  }

  /** insuplc_admdvs the terminal used for this person in any earlier call (needed for 2601). */
  knownInsuredArea(psnNo: string): string | undefined {
    const row = this.db.prepare('SELECT insuplc_admdvs FROM hub_journal WHERE psn_no = ? AND insuplc_admdvs IS NOT NULL ORDER BY id DESC LIMIT 1').get(psnNo) as { insuplc_admdvs: string } | undefined;
    return row?.insuplc_admdvs;
  }

  // ── Clearing ──────────────────────────────────────────────────────────────────────────────────

  openClearing(setlym: string, clrType: string): ClearingApplicationView | undefined {
    const row = this.db.prepare(`SELECT * FROM clearing_applications WHERE setlym = ? AND clr_type = ? AND state = 'applied'`).get(setlym, clrType) as ClearingRow | undefined;
    return row && toClearing(row);
  }

  addClearing(figures: ClearingFigures, a: { clrAppyEvtId: string; msgid: string; by: string }): number {
    const r = this.db
      .prepare(`INSERT INTO clearing_applications (setlym, clr_type, figures, state, clr_appy_evt_id, msgid, applied_by, applied_at) VALUES (?, ?, ?, 'applied', ?, ?, ?, ?)`)
      .run(figures.setlym, figures.clrType, JSON.stringify(figures), a.clrAppyEvtId, a.msgid, a.by, this.now().toISOString());
    return Number(r.lastInsertRowid);
  }

  cancelClearing(id: number, a: { msgid: string; by: string }): void {
    this.db.prepare(`UPDATE clearing_applications SET state = 'cancelled', cancelled_by = ?, cancelled_at = ?, cancel_msgid = ? WHERE id = ?`).run(a.by, this.now().toISOString(), a.msgid, id);
  }

  clearing(id: number): ClearingApplicationView | undefined {
    const row = this.db.prepare('SELECT * FROM clearing_applications WHERE id = ?').get(id) as ClearingRow | undefined;
    return row && toClearing(row);
  }

  clearings(): ClearingApplicationView[] {
    return (this.db.prepare('SELECT * FROM clearing_applications ORDER BY id DESC LIMIT 200').all() as ClearingRow[]).map(toClearing);
  }

  private toRun(row: RunRow, unresolvedCalls: number): ReconcileRunView {
    const groups = this.db.prepare('SELECT * FROM reconcile_groups WHERE run_id = ? ORDER BY insutype, clr_type').all(row.id) as {
      insutype: string;
      clr_type: string;
      medfee_fen: number;
      fund_fen: number;
      acct_fen: number;
      cash_fen: number;
      setl_cnt: number;
      stmt_rslt: string;
      stmt_rslt_dscr: string | null;
    }[];
    const mismatches = this.db.prepare('SELECT * FROM reconcile_mismatches WHERE run_id = ? ORDER BY id').all(row.id) as MismatchRow[];
    return {
      id: row.id,
      from: row.begndate,
      to: row.enddate,
      startedAt: row.started_at,
      ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
      operator: row.operator,
      state: row.state,
      ...(row.failure === null ? {} : { failure: row.failure }),
      groups: groups.map((g) => ({
        insutype: g.insutype,
        clrType: g.clr_type,
        medfee: g.medfee_fen,
        fund: g.fund_fen,
        acct: g.acct_fen,
        cash: g.cash_fen,
        count: g.setl_cnt,
        stmtRslt: g.stmt_rslt,
        ...(g.stmt_rslt_dscr === null ? {} : { stmtRsltDscr: g.stmt_rslt_dscr }),
      })),
      mismatches: mismatches.map(toMismatch),
      unresolvedCalls,
    };
  }
}

function amounts(medfee: number | null, fund: number | null, acct: number | null): { medfee: number; fund: number; acct: number } | undefined {
  return medfee === null ? undefined : { medfee, fund: fund ?? 0, acct: acct ?? 0 };
}

function toMismatch(r: MismatchRow): MismatchView {
  const terminal = amounts(r.terminal_medfee_fen, r.terminal_fund_fen, r.terminal_acct_fen);
  const hub = amounts(r.hub_medfee_fen, r.hub_fund_fen, r.hub_acct_fen);
  return {
    id: r.id,
    runId: r.run_id,
    kind: r.kind,
    setlId: r.setl_id,
    mdtrtId: r.mdtrt_id,
    psnNo: r.psn_no,
    msgid: r.msgid,
    ...(r.infno === null ? {} : { infno: r.infno }),
    ...(r.record_id === null ? {} : { recordId: r.record_id }),
    refd: r.refd,
    memo: r.memo,
    ...(terminal ? { terminal } : {}),
    ...(hub ? { hub } : {}),
    state: r.state,
    ...(opt(r.resolution) ? { resolution: r.resolution! } : {}),
    ...(r.resolution_note === null ? {} : { resolutionNote: r.resolution_note }),
    ...(r.resolution_msgid === null ? {} : { resolutionMsgid: r.resolution_msgid }),
    ...(r.resolved_by === null ? {} : { resolvedBy: r.resolved_by }),
    ...(r.resolved_at === null ? {} : { resolvedAt: r.resolved_at }),
  };
}

function toClearing(r: ClearingRow): ClearingApplicationView {
  return {
    id: r.id,
    figures: JSON.parse(r.figures) as ClearingFigures,
    state: r.state,
    clrAppyEvtId: r.clr_appy_evt_id,
    appliedBy: r.applied_by,
    appliedAt: r.applied_at,
    ...(r.cancelled_by === null ? {} : { cancelledBy: r.cancelled_by }),
    ...(r.cancelled_at === null ? {} : { cancelledAt: r.cancelled_at }),
  };
}
