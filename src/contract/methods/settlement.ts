// Settlement at the counter: patient identification, outpatient, pharmacy, inpatient, history,
// refunds, receipts and restart recovery. Full description: docs/settlement.md.
//
// Flows (which method to call when):
//
//  Patient      devices.medium event (or a typed ID number with a reason)
//               → patient.identify → Patient (patientRef, insurances, filing, chronic filings).
//               The patientRef is valid for 30 minutes on this host; pass it to the flows below.
//
//  Outpatient   outpatient.preSettle {patientRef, insutype, medType 11/13/14, diagnoses, lines, acctUsed}
//  (cashier)      → one budget: 2201 register → 2203 visit → 2204 fees → 2206 pre-settle.
//                 Returns visitId + the breakdown. Call it again with the visitId after editing
//                 lines or flipping acctUsed: only the changed steps run (2205 + 2204, 2206).
//               outpatient.settle {visitId} → one budget: 2207 (+ resend / 5203 / 2601 when the
//                 answer is lost) → SettleResult. Then settlements.receipt / print.
//               outpatient.cancel {visitId, reason} before settling → 2205 + 2202.
//
//  Pharmacy     pharmacy.preSettle {patientRef, insutype, lines, acctUsed} → 2101 → draftId + breakdown;
//  (pharmacist)   pharmacy.settle {draftId} → 2102 (+ resolution). pharmacy.discard drops a draft.
//
//  Inpatient    inpatient.admit → 2401; inpatient.uploadFees (2301, any number of times);
//  (cashier)      inpatient.cancelFees (2302); inpatient.preSettle {midStay} (2303);
//                 inpatient.settle {midStay} (2304; midStay = 中途结算, the stay stays open);
//                 inpatient.discharge (2402) before the final settlement; inpatient.cancelDischarge
//                 (2405), inpatient.cancelAdmission (2404). inpatient.list / inpatient.get.
//
//  History      settlements.search / settlements.get; settlements.refund {id, reason}
//                 (2208/2103/2305; cashier for outpatient/inpatient, pharmacist for pharmacy).
//  Receipts     settlements.receipt (model for 58/80 mm and A5), settlements.receiptPdf (PDF made
//                 on the host), settlements.print (silent printing in Electron; in the browser
//                 shell `printed: false` and the screen prints its receipt view with window.print()).
//  Recovery     At host start the unresolved settlements of the previous run are resolved before
//                 any new settlement is accepted (calls are refused with SETTLEMENT_RECOVERING).
//                 settlements.recovery lists what happened (the UI shows it after sign-in);
//                 settlements.acknowledgeRecovery hides the shown entries. A `notice` event and
//                 `settlement.recovery` events are emitted too.
//
// Progress: every chain above emits `settlement.progress` {operationId, step, label, remainingMs}
// to the calling window; pass `operationId` to tell your calls apart.
import { z } from 'zod';
import { Empty, method, Ok } from '../define';
import { FenSchema, IsoDateSchema } from '../schemas';
import {
  CertTypeSchema,
  DeptInputSchema,
  DiagnosisInputSchema,
  FeeLineInputSchema,
  FiguresSchema,
  FundLineSchema,
  InsutypeSchema,
  LineSplitSchema,
  OperationIdSchema,
  PaperSchema,
  PreSettlementSchema,
  SettleResultSchema,
  SettlementKindSchema,
  SettlementRecordSchema,
  SettlementStateSchema,
} from './settlement-schemas';

export * from './settlement-schemas';

const reason = z.string().trim().min(2, '请填写原因（至少2个字）').max(200, '原因不超过200个字');
const lines = z.array(FeeLineInputSchema).min(1, '请至少录入一条费用').max(500, '一次最多500条费用');
const diagnoses = z.array(DiagnosisInputSchema).min(1, '请至少选择一个诊断').max(20);

// ── Patient ─────────────────────────────────────────────────────────────────────────────────────

const QueuedWorkSchema = z.object({ itemId: z.number().int(), queueNo: z.string(), message: z.string(), hint: z.string() });

export const InsuranceSchema = z.object({
  insutype: z.string(),
  /** 职工基本医疗保险 … */
  insutypeName: z.string(),
  psnType: z.string(),
  psnTypeName: z.string(),
  /** 参保地医保区划 */
  insuredArea: z.string(),
  insuredAreaName: z.string(),
  /** 个人账户余额 */
  balanceFen: FenSchema,
  /** psn_insu_stas: 1 正常参保 */
  active: z.boolean(),
  crossProvince: z.boolean(),
});

