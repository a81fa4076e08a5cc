// Daily reconciliation (对账) and the monthly clearing application (清算申请), as the terminal does
// them with the hub:
//   1. totals per insutype × clr_type from the terminal's own records → 3201 each;
//   2. when any group disagrees: the detail file (every settlement and refund of the period) is
//      uploaded with 9101, 3202 compares it, and the result file is fetched with 9102;
//   3. every mismatch is stored with its cause; an IT admin resolves each one — an orphan (only at
//      the hub) is reversed with 2601 using the msgid from the result file, the others are
//      acknowledged with a note saying what was done — and every step goes into the audit trail.
import { AppError } from '@src/common/errors';
import { formatYuan } from '@src/common/money';
import type { AuditLog } from '@src/audit/audit-log';
import type { TerminalConfig } from '@src/contract/config';
import type { ClearingApplicationView, ClearingFigures, MismatchView, ReconcileRunView } from '@src/contract/methods/reconcile';
import type { HubOperator } from '@src/hub/client/call-options';
import type { Hub } from '@src/hub/hub';
import { msgidSlotOf } from '@src/hub/msgid/msgid-slot';
import { logger } from '@src/platform/logger';
import { classifyMismatches, type Mismatch } from './classify';
import { checkRange, chinaDate, monthRange } from './date-range';
import { buildDetailFile, parseResultFile } from './detail-file';
import { zipDetailFile } from './detail-zip';
import { groupTotals, standardGroups, type GroupTotals } from './group-totals';
import { CANCEL_INFNOS, SETTLE_INFNOS } from './journal-settlement-source';
import type { ReconcileStore } from './reconcile-store';
import { readAllBytes, resultText } from './result-zip';
import type { DateRange, SettlementSource } from './settled-record';

const log = logger('reconcile');

/** Who acts: the audit name (operator code or cli:user) and the hub operator for the envelopes. */
export interface Actor {
  auditName: string;
  hub: HubOperator | undefined;
}

export interface ReconcilerDeps {
  hub: Hub;
  audit: AuditLog;
  config: () => TerminalConfig;
  source: SettlementSource;
  store: ReconcileStore;
}

export interface ResolveRequest {
  mismatchId: number;
  action: 'reverse' | 'acknowledge';
  note: string;
  insuplcAdmdvs?: string | undefined;
  oinfno?: string | undefined;
}

const SETTLEMENT_INFNOS: readonly string[] = [...SETTLE_INFNOS, ...CANCEL_INFNOS];

export class Reconciler {
  constructor(private readonly deps: ReconcilerDeps) {}

  /** Reconciles a day (from = to) or a range. Always returns the stored run; a hub failure marks it failed and throws. */
  async run(range: DateRange, actor: Actor): Promise<ReconcileRunView> {
    checkRange(range);
    const { hub, store, audit } = this.deps;
    const config = this.deps.config();
    const records = this.deps.source.records(range);
    const groups = groupTotals(records, standardGroups(config.institution.kind));
    const runId = store.startRun(range, actor.auditName);
    const opts = { operator: actor.hub };
    try {
      const answered: (GroupTotals & { stmtRslt: string; stmtRsltDscr?: string | undefined })[] = [];
      for (const g of groups) {
        const r = await hub.reconcileTotals(
          {
            data: {
              insutype: g.insutype,
              clr_type: g.clrType,
              setl_optins: config.mdtrtareaAdmvs,
              stmt_begndate: range.from,
              stmt_enddate: range.to,
              medfee_sumamt: g.medfee,
              fund_pay_sumamt: g.fund,
              acct_pay: g.acct,
              fixmedins_setl_cnt: g.count,
              refd_setl_flag: '1',
            },
          },
          opts,
        );
        answered.push({ ...g, stmtRslt: r.output.stmtinfo.stmt_rslt, stmtRsltDscr: r.output.stmtinfo.stmt_rslt_dscr });
      }
      let mismatches: Mismatch[] = [];
      let files: { detailFile?: string; resultFile?: string } = {};
      if (answered.some((g) => g.stmtRslt !== '0')) {
        const detail = await this.compareDetails(range, records, opts);
        mismatches = detail.mismatches;
        files = { detailFile: detail.detailFile, resultFile: detail.resultFile };
      }
      store.finishRun(runId, { groups: answered, mismatches, ...files });
    } catch (e) {
      store.failRun(runId, e instanceof Error ? e.message : String(e));
      audit.append({ action: 'reconcile.failed', operator: actor.auditName, subject: `run:${runId}`, details: { from: range.from, to: range.to, error: e instanceof AppError ? e.code : 'INTERNAL' } });
      throw e;
    }
    const view = this.view(runId);
    audit.append({
      action: 'reconcile.run',
      operator: actor.auditName,
      subject: `run:${runId}`,
      details: {
        from: range.from,
        to: range.to,
        state: view.state,
        settlements: records.length,
        mismatches: view.mismatches.map((m) => ({ kind: m.kind, setlId: m.setlId })),
        groups: view.groups.map((g) => ({ insutype: g.insutype, clrType: g.clrType, medfee: g.medfee, fund: g.fund, count: g.count, stmtRslt: g.stmtRslt })),
      },
    });
    log.info({ runId, from: range.from, to: range.to, state: view.state, mismatches: view.mismatches.length }, 'reconciliation finished');
    return view;
  }

