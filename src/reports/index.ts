// Reports: shift hand-over and day/range summary. Start at reports-service.ts and docs/reconcile.md.
export { shiftCsv, summaryCsv, toCsv } from './csv';
export { HandoverStore, type HandOver } from './handover-store';
export { reportPdf } from './report-pdf';
export { isCrossProvince, provinceCode, provinceName } from './provinces';
export { ReportsService, type ExportFile, type PdfRenderer, type ShiftRequest } from './reports-service';
export { buildShiftReport } from './shift-report';
export { buildSummary } from './summary-report';