/**
 * Filing status for cross-province care, from what the hub offers before a visit: 5304 lists
 * referral (异地转诊) filings; other filings (安置/长期居住/常驻/临时外出) are checked by the hub at
 * registration/admission/purchase, and a refusal then names them (state 'checkedAtVisit').
 */
export const FilingStateSchema = z.enum(['local', 'referralValid', 'referralExpired', 'checkedAtVisit']);
export const FilingStatusSchema = z.object({
  state: FilingStateSchema,
  /** One line for the panel (Chinese). */
  label: z.string(),
  begin: z.string().optional(),
  end: z.string().optional(),
  /** What to do when there is a problem (Chinese). */
  hint: z.string().optional(),
});

export const ChronicFilingSchema = z.object({
  /** 门慢门特病种代码 (M03900 …) */
  code: z.string(),
  name: z.string(),
  begin: z.string(),
  end: z.string().optional(),
  validToday: z.boolean(),
});

export const PatientSchema = z.object({
  /** Handle for the flows (30 minutes); the identity itself stays on the host. */
  patientRef: z.string(),
  /** Full name: the cashier asks the patient to confirm it. */
  name: z.string(),
  idMasked: z.string(),
  /** 1 男, 2 女, '' unknown */
  gender: z.string(),
  /** Whole years; null when unknown. */
  age: z.number().int().nullable(),
  certType: CertTypeSchema,
  /** Typed by hand (with a reason) rather than read from a medium. */
  typed: z.boolean(),
  insurances: z.array(InsuranceSchema),
  /** Preselected insutype (the only one, or the first active). */
  defaultInsutype: z.string(),
  /** Treatment area (就医地) of this terminal. */
  treatmentArea: z.string(),
  crossProvince: z.boolean(),
  filing: FilingStatusSchema,
  chronic: z.array(ChronicFilingSchema),
  /** Things the cashier should know (e.g. 5301 not answered). */
  warnings: z.array(z.string()),
});
export type Patient = z.infer<typeof PatientSchema>;

// ── Inpatient ───────────────────────────────────────────────────────────────────────────────────

export const StayStateSchema = z.enum(['admitted', 'discharged', 'settled', 'cancelled']);
export const StaySchema = z.object({
  stayId: z.number().int(),
  state: StayStateSchema,
  mdtrtId: z.string(),
  iptNo: z.string(),
  medType: z.string(),
  insutype: z.string(),
  insuredArea: z.string(),
  patientName: z.string(),
  idMasked: z.string(),
  dept: z.string(),
  bed: z.string(),
  admittedAt: z.string(),
  dischargedAt: z.string().optional(),
  /** Sum of uploaded, not cancelled, not yet settled lines. */
  unsettledFeesFen: FenSchema,
  uploadedLines: z.number().int(),
  /** Settlement record ids of this stay (mid-stay and final). */
  settlementIds: z.array(z.number().int()),
});
export type Stay = z.infer<typeof StaySchema>;

export const StayDetailSchema = z.object({
  stay: StaySchema,
  lines: z.array(LineSplitSchema.extend({ cancelled: z.boolean(), settled: z.boolean(), uploadedAt: z.string() })),
});

// ── Receipts and recovery ───────────────────────────────────────────────────────────────────────

export const ReceiptLineSchema = z.object({
  name: z.string(),
  code: z.string(),
  chargeClass: z.string(),
  /** 甲/乙/丙/'' */
  chargeClassLabel: z.string(),
  quantity: z.number().int(),
  amountFen: FenSchema,
  /** Patient's own share of this line (全自费 + 超限价 + 先行自付). */
  selfPayFen: FenSchema,
});

export const ReceiptSchema = z.object({
  paper: PaperSchema,
  /** Characters per line for thermal rolls (58 mm: 32, 80 mm: 48); A5: 0 (layout by the view). */
  columns: z.number().int(),
  title: z.string(),
  institutionName: z.string(),
  institutionCode: z.string(),
  kind: SettlementKindSchema,
  kindLabel: z.string(),
  /** True for a refund slip (negative figures). */
  refund: z.boolean(),
  reprint: z.boolean(),
  patientName: z.string(),
  idMasked: z.string(),
  insutypeName: z.string(),
  insuredArea: z.string(),
  insuredAreaName: z.string(),
  medType: z.string(),
  medTypeName: z.string(),
  setlId: z.string(),
  msgid: z.string(),
  mdtrtId: z.string(),
  operator: z.string(),
  settledAt: z.string(),
  printedAt: z.string(),
  figures: FiguresSchema,
  funds: z.array(FundLineSchema),
  lines: z.array(ReceiptLineSchema),
  /** Per-class totals: 甲/乙/丙 amounts and the patient's self-pay. */
  classSummary: z.array(z.object({ label: z.string(), amountFen: FenSchema, selfPayFen: FenSchema })),
  /** Printable text rows for thermal paper (fixed width by `columns`); A5 views lay out the model. */
  text: z.array(z.string()),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const RecoveryOutcomeSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  /** Journal entry resolved. */
  journalId: z.number().int(),
  infno: z.string(),
  msgid: z.string(),
  settlementId: z.number().int().nullable(),
  /** settled / reversed / notApplied / pendingReversal / manual */
  result: z.string(),
  /** Plain words for the cashier. */
  message: z.string(),
  hint: z.string().optional(),
  acknowledged: z.boolean(),
});

