// What the audit trail says about the offline queue (docs/offline.md, "Audit trail"): every item
// queued, forwarded or dead-lettered, and IT's retry/resolve/export. The entries name items,
// msgids, setl_ids and amounts (fen) — never a patient: the payload stays sealed, and AuditLog
// redacts what it is given anyway.
import type { AuditLog } from '@src/audit/audit-log';
import type { OutpatientSettlementResult } from './queue-payloads';
import type { QueueItem } from './queue-types';

/** The subject of every queue entry: the item, as the IT screen and the CLI number it. */
export const queueSubject = (item: Pick<QueueItem, 'id'>): string => `queue:${item.id}`;

export function auditEnqueued(audit: AuditLog, item: QueueItem): void {
  audit.append({ action: 'queue.enqueued', operator: item.operator, subject: queueSubject(item), details: { kind: item.kind, visitKey: item.visitKey, seq: item.seq, amountFen: item.amountFen, msgids: item.msgids } });
}

/** Runs in the transaction that marks the item done: the entry exists exactly when the item is done. */
export function auditForwarded(audit: AuditLog, item: QueueItem, result: unknown): void {
  audit.append({ action: 'queue.forwarded', operator: item.operator, subject: queueSubject(item), details: { kind: item.kind, outcome: OUTCOME[item.kind], visitKey: item.visitKey, msgids: item.msgids, ...resultFigures(item, result) } });
}

export function auditDeadLettered(audit: AuditLog, item: QueueItem, reason: string): void {
  audit.append({ action: 'queue.deadLettered', operator: item.operator, subject: queueSubject(item), details: { kind: item.kind, visitKey: item.visitKey, msgids: item.msgids, attempts: item.attempts, reason } });
}

const OUTCOME: Record<QueueItem['kind'], string> = { outpatient_settlement: 'settled', refund: 'refunded', pharmacy_refund: 'refunded', inpatient_cancel: 'refunded', reversal: 'reversed', inpatient_fees: 'feesUploaded' };

/** The refund kinds and the call each one is (one journaled call, setlinfo in its answer). */
const REFUND_INFNO: Partial<Record<QueueItem['kind'], string>> = { refund: '2208', pharmacy_refund: '2103', inpatient_cancel: '2305' };

type Setlinfo = { setl_id?: string; medfee_sumamt?: number; fund_pay_sumamt?: number; acct_pay?: number; psn_cash_pay?: number };
type FeeResult = { det_item_fee_sumamt?: number };

/** The hub's figures of a forwarded item (setl_id, amounts in fen), by kind. */
export function resultFigures(item: QueueItem, result: unknown): Record<string, unknown> {
  if (item.kind === 'outpatient_settlement') {
    const r = result as OutpatientSettlementResult;
    return { setlId: r.setlId, msgid: r.settleMsgid, medfeeFen: r.medfeeSumamt, fundFen: r.fundPaySumamt, acctFen: r.acctPay, cashFen: r.psnCashPay };
  }
  if (item.kind === 'reversal') {
    const r = result as { omsgid?: string };
    return { omsgid: r.omsgid, msgid: item.msgids['2601'] };
  }
  const out = (result as { output?: { setlinfo?: Setlinfo; result?: FeeResult[] } }).output;
  const refundInfno = REFUND_INFNO[item.kind];
  if (refundInfno) {
    const s = out?.setlinfo ?? {};
    return { setlId: s.setl_id, msgid: item.msgids[refundInfno], medfeeFen: s.medfee_sumamt, fundFen: s.fund_pay_sumamt, acctFen: s.acct_pay, cashFen: s.psn_cash_pay };
  }
  const lines = out?.result ?? [];
  return { msgid: item.msgids['2301'], lines: lines.length, amountFen: lines.reduce((n, l) => n + (l.det_item_fee_sumamt ?? 0), 0) };
}
