import { AppError } from '@src/common/errors';
import type { reportsMethods } from '@src/contract/methods/reports';
import type { ShiftRequest } from '@src/reports/reports-service';
import { sessionOf, type DomainHandlers, type HandlerContext } from '../handler';

/** Cashiers see their own shift; IT admins may name any operator. Default window: since the last hand-over today, else today so far. */
function shiftRequest(input: { operator?: string | undefined; from?: string | undefined; to?: string | undefined }, ctx: HandlerContext): ShiftRequest {
  const s = sessionOf(ctx);
  const self = s.operator;
  const name = input.operator ?? self.username;
  if (name !== self.username && self.role !== 'it_admin') {
    throw new AppError({ code: 'REPORT_NOT_ALLOWED', message: '只能查看本人的交班报表', hint: '如需查看其他收款员的报表，请联系信息科管理员。' });
  }
  const other = name === self.username ? undefined : ctx.services.accounts.list().find((o) => o.username === name);
  if (name !== self.username && !other) throw new AppError({ code: 'REPORT_UNKNOWN_OPERATOR', message: `操作员“${name}”不存在`, hint: '请检查工号。' });
  const to = input.to ? new Date(input.to) : new Date();
  const from = input.from ? new Date(input.from) : ctx.services.reports.shiftStart(name, to);
  return { operator: name, operatorName: other?.displayName ?? self.displayName, from, to };
}

const encoded = (f: { filename: string; mime: string; bytes: Buffer }) => ({ filename: f.filename, mime: f.mime, base64: f.bytes.toString('base64') });

export function reportsHandlers(): DomainHandlers<typeof reportsMethods> {
  return {
    'reports.shift': (input, ctx) => ctx.services.reports.shift(shiftRequest(input, ctx)),
    'reports.summary': (input, { services }) => services.reports.summary(input),
    'reports.handOver': (input, ctx) => {
      const self = sessionOf(ctx).operator.username;
      return ctx.services.reports.handOver(shiftRequest({ ...input, operator: self }, ctx), self);
    },
    'reports.exportShift': async (input, ctx) => {
      const req = shiftRequest(input, ctx);
      const file = await ctx.services.reports.exportShift(req, input.format);
      ctx.services.audit.append({ action: 'report.exported', operator: sessionOf(ctx).operator.username, subject: file.filename, details: { report: 'shift', operator: req.operator, format: input.format } });
      return encoded(file);
    },
    'reports.exportSummary': async (input, ctx) => {
      const file = await ctx.services.reports.exportSummary({ from: input.from, to: input.to }, input.format);
      ctx.services.audit.append({ action: 'report.exported', operator: sessionOf(ctx).operator.username, subject: file.filename, details: { report: 'summary', from: input.from, to: input.to, format: input.format } });
      return encoded(file);
    },
  };
}
