// Offline settlement (延时结算) and the 差额 list (docs/offline.md).
import { z } from 'zod';
import { Empty, method } from '../define';

export const OfflinePolicySchema = z.object({
  enabled: z.boolean(),
  collect: z.enum(['full', 'estimated_share']),
  limits: z.object({
    perSettlementFen: z.number().int().min(0, '限额不能为负'),
    outstandingAmountFen: z.number().int().min(0, '限额不能为负'),
    outstandingCount: z.number().int().min(0, '笔数不能为负').max(10_000),
  }),
});

export const AreaParamsSchema = z.object({
  admdvs: z.string().regex(/^\d{6}$/, '参保地区划应为 6 位数字'),
  insutype: z.enum(['310', '390']),
  name: z.string().min(1),
  deductibleFen: z.number().int().min(0),
  ratioByLevel: z.object({ '1': z.number().int().min(0).max(10_000), '2': z.number().int().min(0).max(10_000), '3': z.number().int().min(0).max(10_000) }),
  source: z.string(),
});

export const OfflineLineInputSchema = z.object({
  /** 医保目录编码 (looked up in the cached catalogue for its class). */
  code: z.string().min(1, '请录入收费项目编码'),
  localCode: z.string().optional(),
  /** Unit price ×10⁶ (the hospital's price). */
  price: z.number().int().positive('单价必须大于 0'),
  /** Quantity ×10⁴. */
  quantity: z.number().int().positive('数量必须大于 0'),
  hospApprFlag: z.enum(['0', '1']).optional(),
});

const VisitLinesSchema = z.object({
  insutype: z.enum(['310', '390']),
  /** 参保地 when known (e.g. a social security card's region), for the estimate. */
  insuredArea: z.string().regex(/^\d{6}$/, '参保地区划应为 6 位数字').optional(),
  lines: z.array(OfflineLineInputSchema).min(1, '请至少录入一项费用').max(200),
});

export const OfflineVisitInputSchema = VisitLinesSchema.extend({
  cert: z.object({ type: z.enum(['02', '03']), no: z.string().min(6, '请读卡或录入证件号'), cardSn: z.string().optional() }),
  name: z.string().max(40).optional(),
  medType: z.string().default('11'),
  diagCode: z.string().default('Z00.000'),
  diagName: z.string().default('门诊就诊'),
  deptCode: z.string().default('0101'),
  deptName: z.string().default('门诊'),
  caty: z.string().default('A03'),
  acctUsedFlag: z.enum(['0', '1']).default('1'),
});

export const EstimateSchema = z.object({
  medfeeFen: z.number().int(),
  fulamtOwnpayFen: z.number().int(),
  overlmtFen: z.number().int(),
  preselfpayFen: z.number().int(),
  inscopeFen: z.number().int(),
  fundFen: z.number().int(),
  psnFen: z.number().int(),
  params: z.object({ admdvs: z.string(), name: z.string(), ratio: z.number().int(), deductibleFen: z.number().int() }).optional(),
});

export const OfflineQuoteSchema = z.object({
  estimate: EstimateSchema,
  collect: z.enum(['full', 'estimated_share']),
  collectNowFen: z.number().int(),
  allowed: z.boolean(),
  /** Why only self-pay is offered, when it is. */
  reason: z.string().optional(),
  outstanding: z.object({ count: z.number().int(), amountFen: z.number().int() }),
});

export const ReceiptTextSchema = z.object({ title: z.string(), lines: z.array(z.string()) });

export const OfflineSettlementSchema = z.object({
  id: z.number().int(),
  queueNo: z.string(),
  queueItemId: z.number().int(),
  state: z.enum(['pending', 'settled']),
  idMasked: z.string(),
  insutype: z.string(),
  medfeeFen: z.number().int(),
  estimateFundFen: z.number().int(),
  estimatePsnFen: z.number().int(),
  collect: z.enum(['full', 'estimated_share']),
  collectedFen: z.number().int(),
  actualFundFen: z.number().int().optional(),
  actualAcctFen: z.number().int().optional(),
  actualCashFen: z.number().int().optional(),
  setlId: z.string().optional(),
  operator: z.string(),
  createdAt: z.string(),
  settledAt: z.string().optional(),
});

