// Restart recovery (docs/settlement.md, "Restart recovery"): before any new settlement is
// accepted, the calls the previous run left with an unknown outcome are resolved by the restart
// column of the decision matrix, settlement records are brought in line with the journal, and
// every outcome is stored, audited and announced for the next cashier.
import { AppError } from '@src/common/errors';
import type { JournalEntry } from '@src/hub/journal/hub-journal';
import { formatYuan } from '@src/common/money';
import type { Db } from '@src/platform/db/open';
import { logger } from '@src/platform/logger';
import { figuresOf, fundLinesOf, identityViolations } from '../figures';
import { systemOperator, type SettlementContext } from '../settlement-context';
import type { HubOperator } from '@src/hub/client/call-options';
import type { SettleOutput } from '../settle-finish';
import type { RecoveryOutcomes } from '../store/recovery-outcomes';

const log = logger('settlement-recovery');

const SETTLE_INFNOS = new Set(['2207', '2304', '2102']);
const REFUND_INFNOS = new Set(['2208', '2305', '2103']);

export interface RecoveryEvents {
  progress(running: boolean, resolved: number, remaining: number): void;
  notice(level: 'info' | 'warning' | 'error', message: string, hint?: string): void;
}

export interface RecoveryStatus {
  running: boolean;
  startedAt?: string | undefined;
  finishedAt?: string | undefined;
}

export class SettlementRecovery {
  private status: RecoveryStatus = { running: false };

