// What the host builds at start for reconciliation and reports: one settlement source (the hub
// journal) shared by the reconciler and the reports, so reconciliation and reports always agree.
import type { AuditLog } from '@src/audit/audit-log';
import type { TerminalConfig } from '@src/contract/config';
import type { Hub } from '@src/hub/hub';
import type { Db } from '@src/platform/db/open';
import { HandoverStore } from '@src/reports/handover-store';
import { reportPdf } from '@src/reports/report-pdf';
import { ReportsService } from '@src/reports/reports-service';
import { JournalSettlementSource } from './journal-settlement-source';
import { ReconcileStore } from './reconcile-store';
import { Reconciler } from './reconciler';

export function startReconcileServices(deps: { db: Db; hub: Hub; audit: AuditLog; config: () => TerminalConfig }): { reconcile: Reconciler; reports: ReportsService } {
  const source = new JournalSettlementSource(deps.db, deps.hub);
  const reconcile = new Reconciler({ hub: deps.hub, audit: deps.audit, config: deps.config, source, store: new ReconcileStore(deps.db) });
  const reports = new ReportsService({ source, journal: deps.hub.journal, config: deps.config, handovers: new HandoverStore(deps.db), audit: deps.audit });
  // PDF with the settlement receipts' CJK font; a machine without one gets REPORT_FONT_MISSING (CSV still works).
  reports.setPdfRenderer(reportPdf);
  return { reconcile, reports };
}