export const DifferenceSchema = z.object({
  id: z.number().int(),
  offlineId: z.number().int(),
  queueNo: z.string(),
  idMasked: z.string(),
  kind: z.enum(['refund', 'collect']),
  amountFen: z.number().int(),
  state: z.enum(['open', 'closed']),
  collectedFen: z.number().int(),
  actualCashFen: z.number().int(),
  estimatePsnFen: z.number().int(),
  setlId: z.string(),
  receiptNo: z.string().optional(),
  closedBy: z.string().optional(),
  closedAt: z.string().optional(),
  createdAt: z.string(),
});

const COUNTER = ['cashier', 'it_admin'] as const;

export const offlineMethods = {
  'offline.policy': method({ summary: 'The offline-settlement policy', input: Empty, output: OfflinePolicySchema, access: 'signedIn' }),
  'offline.setPolicy': method({ summary: 'Set the offline-settlement policy (IT admin)', input: OfflinePolicySchema.strict(), output: OfflinePolicySchema, access: ['it_admin'] }),
  'offline.areaParams': method({ summary: 'Estimate parameters per insured area', input: Empty, output: z.array(AreaParamsSchema), access: ['it_admin', 'cashier'] }),
  'offline.setAreaParams': method({ summary: 'Set estimate parameters (IT admin)', input: z.object({ params: z.array(AreaParamsSchema).max(500) }).strict(), output: z.object({ changed: z.number().int() }), access: ['it_admin'] }),
  'offline.quote': method({ summary: 'Estimate, what is collected now, and whether the limits allow it', input: VisitLinesSchema.strict(), output: OfflineQuoteSchema, access: COUNTER }),
  'offline.settle': method({
    summary: 'Serve a visit offline (queued for the hub); provisional receipt with a queue number',
    input: OfflineVisitInputSchema.strict(),
    output: z.object({ settlement: OfflineSettlementSchema, quote: OfflineQuoteSchema, receipt: ReceiptTextSchema }),
    access: COUNTER,
  }),
  'offline.selfPay': method({
    summary: 'Self-pay fallback: total and the documents for reimbursement at home',
    input: z.object({ lines: z.array(OfflineLineInputSchema).min(1).max(200), reason: z.string().min(2).max(200) }).strict(),
    output: z.object({ totalFen: z.number().int(), documents: z.array(z.string()), note: z.string(), receipt: ReceiptTextSchema }),
    access: COUNTER,
  }),
  'offline.list': method({ summary: 'Offline settlements, newest first', input: z.object({ state: z.enum(['pending', 'settled']).optional() }).strict(), output: z.array(OfflineSettlementSchema), access: COUNTER }),
  'offline.differences': method({ summary: 'The 差额 list', input: z.object({ state: z.enum(['open', 'closed']).optional() }).strict(), output: z.array(DifferenceSchema), access: COUNTER }),
  'offline.closeDifference': method({
    summary: 'Refund or collect one difference; receipt',
    input: z.object({ id: z.number().int() }).strict(),
    output: z.object({ difference: DifferenceSchema, receipt: ReceiptTextSchema }),
    access: COUNTER,
  }),
  'offline.print': method({
    summary: 'Print a provisional/差额 receipt or self-pay slip on the host printer; printed=false: print the view yourself',
    input: z.object({ receipt: ReceiptTextSchema, copies: z.number().int().min(1).max(5).optional() }).strict(),
    output: z.object({ printed: z.boolean(), printer: z.string().optional(), message: z.string() }),
    access: COUNTER,
  }),
};
