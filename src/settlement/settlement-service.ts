// services.settlement: the façade the host handlers call (docs/settlement.md). Builds the store,
// the pending-reversal hook, the patient registry, the flows and restart recovery.
import type { AuditLog } from '@src/audit/audit-log';
import { AppError } from '@src/common/errors';
import type { TerminalConfig } from '@src/contract/config';
import type { Paper, Receipt } from '@src/contract/methods/settlement';
import type { Hub } from '@src/hub/hub';
import type { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';
import { InpatientFlow } from './inpatient/inpatient-flow';
import { cancelOutpatient, preSettleOutpatient, settleOutpatient } from './outpatient/outpatient-flow';
import { identifyPatient } from './patient/patient-identification';
import { PatientRegistry } from './patient/patient-registry';
import { discardPharmacyDraft, preSettlePharmacy, settlePharmacy } from './pharmacy/pharmacy-flow';
import { buildReceipt } from './receipts/receipt-model';
import { receiptPdf } from './receipts/receipt-pdf';
import type { ReceiptPrinter } from './receipts/receipt-printer';
import { SettlementRecovery, type RecoveryEvents } from './recovery/settlement-recovery';
import type { OfflineQueuePort, QueuedCallPayload } from './queued/offline-queue-port';
import { finishQueuedRefund, isRefundQueueKind, queueRefund } from './queued/queued-refund';
import { refundSettlement } from './refund/refund-flow';
import type { CounterOperator, SettlementContext } from './settlement-context';
import { PendingReversals } from './store/pending-reversals';
import { RecoveryOutcomes } from './store/recovery-outcomes';
import { SettlementStore } from './store/settlement-store';

export interface SettlementDeps {
  db: Db;
  hub: Hub;
  audit: AuditLog;
  config: () => TerminalConfig;
  sealed: () => SealedBox;
  recoveryEvents: RecoveryEvents;
  printer?: ReceiptPrinter | undefined;
}

export class SettlementService {
  readonly store: SettlementStore;
  readonly pending: PendingReversals;
  readonly recovery: SettlementRecovery;
  readonly outcomes: RecoveryOutcomes;
  readonly inpatient: InpatientFlow;
  private readonly ctx: SettlementContext;

  constructor(private readonly deps: SettlementDeps) {
    this.store = new SettlementStore(deps.db, deps.sealed);
    this.pending = new PendingReversals(deps.db, deps.hub, deps.audit, (id, note) => this.store.completeRecord(id, { state: 'reversed', note }), deps.config);
    this.outcomes = new RecoveryOutcomes(deps.db);
    this.ctx = { hub: deps.hub, store: this.store, pending: this.pending, patients: new PatientRegistry(), audit: deps.audit, config: deps.config };
    this.recovery = new SettlementRecovery(this.ctx, deps.db, this.outcomes, deps.recoveryEvents);
    this.inpatient = new InpatientFlow(this.ctx, deps.db);
  }

  /** Refuses new work while restart recovery runs. */
  ready(): this {
    this.recovery.assertReady();
    return this;
  }

  identify(op: CounterOperator, input: Parameters<typeof identifyPatient>[2]) {
    return identifyPatient(this.ready().ctx, op, input);
  }
  outpatientPreSettle(op: CounterOperator, input: Parameters<typeof preSettleOutpatient>[2]) {
    return preSettleOutpatient(this.ready().ctx, op, input);
  }
  outpatientSettle(op: CounterOperator, input: Parameters<typeof settleOutpatient>[2]) {
    return settleOutpatient(this.ready().ctx, op, input);
  }
  outpatientCancel(op: CounterOperator, input: Parameters<typeof cancelOutpatient>[2]) {
    return cancelOutpatient(this.ready().ctx, op, input);
  }
  pharmacyPreSettle(op: CounterOperator, input: Parameters<typeof preSettlePharmacy>[2]) {
    return preSettlePharmacy(this.ready().ctx, op, input);
  }
  pharmacySettle(op: CounterOperator, input: Parameters<typeof settlePharmacy>[2]) {
    return settlePharmacy(this.ready().ctx, op, input);
  }
  pharmacyDiscard(draftId: number): void {
    discardPharmacyDraft(this.ctx, draftId);
  }
  refund(op: CounterOperator, input: Parameters<typeof refundSettlement>[2]) {
    return refundSettlement(this.ready().ctx, op, input);
  }
  /** A refund the hub could not be reached for, into the offline queue (same role rule as refund). */
  queueRefund(op: CounterOperator, input: { id: number; reason: string }) {
    return queueRefund(this.ready().ctx, this.deps.db, op, input);
  }

  /**
   * The offline queue (issue 8 follow-up): queued refunds and fee uploads are finished in the
   * transaction that marks their item done. Called once by the host after both services exist.
   */
  attachQueue(queue: OfflineQueuePort & { store: { payloadOf<T>(item: { id: number; uid: string }): T } }): () => void {
    this.ctx.queue = queue;
    return queue.onCompleted((item, result) => {
      const refund = isRefundQueueKind(item.kind);
      if (!refund && item.kind !== 'inpatient_fees') return;
      const payload = queue.store.payloadOf<QueuedCallPayload>(item);
      if (payload.ref === undefined) return;
      if (refund) finishQueuedRefund(this.ctx, item, payload, result);
      else this.inpatient.finishQueuedFees(payload, result);
    });
  }

  inpatientFlow(): InpatientFlow {
    this.ready();
    return this.inpatient;
  }

  receipt(id: number, paper: Paper | undefined, refund: boolean): Receipt {
    const rec = this.store.record(id);
    if (!rec) throw new AppError({ code: 'SETTLEMENT_NOT_FOUND', message: '找不到该结算记录', hint: '请刷新后重试。' });
    if (rec.figures === null || (refund && rec.refund === null)) throw new AppError({ code: 'RECEIPT_NOT_AVAILABLE', message: `该记录没有可打印的结算结果（${rec.note}）`, hint: '只有已结算或已退费的记录可以打印票据。' });
    const cfg = this.deps.config();
    return buildReceipt(rec, this.store.recordLines(id), paper ?? cfg.printing.paper, { name: cfg.institution.name, code: cfg.institution.code }, { refund });
  }

  async receiptPdf(id: number, paper: Paper | undefined, refund: boolean): Promise<{ fileName: string; base64: string; bytes: number }> {
    const r = this.receipt(id, paper, refund);
    const pdf = await receiptPdf(r);
    return { fileName: `receipt-${r.setlId || id}${refund ? '-refund' : ''}-${r.paper}.pdf`, base64: pdf.toString('base64'), bytes: pdf.length };
  }

  async print(id: number, paper: Paper | undefined, refund: boolean, copies: number | undefined): Promise<{ printed: boolean; printer?: string; message: string }> {
    const r = this.receipt(id, paper, refund);
    const cfg = this.deps.config().printing;
    if (!this.deps.printer) return { printed: false, message: '请使用浏览器打印票据' };
    await this.deps.printer.print({ ...r, reprint: this.store.record(id)?.state !== 'settled' || refund }, { printer: cfg.printer, copies: copies ?? cfg.copies });
    return { printed: true, printer: cfg.printer || '默认打印机', message: '已发送到打印机' };
  }
}
