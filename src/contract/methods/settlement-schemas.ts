// Schemas shared by the settlement methods (patient, outpatient, pharmacy, inpatient, settlements).
// The flows and which method to call when are explained in ./settlement.ts and docs/settlement.md.
//
// Conventions: money is integer fen; quantities are integers ×10⁴ (1.5 → 15000); prices ×10⁶
// (12.5 yuan → 12500000); ratios ×10⁴ (0.05 → 500). The settlement figures keep the national
// interface's own snake_case names (medfee_sumamt, hifp_pay …) so a figure on screen or on a
// receipt can be compared with the hub's answer field by field.
import { z } from 'zod';
import { FenSchema } from '../schemas';

/** 01 医保电子凭证令牌, 02 居民身份证号, 03 社会保障卡. */
export const CertTypeSchema = z.enum(['01', '02', '03']);
export type CertType = z.infer<typeof CertTypeSchema>;

/** 险种: 310 职工基本医疗保险, 390 城乡居民基本医疗保险 (others pass through as text). */
export const InsutypeSchema = z.string().regex(/^\d{3}$/, '险种代码应为3位数字');

/** Correlates the `settlement.progress` events of one call: any id the screen chooses (uuid). */
export const OperationIdSchema = z.string().min(1).max(64).optional();

export const DiagnosisInputSchema = z
  .object({
    /** ICD-10 医保版 code (catalogue 1307) or, for 慢特病, the 1309 code. */
    code: z.string().trim().min(1, '请选择诊断').max(30),
    name: z.string().trim().min(1, '请选择诊断').max(100),
  })
  .strict();
export type DiagnosisInput = z.infer<typeof DiagnosisInputSchema>;

export const DeptInputSchema = z.object({ code: z.string().trim().min(1).max(30), name: z.string().trim().min(1).max(50) }).strict();

/** One fee line as the cashier entered it (from catalog.search / catalog.byBarcode). */
export const FeeLineInputSchema = z
  .object({
    /** 医疗目录编码 (national code, med_list_codg). */
    code: z.string().trim().min(1, '请选择收费项目').max(50),
    /** 医疗机构目录编码; default: the national code. */
    localCode: z.string().trim().max(50).optional(),
    name: z.string().trim().min(1).max(200),
    /** ×10⁴, more than 0. */
    quantity: z.number().int().min(1, '数量须大于0').max(99_999_990_000, '数量过大'),
    /** ×10⁶, 0 or more. */
    unitPrice: z.number().int().min(0, '单价不能为负').max(9_999_999_000_000, '单价过大'),
    /** 医院审批标志: restricted item approved for this patient. */
    hospApproved: z.boolean().default(false),
  })
  .strict();
export type FeeLineInput = z.input<typeof FeeLineInputSchema>;

/** The split of one fee line as the hub answered it (2204/2301 result, 2101/2102 detlcutinfo). */
export const LineSplitSchema = z.object({
  feedetlSn: z.string(),
  code: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  /** det_item_fee_sumamt */
  amountFen: FenSchema,
  /** 01 甲, 02 乙, 03 丙; '' when the hub did not say. */
  chargeClass: z.string(),
  /** ×10⁴; null when the hub did not say. */
  selfpayProp: z.number().int().nullable(),
  fulamtOwnpayFen: FenSchema,
  overlmtFen: FenSchema,
  preselfpayFen: FenSchema,
  inscpScpFen: FenSchema,
  /** The hub's remark on the split (e.g. 限制使用). */
  memo: z.string().optional(),
});
export type LineSplit = z.infer<typeof LineSplitSchema>;

/** One setldetail line: what each fund paid. */
export const FundLineSchema = z.object({
  fundPayType: z.string(),
  /** 统筹基金 / 大额医疗 / 个人账户 …: the hub's name, else the terminal's label. */
  name: z.string(),
  amountFen: FenSchema,
});

/** setlinfo amounts, with the interface's names. Negative for refunds (2208/2305/2103). */
export const FiguresSchema = z.object({
  medfee_sumamt: FenSchema,
  fulamt_ownpay_amt: FenSchema,
  overlmt_selfpay: FenSchema,
  preselfpay_amt: FenSchema,
  inscp_scp_amt: FenSchema,
  act_pay_dedc: FenSchema,
  hifp_pay: FenSchema,
  /** 统筹基金支付比例 ×10⁴; null when not given. */
  pool_prop_selfpay: z.number().int().nullable(),
  cvlserv_pay: FenSchema,
  hifes_pay: FenSchema,
  hifmi_pay: FenSchema,
  hifob_pay: FenSchema,
  maf_pay: FenSchema,
  oth_pay: FenSchema,
  hifdm_pay: FenSchema,
  fund_pay_sumamt: FenSchema,
  psn_part_amt: FenSchema,
  acct_pay: FenSchema,
  psn_cash_pay: FenSchema,
  hosp_part_amt: FenSchema,
  acct_mulaid_pay: FenSchema,
  /** 个人账户余额 after this settlement; null when the hub did not say. */
  balc: FenSchema.nullable(),
});
export type Figures = z.infer<typeof FiguresSchema>;