  view(runId: number): ReconcileRunView {
    const stored = this.deps.store.run(runId, 0);
    if (!stored) throw new AppError({ code: 'RECONCILE_RUN_NOT_FOUND', message: `对账记录${runId}不存在`, hint: '请刷新对账列表。' });
    return { ...stored, mismatches: stored.mismatches.map((m) => this.marked(m)), unresolvedCalls: this.unresolvedCalls({ from: stored.from, to: stored.to }) };
  }

  runs(limit: number): ReconcileRunView[] {
    return this.deps.store.runs(limit, (from, to) => this.unresolvedCalls({ from, to })).map((r) => ({ ...r, mismatches: r.mismatches.map((m) => this.marked(m)) }));
  }

  /**
   * Marks an orphan whose msgid carries another terminal's slot: the hub reconciles the whole
   * institution, so with several terminals it may be another terminal's normal settlement.
   */
  private marked(m: MismatchView): MismatchView {
    if (m.kind !== 'hub_only' || m.msgid.length !== 30) return m;
    const slot = m.msgid.slice(26, 28);
    const own = String(msgidSlotOf(this.deps.config().terminal).slot).padStart(2, '0');
    return slot === own ? m : { ...m, otherTerminalSlot: slot };
  }

  /** Settlement calls of the period whose outcome is still unknown (they may show up as orphans). */
  unresolvedCalls(range: DateRange): number {
    return this.deps.hub.journal.listUnresolved().filter((e) => SETTLEMENT_INFNOS.includes(e.infno) && chinaDate(new Date(e.createdAt)) >= range.from && chinaDate(new Date(e.createdAt)) <= range.to).length;
  }

  async resolve(req: ResolveRequest, actor: Actor): Promise<MismatchView> {
    const { store, audit } = this.deps;
    const found = store.mismatch(req.mismatchId);
    const m = found && this.marked(found);
    if (!m) throw new AppError({ code: 'RECONCILE_MISMATCH_NOT_FOUND', message: `差异记录${req.mismatchId}不存在`, hint: '请刷新对账结果。' });
    if (m.state === 'resolved') throw new AppError({ code: 'RECONCILE_ALREADY_RESOLVED', message: '该差异已处理', hint: `已由${m.resolvedBy ?? ''}于${m.resolvedAt ?? ''}处理，无需重复操作。` });
    let reversalMsgid: string | undefined;
    if (req.action === 'reverse') {
      reversalMsgid = await this.reverseOrphan(m, req, actor);
    } else if (req.note.trim().length < 2) {
      throw new AppError({ code: 'RECONCILE_NOTE_REQUIRED', message: '请填写处理说明', hint: '写明已做的处理，例如“已联系参保地经办机构补录”或“已按医保中心金额调整院内账”。' });
    }
    const note = req.note.trim() || (req.action === 'reverse' ? '冲正医保中心多出的结算' : '');
    store.resolveMismatch(m.id, { resolution: req.action === 'reverse' ? 'reversed' : 'acknowledged', note, msgid: reversalMsgid, by: actor.auditName });
    audit.append({
      action: 'reconcile.resolve',
      operator: actor.auditName,
      subject: m.setlId,
      details: { runId: m.runId, mismatchId: m.id, kind: m.kind, action: req.action, msgid: m.msgid, reversalMsgid, note, terminal: m.terminal, hub: m.hub },
    });
    return this.marked(store.mismatch(m.id)!);
  }

