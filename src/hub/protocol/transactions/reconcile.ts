// Reconciliation and clearing: 3201 对总账, 3202 对明细账 (detail file uploaded with 9101 first,
// result file fetched with 9102), 3203 清算申请, 3204 清算撤销 (interface.md §2).
import { z } from 'zod';
import { anything, wire } from '../codecs';

export const ReconcileTotalsInputSchema = z.object({
  data: z.object({
    insutype: wire.text,
    clr_type: wire.text,
    /** 结算经办机构 */
    setl_optins: wire.text,
    stmt_begndate: wire.text,
    stmt_enddate: wire.text,
    medfee_sumamt: wire.money,
    fund_pay_sumamt: wire.money,
    acct_pay: wire.money,
    fixmedins_setl_cnt: wire.int,
    /** 退费结算标志: 1/absent include refunds, 0 excludes them. */
    refd_setl_flag: wire.textOpt,
  }),
});
export const ReconcileTotalsOutputSchema = z.object({
  stmtinfo: z.object({
    setl_optins: wire.textOpt,
    /** 对账结果: 0 平, 1 不平 */
    stmt_rslt: wire.text,
    stmt_rslt_dscr: wire.textOpt,
  }),
});

export const ReconcileDetailsInputSchema = z.object({
  data: z.object({
    setl_optins: wire.text,
    /** from 9101 */
    file_qury_no: wire.text,
    stmt_begndate: wire.text,
    stmt_enddate: wire.text,
    medfee_sumamt: wire.money,
    fund_pay_sumamt: wire.money,
    cash_payamt: wire.money,
    fixmedins_setl_cnt: wire.int,
    clr_type: wire.textOpt,
    refd_setl_flag: wire.textOpt,
  }),
});
export const ReconcileDetailsOutputSchema = z.object({
  fileinfo: z.object({ file_qury_no: wire.text, filename: wire.text, dld_endtime: wire.textOpt }),
});

/** Columns of the 3202 detail file the terminal uploads (TAB-separated, no header). */
export const RECONCILE_UPLOAD_COLUMNS = ['setl_id', 'mdtrt_id', 'psn_no', 'medfee_sumamt', 'fund_pay_sumamt', 'acct_pay', 'refd_setl_flag'] as const;
/** Columns of the 3202 result file (msgid: "用于冲正时填写原发送方报文ID"). Amount columns after memo are uncertain. */
export const RECONCILE_RESULT_COLUMNS = ['psn_no', 'mdtrt_id', 'setl_id', 'msgid', 'stmt_rslt', 'refd_setl_flag', 'memo', 'medfee_sumamt', 'fund_pay_sumamt', 'acct_pay'] as const;

export const ClearingApplyInputSchema = z.object({
  data: z.object({
    clr_type: wire.text,
    clr_way: wire.text,
    /** 结算年月 yyyyMM */
    setlym: wire.text,
    /** 人次 */
    psntime: wire.int,
    medfee_sumamt: wire.money,
    med_sumfee: wire.money,
    fund_appy_sum: wire.money,
    cash_payamt: wire.money,
    acct_pay: wire.money,
    begndate: wire.text,
    enddate: wire.text,
  }),
});
export const ClearingApplyOutputSchema = z.object({ result: z.object({ clr_appy_evt_id: wire.text }) });

export const ClearingCancelInputSchema = z.object({ data: z.object({ clr_appy_evt_id: wire.text }) });
export const ClearingCancelOutputSchema = anything;