/** A pre-settlement (2206/2101/2303): what the patient would pay. Nothing is committed. */
export const PreSettlementSchema = z.object({
  figures: FiguresSchema,
  funds: z.array(FundLineSchema),
  lines: z.array(LineSplitSchema),
  /** The hub's warn_msg and the terminal's own remarks (Chinese). */
  warnings: z.array(z.string()),
  /** What is left of the budget of the chain that produced it (ms). */
  remainingMs: z.number().int(),
});
export type PreSettlement = z.infer<typeof PreSettlementSchema>;

export const SettlementKindSchema = z.enum(['outpatient', 'pharmacy', 'inpatient']);
export type SettlementKind = z.infer<typeof SettlementKindSchema>;

/**
 * settled: committed at the hub. refunded: cancelled afterwards (2208/2305/2103).
 * reversed: undone by 2601 (never charged). pendingReversal: outcome unknown, a 2601 is waiting
 * in the pending-reversal table for the offline queue. unknown: not yet resolved (recovery runs).
 */
export const SettlementStateSchema = z.enum(['settled', 'refunded', 'reversed', 'pendingReversal', 'unknown']);
export type SettlementState = z.infer<typeof SettlementStateSchema>;

export const RefundInfoSchema = z.object({
  setlId: z.string(),
  msgid: z.string(),
  at: z.string(),
  operator: z.string(),
  reason: z.string(),
  figures: FiguresSchema,
});

/** One settlement record (history row and detail). No plain ID number: masked only. */
export const SettlementRecordSchema = z.object({
  id: z.number().int(),
  kind: SettlementKindSchema,
  state: SettlementStateSchema,
  /** 结算ID; '' while unknown or reversed before the hub named it. */
  setlId: z.string(),
  /** The msgid of the settling call (2207/2304/2102). */
  msgid: z.string(),
  mdtrtId: z.string(),
  psnNo: z.string(),
  medType: z.string(),
  insutype: z.string(),
  /** 参保地 (insuplc_admdvs) */
  insuredArea: z.string(),
  crossProvince: z.boolean(),
  /** Full name: the cashier reads it back to the patient. */
  patientName: z.string(),
  idMasked: z.string(),
  /** 2304 with mid_setl_flag=1 (中途结算). */
  midStay: z.boolean(),
  figures: FiguresSchema.nullable(),
  funds: z.array(FundLineSchema),
  /** Operator username who settled. */
  operator: z.string(),
  operatorName: z.string(),
  settledAt: z.string(),
  refund: RefundInfoSchema.nullable(),
  /** Plain words for the state (e.g. why it was reversed). */
  note: z.string(),
});
export type SettlementRecord = z.infer<typeof SettlementRecordSchema>;

/**
 * What a settle call ended with. The hub refusing is not an outcome here: that call throws
 * (HUB_BUSINESS with the hub's err_msg). `message`/`hint` are the words for the cashier.
 */
export const SettleOutcomeSchema = z.enum([
  /** Settled (directly, or learnt through resend/5203). `settlement` holds the receipt figures. */
  'settled',
  /** The outcome was unknown and the terminal reversed it (2601): nothing charged, settle again. */
  'reversed',
  /** The hub confirmed it never applied the call: nothing charged, settle again. */
  'notApplied',
  /** Unknown and the 2601 could not be delivered: queued; do not charge, do not settle again now. */
  'pendingReversal',
]);
export type SettleOutcome = z.infer<typeof SettleOutcomeSchema>;

export const SettleResultSchema = z.object({
  outcome: SettleOutcomeSchema,
  settlement: SettlementRecordSchema,
  message: z.string(),
  hint: z.string().optional(),
  /** The steps the resolution took, in order (Chinese), when it was needed. */
  resolution: z.array(z.string()),
  remainingMs: z.number().int(),
});
export type SettleResult = z.infer<typeof SettleResultSchema>;

export const PaperSchema = z.enum(['58mm', '80mm', 'A5']);
export type Paper = z.infer<typeof PaperSchema>;
