// Outpatient: 2201/2202 挂号, 2203 就诊信息, 2204/2205 费用明细, 2206/2207/2208 结算 (interface.md §2).
import { z } from 'zod';
import { anything, list, wire } from '../codecs';
import { CancelSetlInfoSchema, FeeResultSchema, PreSetlInfoSchema, SetlDetailSchema, SetlInfoSchema } from '../settlement';
import { chargedItemFields, dosageFields, hospitalLineFlagFields, orderingFields } from './fee-line-fields';

export const RegisterInputSchema = z.object({
  data: z.object({
    psn_no: wire.text,
    insutype: wire.text,
    /** 开始时间 yyyy-MM-dd HH:mm:ss */
    begntime: wire.text,
    mdtrt_cert_type: wire.text,
    mdtrt_cert_no: wire.text,
    /** 住院/门诊号, unique inside the institution. */
    ipt_otp_no: wire.text,
    atddr_no: wire.textOpt,
    dr_name: wire.textOpt,
    dept_code: wire.text,
    dept_name: wire.text,
    /** 科别 */
    caty: wire.text,
    exp_content: anything.optional(),
  }),
});
export const RegisterOutputSchema = z.object({
  data: z.object({
    mdtrt_id: wire.text,
    psn_no: wire.text,
    ipt_otp_no: wire.textOpt,
    exp_content: anything.optional(),
  }),
});

export const CancelRegisterInputSchema = z.object({
  data: z.object({ psn_no: wire.text, mdtrt_id: wire.text, ipt_otp_no: wire.text, exp_content: anything.optional() }),
});

export const VisitInfoInputSchema = z.object({
  mdtrtinfo: z.object({
    mdtrt_id: wire.text,
    psn_no: wire.text,
    /** 医疗类别 (11 普通门诊, 14 门诊慢特病 …) */
    med_type: wire.text,
    begntime: wire.text,
    main_cond_dscr: wire.textOpt,
    dise_codg: wire.textOpt,
    dise_name: wire.textOpt,
    birctrl_type: wire.textOpt,
    birctrl_matn_date: wire.textOpt,
    matn_type: wire.textOpt,
    geso_val: wire.intOpt,
    exp_content: anything.optional(),
  }),
  diseinfo: list(
    z.object({
      diag_type: wire.text,
      diag_srt_no: wire.int,
      diag_code: wire.text,
      diag_name: wire.text,
      diag_dept: wire.textOpt,
      dise_dor_no: wire.textOpt,
      dise_dor_name: wire.textOpt,
      diag_time: wire.textOpt,
      vali_flag: wire.textOpt,
    }),
  ),
});

/** One outpatient fee line (2204 feedetail). */
export const OutpatientFeeLineSchema = z.object({
  /** 费用明细流水号, unique inside the visit. */
  feedetl_sn: wire.text,
  mdtrt_id: wire.text,
  psn_no: wire.text,
  /** 收费批次号 */
  chrg_bchno: wire.text,
  dise_codg: wire.textOpt,
  rxno: wire.textOpt,
  rx_circ_flag: wire.textOpt,
  ...chargedItemFields,
  ...dosageFields,
  ...orderingFields,
  ...hospitalLineFlagFields,
  exp_content: anything.optional(),
});
export const UploadOutpatientFeesInputSchema = z.object({ feedetail: z.array(OutpatientFeeLineSchema) });
export const FeeResultsOutputSchema = z.object({ result: list(FeeResultSchema) });

export const CancelOutpatientFeesInputSchema = z.object({
  data: z.object({
    mdtrt_id: wire.text,
    /** "0000" cancels every unsettled line. */
    chrg_bchno: wire.text,
    psn_no: wire.text,
    exp_content: anything.optional(),
  }),
});

const preSettleOutpatientData = {
  psn_no: wire.text,
  mdtrt_cert_type: wire.text,
  mdtrt_cert_no: wire.text,
  med_type: wire.text,
  medfee_sumamt: wire.money,
  /** 01 按项目结算, 02 按定额结算 */
  psn_setlway: wire.text,
  mdtrt_id: wire.text,
  chrg_bchno: wire.text,
  /** 个人账户使用标志 0/1 */
  acct_used_flag: wire.text,
  insutype: wire.text,
  exp_content: anything.optional(),
};
export const PreSettleOutpatientInputSchema = z.object({ data: z.object(preSettleOutpatientData) });
export const SettleOutpatientInputSchema = z.object({
  data: z.object({
    ...preSettleOutpatientData,
    /** 发票号 */
    invono: wire.textOpt,
    fulamt_ownpay_amt: wire.money,
    overlmt_selfpay: wire.money,
    preselfpay_amt: wire.money,
    inscp_scp_amt: wire.money,
  }),
});

export const PreSettlementOutputSchema = z.object({ setlinfo: PreSetlInfoSchema, setldetail: list(SetlDetailSchema) });
export const SettlementOutputSchema = z.object({ setlinfo: SetlInfoSchema, setldetail: list(SetlDetailSchema) });
/** Cancellations (2208/2305/2103): the reversal's setlinfo with negative amounts. */
export const CancelSettlementOutputSchema = z.object({ setlinfo: CancelSetlInfoSchema, setldetail: list(SetlDetailSchema) });

export const CancelOutpatientSettlementInputSchema = z.object({
  data: z.object({ setl_id: wire.text, mdtrt_id: wire.text, psn_no: wire.text, exp_content: anything.optional() }),
});