  // ── Clearing ──────────────────────────────────────────────────────────────────────────────────

  /** The figures a 3203 would send for a month and clearing type, from the terminal's records. */
  clearingPreview(setlym: string, clrType: string): ClearingFigures {
    const range = monthRange(setlym);
    const records = this.deps.source.records(range).filter((r) => r.clrType === clrType);
    const settlements = records.filter((r) => r.kind === 'settle').length;
    const refunds = records.length - settlements;
    const sum = (k: 'medfee' | 'fund' | 'cash' | 'acct'): number => records.reduce((s, r) => s + r[k], 0);
    return {
      setlym,
      clrType,
      clrWay: '1',
      begndate: range.from,
      enddate: range.to,
      psntime: settlements - refunds,
      medfee: sum('medfee'),
      fundAppy: sum('fund'),
      cash: sum('cash'),
      acct: sum('acct'),
      settlements,
      refunds,
    };
  }

  async applyClearing(setlym: string, clrType: string, actor: Actor): Promise<ClearingApplicationView> {
    const { store, hub, audit } = this.deps;
    const open = store.openClearing(setlym, clrType);
    if (open) throw new AppError({ code: 'RECONCILE_CLEARING_OPEN', message: `${setlym}（清算类别${clrType}）已申请清算`, hint: `申请号${open.clrAppyEvtId}；如需重新申请，请先撤销。` });
    const f = this.clearingPreview(setlym, clrType);
    const r = await hub.applyClearing(
      {
        data: {
          clr_type: f.clrType,
          clr_way: f.clrWay,
          setlym: f.setlym,
          psntime: f.psntime,
          medfee_sumamt: f.medfee,
          med_sumfee: f.medfee,
          fund_appy_sum: f.fundAppy,
          cash_payamt: f.cash,
          acct_pay: f.acct,
          begndate: f.begndate,
          enddate: f.enddate,
        },
      },
      { operator: actor.hub, context: `clearing:${setlym}:${clrType}` },
    );
    const id = store.addClearing(f, { clrAppyEvtId: r.output.result.clr_appy_evt_id, msgid: r.msgid, by: actor.auditName });
    audit.append({ action: 'reconcile.clearingApplied', operator: actor.auditName, subject: r.output.result.clr_appy_evt_id, details: { ...f, msgid: r.msgid, fundAppyYuan: formatYuan(f.fundAppy) } });
    return store.clearing(id)!;
  }

  clearings(): ClearingApplicationView[] {
    return this.deps.store.clearings();
  }