  constructor(
    private readonly ctx: SettlementContext,
    private readonly db: Db,
    private readonly outcomes: RecoveryOutcomes,
    private readonly events: RecoveryEvents,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  state(): RecoveryStatus {
    return { ...this.status };
  }

  /** Throws SETTLEMENT_RECOVERING while recovery runs (new settlement calls are refused). */
  assertReady(): void {
    if (this.status.running) {
      throw new AppError({ code: 'SETTLEMENT_RECOVERING', message: '正在处理上次未完成的结算，请稍候', hint: '处理完成后会显示结果，届时即可继续结算（通常不超过十几秒）。' });
    }
  }

  async run(): Promise<number> {
    this.status = { running: true, startedAt: new Date().toISOString() };
    let handled = 0;
    try {
      await this.waitForCutOffCalls();
      const hub = this.ctx.hub;
      hub.recoverJournal();
      const entries = hub.resolver.listUnresolved();
      this.events.progress(true, 0, entries.length);
      let operator: HubOperator | undefined;
      if (entries.length > 0) {
        try {
          operator = await systemOperator(hub, this.ctx.config);
        } catch (e) {
          log.warn({ err: e instanceof Error ? e.message : String(e) }, 'recovery: hub sign-in failed; reversals will be queued');
        }
      }
      for (const entry of entries) {
        await this.resolveEntry(entry, operator);
        handled++;
        this.events.progress(true, handled, entries.length - handled);
      }
      handled += this.reconcileRecords();
      handled += await this.deliverPendingReversals(operator);
      if (handled > 0) this.events.notice('warning', `已处理上次未完成的医保交易 ${handled} 笔`, '请在“恢复记录”中查看每笔的处理结果。');
    } catch (e) {
      log.error({ err: e }, 'settlement recovery failed');
      this.events.notice('error', '处理上次未完成的结算时出错', '请联系信息科（yikatong doctor）。');
    } finally {
      this.status = { ...this.status, running: false, finishedAt: new Date().toISOString() };
      this.events.progress(false, handled, 0);
    }
    return handled;
  }

  /** The app owns the data folder: a call still 'pending' was cut off; wait for its deadline so the journal counts it unknown. */
  private async waitForCutOffCalls(): Promise<void> {
    const row = this.db.prepare("SELECT max(deadline_at) AS d FROM hub_journal WHERE state = 'pending' AND resolution IS NULL").get() as { d: string | null };
    if (!row.d) return;
    const wait = new Date(row.d).getTime() - Date.now() + 50;
    if (wait > 0) await this.sleep(Math.min(wait, 120_000));
  }

  private async resolveEntry(entry: JournalEntry, operator: HubOperator | undefined): Promise<void> {
    const { hub, store } = this.ctx;
    const recordId = entry.context?.startsWith('settlement:') ? Number(entry.context.slice('settlement:'.length)) : undefined;
    const refundOf = entry.context?.startsWith('refund:') ? Number(entry.context.slice('refund:'.length)) : undefined;
    const add = (result: string, message: string, hint?: string, settlementId?: number): void => {
      this.outcomes.add({ journalId: entry.id, infno: entry.infno, msgid: entry.msgid, settlementId: settlementId ?? recordId ?? refundOf ?? null, result, message, ...(hint ? { hint } : {}) });
      this.ctx.audit.append({ action: 'settlement.recovered', subject: entry.msgid, details: { infno: entry.infno, msgid: entry.msgid, result, settlementId: settlementId ?? recordId ?? refundOf ?? null } });
    };

    if (SETTLE_INFNOS.has(entry.infno) || REFUND_INFNOS.has(entry.infno) || entry.infno === '2401') {
      // The patient has left: undo whatever happened (no cash was taken for a result never shown).
      const r = await hub.resolver.reverse(entry.id, { operator });
      const isRefund = REFUND_INFNOS.has(entry.infno);
      if (r.result === 'reversed') {
        if (recordId !== undefined && store.record(recordId)) {
          store.completeRecord(recordId, { state: 'reversed', note: '重启后处理：结算结果未知，已自动冲正，未扣费' });
          this.reopenVisit(recordId);
        }
        if (isRefund) add('reversed', '上次退费结果未知，已自动冲正退费，原结算仍有效', '如需退费，请重新办理。');
        else if (entry.infno === '2401') add('reversed', '上次入院办理结果未知，已冲正', '如患者仍需住院，请重新办理入院。');
        else add('reversed', '上次结算结果未知，已自动冲正，未扣费', '如患者仍在，请重新结算。');
        return;
      }
      this.ctx.pending.add(hub.journal.get(entry.id) ?? entry, recordId, r.error?.detail ?? r.result);
      if (recordId !== undefined && store.record(recordId)) {
        store.completeRecord(recordId, { state: 'pendingReversal', note: '重启后处理：结算结果未知，冲正暂未送达，已登记待冲正' });
        this.reopenVisit(recordId);
      }
      add('pendingReversal', isRefund ? '上次退费结果未知，冲正暂未送达，已登记待冲正' : '上次结算结果未知，冲正暂未送达，已登记待冲正', '请勿向患者收费或退款；网络恢复后系统自动冲正。');
      return;
    }

    // Registrations, uploads, discharges, cancellations, reversals: the same msgid again is harmless.
    const r = await hub.resolver.resend(entry.id, { operator });
    if (r.result === 'confirmed') {
      add('confirmed', `上次未完成的医保交易（${entry.infno}）已确认完成`, entry.infno === '2201' ? '对应的挂号在医保中心仍有效；如患者不再就诊，请在就诊列表中撤销。' : undefined);
      return;
    }
    add('manual', `上次未完成的医保交易（${entry.infno}）结果仍未知`, '请联系信息科：yikatong doctor 列出未决交易，按医保中心客服确认的结果处理。');
  }

  /** A visit left 'settling' by the crash may be settled again (or cancelled) once its settlement is undone. */
  private reopenVisit(recordId: number): void {
    const visitId = this.ctx.store.visitIdOf(recordId);
    const visit = visitId === undefined ? undefined : this.ctx.store.visit(visitId);
    if (visit?.state === 'settling') this.ctx.store.updateVisit(visit.id, { state: 'presettled' });
  }

  /** Reversals queued by an earlier run: try once now (the offline queue keeps trying later). */
  private async deliverPendingReversals(operator: HubOperator | undefined): Promise<number> {
    let n = 0;
    for (const p of this.ctx.pending.listDue()) {
      const r = await this.ctx.pending.deliver(p.id, { operator });
      if (r === 'reversed') {
        this.outcomes.add({ journalId: p.journalId, infno: p.oinfno, msgid: p.omsgid, settlementId: p.settlementId ?? null, result: 'reversed', message: '待冲正的交易已冲正，未扣费', hint: '如患者仍需结算，请重新结算。' });
        n++;
      }
    }
    return n;
  }

  /** Records left 'unknown' by a crash: bring them in line with their journal entry. */
  private reconcileRecords(): number {
    const { hub, store } = this.ctx;
    let n = 0;
    for (const rec of store.unknownRecords()) {
      const entry = hub.journal.getByMsgid(rec.msgid);
      const add = (result: string, message: string, hint?: string): void => {
        this.outcomes.add({ journalId: entry?.id ?? 0, infno: entry?.infno ?? '', msgid: rec.msgid, settlementId: rec.id, result, message, ...(hint ? { hint } : {}) });
        this.ctx.audit.append({ action: 'settlement.recovered', subject: rec.msgid, details: { msgid: rec.msgid, result, settlementId: rec.id } });
        n++;
      };
      if (!entry || entry.state === 'not_sent' || entry.state === 'rejected' || entry.resolution === 'not_applied') {
        store.completeRecord(rec.id, { state: 'reversed', note: '重启后处理：结算未发出或被拒绝，未扣费' });
        this.reopenVisit(rec.id);
        add('notApplied', '上次结算未完成（未发出或被医保中心拒绝），未扣费', '如患者仍在，请重新结算。');
        continue;
      }
      if (entry.resolution === 'reversed') {
        store.completeRecord(rec.id, { state: 'reversed', note: '重启后处理：已冲正，未扣费' });
        this.reopenVisit(rec.id);
        continue;
      }
      if (entry.unresolved) continue;
      const out = hub.resolver.outputOf(entry.id) as SettleOutput | undefined;
      if (!out || identityViolations(out.setlinfo).length > 0) {
        add('manual', '上次结算已在医保中心完成，但结果无法核对', '请联系信息科核对这笔结算（见报文号）。');
        continue;
      }
      const figures = figuresOf(out.setlinfo);
      store.completeRecord(rec.id, { state: 'settled', setlId: out.setlinfo.setl_id, figures, funds: fundLinesOf(out.setldetail), note: '重启后处理：结算已成功' });
      if (rec.kind === 'pharmacy') store.setRecordMdtrtId(rec.id, out.setlinfo.mdtrt_id);
      const visitId = store.visitIdOf(rec.id);
      if (visitId !== undefined && rec.kind !== 'inpatient') store.updateVisit(visitId, { state: 'settled' });
      add('settled', `上次结算已成功（结算ID ${out.setlinfo.setl_id}，个人现金 ${formatYuan(figures.psn_cash_pay)} 元）`, '请核对是否已收取现金；如未收取且患者已离开，请在结算记录中办理退费；可在结算记录中补打票据。');
    }
    return n;
  }
}

