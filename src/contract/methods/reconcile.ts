// Daily reconciliation with the hub (3201/3202, 2601 for orphans) and the monthly clearing
// application (3203/3204). IT admins run and resolve (docs/reconcile.md, "Who may").
import { z } from 'zod';
import { method } from '../define';
import { FenSchema, IsoDateSchema } from '../schemas';

export const ReconcileGroupSchema = z.object({
  insutype: z.string(),
  clrType: z.string(),
  medfee: FenSchema,
  fund: FenSchema,
  acct: FenSchema,
  cash: FenSchema,
  count: z.number().int(),
  /** 3201 stmt_rslt: '0' 平, '1' 不平 */
  stmtRslt: z.string(),
  stmtRsltDscr: z.string().optional(),
});

const AmountsSchema = z.object({ medfee: FenSchema, fund: FenSchema, acct: FenSchema });

export const MismatchKindSchema = z.enum(['terminal_only', 'hub_only', 'amount_differs']);
export const MismatchSchema = z.object({
  id: z.number().int(),
  runId: z.number().int(),
  kind: MismatchKindSchema,
  setlId: z.string(),
  mdtrtId: z.string(),
  psnNo: z.string(),
  msgid: z.string(),
  infno: z.string().optional(),
  /** The local settlement record (settlement history), when the terminal has one. */
  recordId: z.number().int().optional(),
  /**
   * An orphan whose msgid carries another terminal's slot (docs/hub-client.md, msgid): it may be
   * another terminal's normal settlement. Reversing it needs a note confirming it is not.
   */
  otherTerminalSlot: z.string().optional(),
  refd: z.string(),
  memo: z.string(),
  terminal: AmountsSchema.optional(),
  hub: AmountsSchema.optional(),
  state: z.enum(['open', 'resolved']),
  resolution: z.enum(['reversed', 'acknowledged']).optional(),
  resolutionNote: z.string().optional(),
  resolutionMsgid: z.string().optional(),
  resolvedBy: z.string().optional(),
  resolvedAt: z.string().optional(),
});
export type MismatchView = z.infer<typeof MismatchSchema>;

export const ReconcileRunSchema = z.object({
  id: z.number().int(),
  from: z.string(),
  to: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  operator: z.string(),
  state: z.enum(['running', 'agreed', 'disagreed', 'failed']),
  failure: z.string().optional(),
  groups: z.array(ReconcileGroupSchema),
  mismatches: z.array(MismatchSchema),
  /** Calls whose outcome is still unknown in the period: reconcile again once they are resolved. */
  unresolvedCalls: z.number().int(),
});
export type ReconcileRunView = z.infer<typeof ReconcileRunSchema>;

export const ReconcileRangeSchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .strict()
  .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const ResolveInputSchema = z
  .object({
    mismatchId: z.number().int(),
    /** reverse: 2601 of an orphan (hub_only); acknowledge: record what was done outside the terminal. */
    action: z.enum(['reverse', 'acknowledge']),
    note: z.string().trim().max(200, '说明不超过200字').default(''),
    /** 参保地 for the 2601 when the terminal has never seen this person (6 digits). */
    insuplcAdmdvs: z.string().regex(/^\d{6}$/, '参保地区划为6位数字').optional(),
    /** 原交易编号 for the 2601 when the terminal does not know it. */
    oinfno: z.enum(['2207', '2208', '2304', '2305', '2102', '2103']).optional(),
  })
  .strict();

export const ClearingFiguresSchema = z.object({
  setlym: z.string(),
  clrType: z.string(),
  clrWay: z.string(),
  begndate: z.string(),
  enddate: z.string(),
  /** 人次 */
  psntime: z.number().int(),
  medfee: FenSchema,
  fundAppy: FenSchema,
  cash: FenSchema,
  acct: FenSchema,
  settlements: z.number().int(),
  refunds: z.number().int(),
});
export type ClearingFigures = z.infer<typeof ClearingFiguresSchema>;

export const ClearingApplicationSchema = z.object({
  id: z.number().int(),
  figures: ClearingFiguresSchema,
  state: z.enum(['applied', 'cancelled']),
  clrAppyEvtId: z.string(),
  appliedBy: z.string(),
  appliedAt: z.string(),
  cancelledBy: z.string().optional(),
  cancelledAt: z.string().optional(),
});
export type ClearingApplicationView = z.infer<typeof ClearingApplicationSchema>;

const ClearingKeySchema = z
  .object({
    setlym: z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, '结算年月格式为YYYYMM'),
    clrType: z.enum(['11', '21', '41', '99']),
  })
  .strict();

const ADMIN = ['it_admin'] as const;

export const reconcileMethods = {
  'reconcile.run': method({ summary: 'Reconcile a day or range with the hub (3201, then 3202 when totals differ)', input: ReconcileRangeSchema, output: ReconcileRunSchema, access: ADMIN }),
  'reconcile.runs': method({
    summary: 'Recent reconciliation runs, newest first',
    input: z.object({ limit: z.number().int().min(1).max(200).default(30) }).strict(),
    output: z.array(ReconcileRunSchema),
    access: ADMIN,
  }),
  'reconcile.get': method({ summary: 'One run with its mismatches', input: z.object({ runId: z.number().int() }).strict(), output: ReconcileRunSchema, access: ADMIN }),
  'reconcile.resolve': method({ summary: 'Resolve one mismatch (2601 or a recorded acknowledgement)', input: ResolveInputSchema, output: MismatchSchema, access: ADMIN }),
  'reconcile.clearingPreview': method({ summary: 'The figures a 3203 clearing application would send', input: ClearingKeySchema, output: ClearingFiguresSchema, access: ADMIN }),
  'reconcile.clearingApply': method({ summary: 'Apply for monthly clearing (3203) with the previewed figures', input: ClearingKeySchema, output: ClearingApplicationSchema, access: ADMIN }),
  'reconcile.clearingCancel': method({ summary: 'Cancel a clearing application (3204)', input: z.object({ id: z.number().int() }).strict(), output: ClearingApplicationSchema, access: ADMIN }),
  'reconcile.clearings': method({ summary: 'Clearing applications, newest first', input: z.object({}).strict(), output: z.array(ClearingApplicationSchema), access: ADMIN }),
};