  async cancelClearing(id: number, actor: Actor): Promise<ClearingApplicationView> {
    const { store, hub, audit } = this.deps;
    const c = store.clearing(id);
    if (!c) throw new AppError({ code: 'RECONCILE_CLEARING_NOT_FOUND', message: `清算申请${id}不存在`, hint: '请刷新清算申请列表。' });
    if (c.state === 'cancelled') throw new AppError({ code: 'RECONCILE_CLEARING_CANCELLED', message: '该清算申请已撤销', hint: '无需重复撤销。' });
    const r = await hub.cancelClearing({ data: { clr_appy_evt_id: c.clrAppyEvtId } }, { operator: actor.hub, context: `clearing-cancel:${id}` });
    store.cancelClearing(id, { msgid: r.msgid, by: actor.auditName });
    audit.append({ action: 'reconcile.clearingCancelled', operator: actor.auditName, subject: c.clrAppyEvtId, details: { setlym: c.figures.setlym, clrType: c.figures.clrType, msgid: r.msgid } });
    return store.clearing(id)!;
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────────────

  private async compareDetails(range: DateRange, records: Parameters<typeof buildDetailFile>[0], opts: { operator: HubOperator | undefined }): Promise<{ mismatches: Mismatch[]; detailFile: string; resultFile: string }> {
    const { hub } = this.deps;
    const config = this.deps.config();
    const fixmedinsCode = config.institution.code;
    const name = `3202_${fixmedinsCode}_${range.from.replaceAll('-', '')}_${range.to.replaceAll('-', '')}`;
    const file = await zipDetailFile(`${name}.txt`, buildDetailFile(records));
    const upload = await hub.uploadFile({ fsUploadIn: { in: new Uint8Array(file), filename: `${name}.zip`, fixmedins_code: fixmedinsCode } }, opts);
    const sum = (k: 'medfee' | 'fund' | 'cash'): number => records.reduce((s, r) => s + r[k], 0);
    const details = await hub.reconcileDetails(
      {
        data: {
          setl_optins: config.mdtrtareaAdmvs,
          file_qury_no: upload.output.file_qury_no,
          stmt_begndate: range.from,
          stmt_enddate: range.to,
          medfee_sumamt: sum('medfee'),
          fund_pay_sumamt: sum('fund'),
          cash_payamt: sum('cash'),
          fixmedins_setl_cnt: records.length,
          refd_setl_flag: '1',
        },
      },
      opts,
    );
    const info = details.output.fileinfo;
    const downloaded = await hub.download({ fsDownloadIn: { file_qury_no: info.file_qury_no, filename: info.filename, fixmedins_code: fixmedinsCode } }, opts);
    const text = await resultText(await readAllBytes(downloaded.stream));
    return { mismatches: classifyMismatches(parseResultFile(text), records), detailFile: upload.output.file_qury_no, resultFile: info.file_qury_no };
  }

  /** 2601 of a settlement only the hub has, with the msgid the result file names. Returns the 2601's msgid. */
  private async reverseOrphan(m: MismatchView, req: ResolveRequest, actor: Actor): Promise<string> {
    const { hub, store } = this.deps;
    if (m.kind !== 'hub_only' || m.msgid === '') {
      throw new AppError({ code: 'RECONCILE_NOT_REVERSIBLE', message: '只有“仅医保中心有”的结算可以冲正', hint: '其他差异请核实后填写处理说明并确认。' });
    }
    if (m.otherTerminalSlot !== undefined && req.note.trim().length < 2) {
      throw new AppError({
        code: 'RECONCILE_CONFIRM_OTHER_TERMINAL',
        message: `该结算的报文不是本终端发出的（终端序号${m.otherTerminalSlot}）`,
        hint: '可能是本院其他终端的正常结算：如是，请勿冲正，到该终端对账；确认不是后，填写处理说明再冲正。',
      });
    }
    const known = hub.journal.getByMsgid(m.msgid);
    if (known?.unresolved) {
      // The terminal sent it but never learnt the outcome: resolve that journal entry by 2601.
      const report = await hub.resolver.reverse(known.id, { operator: actor.hub });
      if (report.result !== 'reversed') throw reversalFailed(report.error?.message ?? report.result);
      return hub.journal.attempts(known.id).at(-1)?.msgid ?? '';
    }
    const insuplcAdmdvs = req.insuplcAdmdvs ?? known?.insuplcAdmdvs ?? store.knownInsuredArea(m.psnNo);
    if (!insuplcAdmdvs) {
      throw new AppError({ code: 'RECONCILE_AREA_REQUIRED', message: '本终端没有该参保人的参保地信息，无法冲正', hint: '请向参保人或医保中心确认参保地区划（6位），填写后再冲正。' });
    }
    const oinfno = req.oinfno ?? known?.infno ?? this.defaultInfno(m);
    const r = await hub.reverse({ data: { psn_no: m.psnNo, omsgid: m.msgid, oinfno } }, { operator: actor.hub, insuplcAdmdvs, context: `reconcile:${m.id}` });
    return r.msgid;
  }

  /** 原交易编号 of an orphan the terminal never saw [U]: by the institution's kind, cancellations by refd. */
  private defaultInfno(m: MismatchView): string {
    const pharmacy = this.deps.config().institution.kind === 'pharmacy';
    if (m.refd === '1') return pharmacy ? '2103' : '2208';
    return pharmacy ? '2102' : '2207';
  }
}

function reversalFailed(detail: string): AppError {
  return new AppError({ code: 'RECONCILE_REVERSAL_FAILED', message: '冲正未成功', hint: '请稍后重试；仍不成功请联系医保中心并记录处理说明。', detail });
}