export const RecoveryStateSchema = z.object({
  running: z.boolean(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  outcomes: z.array(RecoveryOutcomeSchema),
  /** Reversals waiting for the offline queue. */
  pendingReversals: z.number().int(),
});

export const PendingReversalSchema = z.object({
  id: z.number().int(),
  msgid: z.string(),
  infno: z.string(),
  state: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  lastError: z.string(),
});

export const HistoryRowSchema = SettlementRecordSchema.omit({ funds: true });

// ── Methods ─────────────────────────────────────────────────────────────────────────────────────

const counter = ['cashier', 'pharmacist'] as const;

export const settlementMethods = {
  'patient.identify': method({
    summary: '1101 from a medium or a typed ID number (with reason) → insurances, filing, chronic filings',
    input: z
      .object({
        certType: CertTypeSchema,
        /** ecToken (01), ID number (02) or social security card number (03). */
        certNo: z.string().trim().min(1, '请读卡或输入证件号码').max(200),
        /** 卡识别码, required with 03. */
        cardSn: z.string().trim().max(64).optional(),
        /** Set when the cashier typed the number instead of reading a medium. */
        typedReason: reason.optional(),
        operationId: OperationIdSchema,
      })
      .strict(),
    output: PatientSchema,
    access: counter,
  }),

  'outpatient.preSettle': method({
    summary: 'Register (2201) → visit (2203) → fees (2204) → pre-settle (2206) under one budget; repeat with visitId after edits',
    input: z
      .object({
        operationId: OperationIdSchema,
        /** Given: the same visit again (edited lines or account toggle). */
        visitId: z.number().int().optional(),
        patientRef: z.string().min(1),
        insutype: InsutypeSchema,
        medType: z.enum(['11', '13', '14']),
        /** 14: the filed chronic disease (5301 code, e.g. M03900). */
        chronicCode: z.string().trim().max(20).optional(),
        diagnoses,
        dept: DeptInputSchema.optional(),
        doctor: z.object({ code: z.string().max(30), name: z.string().max(50) }).strict().optional(),
        lines,
        acctUsed: z.boolean(),
      })
      .strict()
      .refine((v) => v.medType !== '14' || (v.chronicCode ?? '') !== '', { message: '门诊慢特病须选择已备案的病种', path: ['chronicCode'] }),
    output: PreSettlementSchema.extend({ visitId: z.number().int(), mdtrtId: z.string() }),
    access: ['cashier'],
  }),
  'outpatient.settle': method({
    summary: '2207 under one budget, resolving a lost answer itself (resend / 5203 / 2601)',
    input: z.object({ operationId: OperationIdSchema, visitId: z.number().int() }).strict(),
    output: SettleResultSchema,
    access: ['cashier'],
  }),
  'outpatient.cancel': method({
    summary: 'Cancel an unsettled visit: 2205 (all fees) then 2202',
    input: z.object({ operationId: OperationIdSchema, visitId: z.number().int(), reason }).strict(),
    output: Ok,
    access: ['cashier'],
  }),

  'pharmacy.preSettle': method({
    summary: '2101 pharmacy pre-settlement; repeat with draftId after edits',
    input: z
      .object({
        operationId: OperationIdSchema,
        draftId: z.number().int().optional(),
        patientRef: z.string().min(1),
        insutype: InsutypeSchema,
        lines,
        acctUsed: z.boolean(),
        diagnosis: DiagnosisInputSchema.optional(),
      })
      .strict(),
    output: PreSettlementSchema.extend({ draftId: z.number().int() }),
    access: ['pharmacist'],
  }),
  'pharmacy.settle': method({
    summary: '2102 with the draft pre-settled by 2101, resolving a lost answer itself',
    input: z.object({ operationId: OperationIdSchema, draftId: z.number().int() }).strict(),
    output: SettleResultSchema,
    access: ['pharmacist'],
  }),
  'pharmacy.discard': method({
    summary: 'Drop an unsettled pharmacy draft (nothing was committed at the hub)',
    input: z.object({ draftId: z.number().int() }).strict(),
    output: Ok,
    access: ['pharmacist'],
  }),

  'inpatient.admit': method({
    summary: '2401 admission (the filing must be valid on the admission date)',
    input: z
      .object({
        operationId: OperationIdSchema,
        patientRef: z.string().min(1),
        insutype: InsutypeSchema,
        /** 21 普通住院 (others as the region uses them). */
        medType: z.string().regex(/^\d{2,6}$/).default('21'),
        diagnoses,
        dept: DeptInputSchema,
        bed: z.string().trim().max(30).optional(),
        doctor: z.object({ code: z.string().max(30), name: z.string().max(50) }).strict().optional(),
        /** Default now. */
        admittedAt: z.string().optional(),
      })
      .strict(),
    output: StaySchema,
    access: ['cashier'],
  }),
  'inpatient.list': method({
    summary: 'Stays, open ones first',
    input: z.object({ includeClosed: z.boolean().default(false) }).strict(),
    output: z.array(StaySchema),
    access: ['cashier'],
  }),
  'inpatient.get': method({ summary: 'A stay with its fee lines', input: z.object({ stayId: z.number().int() }).strict(), output: StayDetailSchema, access: ['cashier'] }),
  'inpatient.uploadFees': method({
    summary: '2301 daily fee upload',
    input: z.object({ operationId: OperationIdSchema, stayId: z.number().int(), lines }).strict(),
    output: z.object({ stay: StaySchema, lines: z.array(LineSplitSchema) }),
    access: ['cashier'],
  }),
  // Offline queue (issue 8 follow-up): after uploadFees failed with nothing sent (HUB_NETWORK,
  // HUB_BUDGET_EXHAUSTED) or SETTLEMENT_FEES_QUEUED; never after an unknown outcome (refused).
  'inpatient.queueFees': method({
    summary: '2301 fee upload into the offline queue (hub unreachable); per-stay order kept',
    input: z.object({ stayId: z.number().int(), lines }).strict(),
    output: z.object({ stay: StaySchema, queued: QueuedWorkSchema, lineCount: z.number().int(), amountFen: z.number().int() }),
    access: ['cashier'],
  }),
  'inpatient.cancelFees': method({
    summary: '2302: cancel uploaded unsettled lines (all when feedetlSns is absent)',
    input: z.object({ operationId: OperationIdSchema, stayId: z.number().int(), feedetlSns: z.array(z.string()).min(1).optional(), reason }).strict(),
    output: StaySchema,
    access: ['cashier'],
  }),
  'inpatient.discharge': method({
    summary: '2402 discharge',
    input: z
      .object({
        operationId: OperationIdSchema,
        stayId: z.number().int(),
        diagnoses,
        /** 离院方式 1 医嘱离院 (default) … */
        way: z.string().max(3).default('1'),
        dischargedAt: z.string().optional(),
      })
      .strict(),
    output: StaySchema,
    access: ['cashier'],
  }),
  'inpatient.cancelDischarge': method({ summary: '2405', input: z.object({ operationId: OperationIdSchema, stayId: z.number().int(), reason }).strict(), output: StaySchema, access: ['cashier'] }),
  'inpatient.cancelAdmission': method({ summary: '2404', input: z.object({ operationId: OperationIdSchema, stayId: z.number().int(), reason }).strict(), output: StaySchema, access: ['cashier'] }),
  'inpatient.preSettle': method({
    summary: '2303 pre-settlement (midStay: 中途结算)',
    input: z.object({ operationId: OperationIdSchema, stayId: z.number().int(), midStay: z.boolean(), acctUsed: z.boolean() }).strict(),
    output: PreSettlementSchema.extend({ stayId: z.number().int() }),
    access: ['cashier'],
  }),
  'inpatient.settle': method({
    summary: '2304 settlement (midStay: 中途结算), resolving a lost answer itself',
    input: z.object({ operationId: OperationIdSchema, stayId: z.number().int(), midStay: z.boolean(), acctUsed: z.boolean() }).strict(),
    output: SettleResultSchema,
    access: ['cashier'],
  }),

  'settlements.search': method({
    summary: 'History by date range, ID number (exact, via lookup hash), full name (exact), setl_id',
    input: z
      .object({
        from: IsoDateSchema,
        to: IsoDateSchema,
        idNumber: z.string().trim().max(18).optional(),
        patientName: z.string().trim().max(50).optional(),
        setlId: z.string().trim().max(40).optional(),
        kind: SettlementKindSchema.optional(),
        state: SettlementStateSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ rows: z.array(HistoryRowSchema), truncated: z.boolean() }),
    access: [...counter, 'it_admin'],
  }),
  'settlements.get': method({
    summary: 'One settlement with funds and lines',
    input: z.object({ id: z.number().int() }).strict(),
    output: z.object({ record: SettlementRecordSchema, lines: z.array(LineSplitSchema) }),
    access: [...counter, 'it_admin'],
  }),
  'settlements.refund': method({
    summary: 'Refund a settlement (2208 / 2103 / 2305) with the reason; cashier: outpatient+inpatient, pharmacist: pharmacy',
    input: z.object({ operationId: OperationIdSchema, id: z.number().int(), reason }).strict(),
    output: z.object({ record: SettlementRecordSchema, message: z.string(), hint: z.string().optional() }),
    access: counter,
  }),
  // Offline queue (issue 8 follow-up): after settlements.refund failed with nothing sent; outpatient
  // (2208), pharmacy (2103) or inpatient cancellation (2305); same role rule as refund; refused
  // after an unknown outcome.
  'settlements.queueRefund': method({
    summary: 'Refund (2208 / 2103 / 2305) into the offline queue while the hub is unreachable',
    input: z.object({ id: z.number().int(), reason }).strict(),
    output: z.object({ record: SettlementRecordSchema, queued: QueuedWorkSchema }),
    access: counter,
  }),
  'settlements.receipt': method({
    summary: 'Receipt model (58 mm / 80 mm / A5; default: printing.paper)',
    input: z.object({ id: z.number().int(), paper: PaperSchema.optional(), refund: z.boolean().default(false) }).strict(),
    output: ReceiptSchema,
    access: [...counter, 'it_admin'],
  }),
  'settlements.receiptPdf': method({
    summary: 'Receipt as PDF made on the host (CJK font embedded)',
    input: z.object({ id: z.number().int(), paper: PaperSchema.optional(), refund: z.boolean().default(false) }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string(), bytes: z.number().int() }),
    access: [...counter, 'it_admin'],
  }),
  'settlements.print': method({
    summary: 'Silent print to the configured printer (Electron); printed=false: print the receipt view yourself',
    input: z.object({ id: z.number().int(), paper: PaperSchema.optional(), refund: z.boolean().default(false), copies: z.number().int().min(1).max(5).optional() }).strict(),
    output: z.object({ printed: z.boolean(), printer: z.string().optional(), message: z.string() }),
    access: counter,
  }),
  'settlements.recovery': method({
    summary: 'Restart recovery: running?, what it did (for the next signed-in cashier), pending reversals',
    input: Empty,
    output: RecoveryStateSchema,
    access: [...counter, 'it_admin'],
  }),
  'settlements.acknowledgeRecovery': method({
    summary: 'Mark recovery outcomes as shown to the cashier',
    input: z.object({ ids: z.array(z.number().int()).min(1) }).strict(),
    output: Ok,
    access: [...counter, 'it_admin'],
  }),
  'settlements.pendingReversals': method({
    summary: 'Reversals (2601) waiting for the offline queue',
    input: Empty,
    output: z.array(PendingReversalSchema),
    access: [...counter, 'it_admin'],
  }),
};

// ── Events ──────────────────────────────────────────────────────────────────────────────────────

export const SettlementProgressSchema = z.object({
  /** The operationId of the call, '' when none was given. */
  operationId: z.string(),
  /** outpatient / pharmacy / inpatient / refund / patient / recovery */
  flow: z.string(),
  /**
   * person, filings, register, visit, uploadFees, cancelFees, preSettle, settle, resend, query,
   * reverse, cancelRegister, admit, discharge, refund, done.
   */
  step: z.string(),
  /** The step in Chinese, for the progress line. */
  label: z.string(),
  budgetMs: z.number().int(),
  remainingMs: z.number().int(),
  done: z.boolean(),
});
export type SettlementProgress = z.infer<typeof SettlementProgressSchema>;

export const settlementEvents = {
  /** A step of a settlement chain started (with the budget left). */
  'settlement.progress': SettlementProgressSchema,
  /** Restart recovery started / resolved one / finished. */
  'settlement.recovery': z.object({ running: z.boolean(), resolved: z.number().int(), remaining: z.number().int() }),
};

