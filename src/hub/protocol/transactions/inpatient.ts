// Inpatient: 2401 入院, 2402 出院, 2404/2405 撤销, 2301/2302 费用明细, 2303/2304/2305 结算 (interface.md §2).
import { z } from 'zod';
import { anything, list, wire } from '../codecs';
import { FeeResultSchema } from '../settlement';
import { chargedItemFields, hospitalLineFlagFields, orderingFields } from './fee-line-fields';

const InpatientDiagnosisSchema = z.object({
  psn_no: wire.textOpt,
  /** 诊断类别 */
  diag_type: wire.text,
  /** 主诊断标志 0/1 */
  maindiag_flag: wire.text,
  diag_srt_no: wire.int,
  diag_code: wire.text,
  diag_name: wire.text,
  adm_cond: wire.textOpt,
  diag_dept: wire.textOpt,
  dise_dor_no: wire.textOpt,
  dise_dor_name: wire.textOpt,
  diag_time: wire.textOpt,
});

/**
 * 病种、手术与生育 fields: 2401 records what is known at admission and 2402 the final values, so
 * both carry the same group (in the same place of their field order).
 */
const caseFields = {
  dise_codg: wire.textOpt,
  dise_name: wire.textOpt,
  oprn_oprt_code: wire.textOpt,
  oprn_oprt_name: wire.textOpt,
  fpsc_no: wire.textOpt,
  matn_type: wire.textOpt,
  birctrl_type: wire.textOpt,
};

export const AdmitInputSchema = z.object({
  mdtrtinfo: z.object({
    psn_no: wire.text,
    insutype: wire.text,
    coner_name: wire.textOpt,
    tel: wire.textOpt,
    begntime: wire.text,
    mdtrt_cert_type: wire.text,
    mdtrt_cert_no: wire.text,
    /** 21 普通住院 … */
    med_type: wire.text,
    ipt_no: wire.text,
    medrcdno: wire.textOpt,
    atddr_no: wire.textOpt,
    chfpdr_name: wire.textOpt,
    adm_diag_dscr: wire.textOpt,
    adm_dept_codg: wire.text,
    adm_dept_name: wire.text,
    adm_bed: wire.textOpt,
    dscg_maindiag_code: wire.textOpt,
    dscg_maindiag_name: wire.textOpt,
    main_cond_dscr: wire.textOpt,
    ...caseFields,
    latechb_flag: wire.textOpt,
    geso_val: wire.intOpt,
    fetts: wire.intOpt,
    fetus_cnt: wire.intOpt,
    pret_flag: wire.textOpt,
    birctrl_matn_date: wire.textOpt,
    dise_type_code: wire.textOpt,
    exp_content: anything.optional(),
  }),
  diseinfo: list(InpatientDiagnosisSchema),
});
export const AdmitOutputSchema = z.object({ result: z.object({ mdtrt_id: wire.text, exp_content: anything.optional() }) });

export const DischargeInputSchema = z.object({
  dscginfo: z.object({
    mdtrt_id: wire.text,
    psn_no: wire.text,
    insutype: wire.text,
    /** 出院时间 yyyy-MM-dd HH:mm:ss */
    endtime: wire.text,
    ...caseFields,
    wk_days: wire.intOpt,
    birctrl_matn_date: wire.textOpt,
    /** 转诊标志 */
    cop_flag: wire.textOpt,
    dscg_dept_codg: wire.textOpt,
    dscg_dept_name: wire.textOpt,
    dscg_bed: wire.textOpt,
    /** 离院方式 */
    dscg_way: wire.textOpt,
    die_date: wire.textOpt,
    exp_content: anything.optional(),
  }),
  diseinfo: list(InpatientDiagnosisSchema),
});

/** 2404 入院撤销 and 2405 出院撤销. */
export const CancelAdmissionInputSchema = z.object({
  data: z.object({ mdtrt_id: wire.text, psn_no: wire.text, exp_content: anything.optional() }),
});

export const InpatientFeeLineSchema = z.object({
  feedetl_sn: wire.text,
  /** 原费用流水号 (refund lines) */
  init_feedetl_sn: wire.textOpt,
  mdtrt_id: wire.text,
  drord_no: wire.textOpt,
  psn_no: wire.text,
  med_type: wire.text,
  ...chargedItemFields,
  ...orderingFields,
  ...hospitalLineFlagFields,
  memo: wire.textOpt,
  exp_content: anything.optional(),
});
export const UploadInpatientFeesInputSchema = z.object({ feedetail: z.array(InpatientFeeLineSchema) });
export const InpatientFeeResultsOutputSchema = z.object({ result: list(FeeResultSchema) });

export const CancelInpatientFeesInputSchema = z.object({
  data: z.array(
    z.object({
      /** "0000" cancels every unsettled line. */
      feedetl_sn: wire.text,
      mdtrt_id: wire.text,
      psn_no: wire.text,
      exp_content: anything.optional(),
    }),
  ),
});

const inpatientPreSettleData = {
  psn_no: wire.text,
  mdtrt_cert_type: wire.text,
  mdtrt_cert_no: wire.text,
  medfee_sumamt: wire.money,
  psn_setlway: wire.text,
  mdtrt_id: wire.text,
  insutype: wire.text,
  acct_used_flag: wire.text,
  invono: wire.textOpt,
  /** 中途结算标志 0/1 */
  mid_setl_flag: wire.text,
  fulamt_ownpay_amt: wire.moneyOpt,
  overlmt_selfpay: wire.moneyOpt,
  preselfpay_amt: wire.moneyOpt,
  inscp_scp_amt: wire.moneyOpt,
  exp_content: anything.optional(),
};
/** 2303 预结算 and 2304 结算 take the same fields. */
export const InpatientSettleInputSchema = z.object({ data: z.object(inpatientPreSettleData) });

export const CancelInpatientSettlementInputSchema = z.object({
  data: z.object({ mdtrt_id: wire.text, setl_id: wire.text, psn_no: wire.text, exp_content: anything.optional() }),
});
