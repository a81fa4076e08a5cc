// Reconciliation with the hub and monthly clearing. Start at reconciler.ts and docs/reconcile.md.
export { classifyMismatches, type Mismatch, type MismatchKind } from './classify';
export { checkRange, chinaDate, monthRange } from './date-range';
export { buildDetailFile, parseResultFile, type ResultRow } from './detail-file';
export { groupTotals, standardGroups, type GroupTotals } from './group-totals';
export { JournalSettlementSource } from './journal-settlement-source';
export { ReconcileStore } from './reconcile-store';
export { Reconciler, type Actor, type ResolveRequest } from './reconciler';
export type { DateRange, SettledRecord, SettlementSource } from './settled-record';
