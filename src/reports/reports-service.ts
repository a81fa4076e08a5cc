// services.reports: the shift hand-over and the day/range summary, from the terminal's settlement
// records (SettlementSource: the hub journal), and their CSV/PDF exports.
import type { AuditLog } from '@src/audit/audit-log';
import { AppError } from '@src/common/errors';
import type { TerminalConfig } from '@src/contract/config';
import type { ShiftReport, SummaryReport } from '@src/contract/methods/reports';
import type { HubJournal } from '@src/hub/journal/hub-journal';
import { checkRange, chinaDate } from '@src/reconcile/date-range';
import { CANCEL_INFNOS, SETTLE_INFNOS } from '@src/reconcile/journal-settlement-source';
import type { DateRange, SettlementSource } from '@src/reconcile/settled-record';
import { shiftCsv, summaryCsv } from './csv';
import type { HandoverStore } from './handover-store';
import { buildShiftReport } from './shift-report';
import { buildSummary } from './summary-report';

export interface ReportsDeps {
  source: SettlementSource;
  journal: HubJournal;
  config: () => TerminalConfig;
  handovers: HandoverStore;
  audit: AuditLog;
  now?: () => Date;
}

export interface ShiftRequest {
  operator: string;
  operatorName: string;
  from: Date;
  to: Date;
}

export interface ExportFile {
  filename: string;
  mime: string;
  bytes: Buffer;
}

/** Renders a report as PDF (the settlement receipts' PDF/CJK-font helper, injected by the host). */
export type PdfRenderer = (doc: { title: string; lines: readonly (readonly string[])[] }) => Promise<Buffer>;

const SETTLEMENT_INFNOS: readonly string[] = [...SETTLE_INFNOS, ...CANCEL_INFNOS];

export class ReportsService {
  private readonly now: () => Date;
  private pdf: PdfRenderer | undefined;

  constructor(private readonly deps: ReportsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The host plugs in the PDF renderer when one is available (fonts present). */
  setPdfRenderer(pdf: PdfRenderer | undefined): void {
    this.pdf = pdf;
  }

  /**
   * Where an operator's shift starts by default: after their last hand-over when it was today,
   * else at the start of the China day (a sign-in after a break must not hide the morning's work).
   */
  shiftStart(operator: string, to: Date): Date {
    const dayStart = new Date(`${chinaDate(to)}T00:00:00+08:00`);
    const last = this.deps.handovers.last(operator);
    const lastEnd = last ? new Date(last.to) : undefined;
    return lastEnd && lastEnd > dayStart && lastEnd <= to ? new Date(lastEnd.getTime() + 1) : dayStart;
  }

  /** 交班: records the shift as handed over (the next shift starts after it) and audits it. */
  handOver(req: ShiftRequest, actor: string): { id: number; report: ShiftReport } {
    const report = this.shift(req);
    const id = this.deps.handovers.add(report);
    this.deps.audit.append({
      action: 'shift.handedOver',
      operator: actor,
      subject: `handover:${id}`,
      details: { operator: report.operator, from: report.from, to: report.to, cashToHandOver: report.cashToHandOver, settlements: report.settlements.count, refunds: report.refunds.count, fund: report.total.fund, acct: report.total.acct, unresolvedCalls: report.unresolvedCalls },
    });
    return { id, report };
  }

  summary(range: DateRange): SummaryReport {
    checkRange(range);
    const config = this.deps.config();
    return buildSummary({
      range,
      records: this.deps.source.records(range),
      reversals: this.deps.source.reversals(range).length,
      institution: config.institution.name,
      mdtrtareaAdmvs: config.mdtrtareaAdmvs,
      now: this.now(),
    });
  }

  shift(req: ShiftRequest): ShiftReport {
    if (req.from.getTime() > req.to.getTime()) throw new AppError({ code: 'REPORT_BAD_RANGE', message: '交班开始时间晚于结束时间', hint: '请检查交班起止时间。' });
    const range = { from: chinaDate(req.from), to: chinaDate(req.to) };
    const inShift = (iso: string, op: string): boolean => op === req.operator && Date.parse(iso) >= req.from.getTime() && Date.parse(iso) <= req.to.getTime();
    const unresolved = this.deps.journal.listUnresolved().filter((e) => SETTLEMENT_INFNOS.includes(e.infno) && inShift(e.createdAt, e.operator ?? ''));
    return buildShiftReport({
      ...req,
      records: this.deps.source.records(range),
      reversals: this.deps.source.reversals(range).filter((r) => inShift(r.at, r.operator)).length,
      unresolvedCalls: unresolved.length,
      institution: this.deps.config().institution.name,
      now: this.now(),
    });
  }

  async exportSummary(range: DateRange, format: 'csv' | 'pdf'): Promise<ExportFile> {
    const s = this.summary(range);
    const base = `结算汇总_${s.from}_${s.to}`;
    if (format === 'csv') return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', bytes: Buffer.from(summaryCsv(s), 'utf8') };
    return { filename: `${base}.pdf`, mime: 'application/pdf', bytes: await this.renderPdf(`结算汇总 ${s.from} 至 ${s.to}`, summaryCsv(s)) };
  }

  async exportShift(req: ShiftRequest, format: 'csv' | 'pdf'): Promise<ExportFile> {
    const s = this.shift(req);
    const base = `交班报表_${s.operator}_${chinaDate(req.to)}`;
    if (format === 'csv') return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', bytes: Buffer.from(shiftCsv(s), 'utf8') };
    return { filename: `${base}.pdf`, mime: 'application/pdf', bytes: await this.renderPdf(`交班报表 ${s.operatorName}`, shiftCsv(s)) };
  }

  /** The PDF shows the same table as the CSV, so both exports always carry the same figures. */
  private async renderPdf(title: string, csv: string): Promise<Buffer> {
    if (!this.pdf) {
      throw new AppError({ code: 'REPORT_PDF_UNAVAILABLE', message: '本机无法生成PDF（缺少中文字体或PDF组件）', hint: '请改用CSV导出，或请信息科安装中文字体（如文泉驿微米黑）后重试。' });
    }
    return this.pdf({ title, lines: parseCsvRows(csv) });
  }
}

/** Splits our own CSV back into cells (it only quotes fields with , " or line breaks). */
export function parseCsvRows(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
