// Reports: the cashier's shift hand-over (交班) and the day/range summary for finance, with CSV and
// PDF exports. Figures come from the terminal's own settlement records (the hub journal).
import { z } from 'zod';
import { method } from '../define';
import { FenSchema, IsoDateSchema } from '../schemas';

export const MoneyTotalsSchema = z.object({
  /** settlements + refunds (rows) */
  count: z.number().int(),
  medfee: FenSchema,
  fund: FenSchema,
  acct: FenSchema,
  cash: FenSchema,
});
export type MoneyTotals = z.infer<typeof MoneyTotalsSchema>;

const BucketSchema = MoneyTotalsSchema.extend({ key: z.string(), label: z.string() });
export type Bucket = z.infer<typeof BucketSchema>;

export const SummaryReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  institution: z.string(),
  generatedAt: z.string(),
  /** Everything in force: settlements minus refunds. */
  total: MoneyTotalsSchema,
  settlements: MoneyTotalsSchema,
  refunds: MoneyTotalsSchema,
  /** Reversals (2601) confirmed in the period. */
  reversals: z.number().int(),
  byProvince: z.array(BucketSchema),
  byMedType: z.array(BucketSchema),
  byInsutype: z.array(BucketSchema),
  byDay: z.array(BucketSchema),
  crossProvince: MoneyTotalsSchema,
  /** Cross-province share of medfee, ratio ×10⁴ (0.4321 → 4321). */
  crossProvinceShare: z.number().int(),
});
export type SummaryReport = z.infer<typeof SummaryReportSchema>;

export const ShiftReportSchema = z.object({
  operator: z.string(),
  operatorName: z.string(),
  from: z.string(),
  to: z.string(),
  institution: z.string(),
  generatedAt: z.string(),
  settlements: MoneyTotalsSchema,
  refunds: MoneyTotalsSchema,
  total: MoneyTotalsSchema,
  reversals: z.number().int(),
  /** Cash the cashier hands over (patients' cash payments minus cash refunded). */
  cashToHandOver: FenSchema,
  byMedType: z.array(BucketSchema),
  /** Settlement calls of the shift whose outcome is still unknown. */
  unresolvedCalls: z.number().int(),
  rows: z.array(
    z.object({
      setlTime: z.string(),
      setlId: z.string(),
      /** The local settlement record, when there is one. */
      recordId: z.number().int().optional(),
      kind: z.enum(['settle', 'cancel']),
      medType: z.string(),
      /** 普通门诊 … (Chinese, for the counter) */
      medTypeName: z.string(),
      insutype: z.string(),
      medfee: FenSchema,
      fund: FenSchema,
      acct: FenSchema,
      cash: FenSchema,
    }),
  ),
});
export type ShiftReport = z.infer<typeof ShiftReportSchema>;

const ShiftInputSchema = z
  .object({
    /** Default: the signed-in operator. Only IT admins may name another. */
    operator: z.string().optional(),
    /** ISO instants; default: from the last hand-over today (else the start of the China day) to now. */
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

const RangeSchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .strict()
  .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const ExportSchema = z.object({ filename: z.string(), mime: z.string(), base64: z.string() });

export const reportsMethods = {
  'reports.shift': method({ summary: 'Shift hand-over of a cashier', input: ShiftInputSchema, output: ShiftReportSchema, access: ['cashier', 'pharmacist', 'it_admin'] }),
  'reports.handOver': method({
    summary: 'Hand over one\'s own shift (交班): records and audits it; the next shift starts after it',
    input: z.object({ from: z.string().datetime({ offset: true }).optional(), to: z.string().datetime({ offset: true }).optional() }).strict(),
    output: z.object({ id: z.number().int(), report: ShiftReportSchema }),
    access: ['cashier', 'pharmacist', 'it_admin'],
  }),
  'reports.summary': method({ summary: 'Day or range summary', input: RangeSchema, output: SummaryReportSchema, access: ['it_admin'] }),
  'reports.exportShift': method({
    summary: 'Shift hand-over as CSV or PDF',
    input: ShiftInputSchema.extend({ format: z.enum(['csv', 'pdf']) }),
    output: ExportSchema,
    access: ['cashier', 'pharmacist', 'it_admin'],
  }),
  'reports.exportSummary': method({
    summary: 'Day or range summary as CSV or PDF',
    input: z.object({ from: IsoDateSchema, to: IsoDateSchema, format: z.enum(['csv', 'pdf']) }).strict(),
    output: ExportSchema,
    access: ['it_admin'],
  }),
};
