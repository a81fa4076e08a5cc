// setlinfo / setldetail and the fee-line split (interface.md §3), plus the settlement identities
// every settlement output must satisfy. Shared by the client, the training hub and tests.
import { z } from 'zod';
import type { Fen } from '@src/common/money';
import { anything, wire } from './codecs';

/** setlinfo fields common to pre-settlement (2206/2303/2101) and settlement (2207/2304/2102), cancellations included. */
const setlInfoShape = {
  /** 就诊ID */
  mdtrt_id: wire.text,
  /** 结算ID: absent in pre-settlement output. */
  setl_id: wire.textOpt,
  psn_no: wire.text,
  psn_name: wire.textOpt,
  psn_cert_type: wire.textOpt,
  certno: wire.textOpt,
  gend: wire.textOpt,
  naty: wire.textOpt,
  brdy: wire.textOpt,
  /** (4,1): tenths of a year. */
  age: wire.ageOpt,
  insutype: wire.textOpt,
  psn_type: wire.textOpt,
  cvlserv_flag: wire.textOpt,
  /** yyyy-MM-dd HH:mm:ss */
  setl_time: wire.textOpt,
  mdtrt_cert_type: wire.textOpt,
  med_type: wire.textOpt,
  /** 医疗费总额 */
  medfee_sumamt: wire.money,
  /** 全自费金额 */
  fulamt_ownpay_amt: wire.money,
  /** 超限价自费费用 */
  overlmt_selfpay: wire.money,
  /** 先行自付金额 */
  preselfpay_amt: wire.money,
  /** 符合政策范围金额 */
  inscp_scp_amt: wire.money,
  /** 实际支付起付线 */
  act_pay_dedc: wire.moneyOr0,
  /** 基本医疗保险统筹基金支出 */
  hifp_pay: wire.moneyOr0,
  /** 基本医疗保险统筹基金支付比例 (5,4) */
  pool_prop_selfpay: wire.ratioOpt,
  /** 公务员医疗补助资金支出 */
  cvlserv_pay: wire.moneyOr0,
  /** 企业补充医疗保险基金支出 */
  hifes_pay: wire.moneyOr0,
  /** 居民大病保险资金支出 */
  hifmi_pay: wire.moneyOr0,
  /** 职工大额医疗费用补助基金支出 */
  hifob_pay: wire.moneyOr0,
  /** 医疗救助基金支出 */
  maf_pay: wire.moneyOr0,
  /** 其他支出 */
  oth_pay: wire.moneyOr0,
  /** 伤残人员医疗保障基金支出 (2305 and later versions) */
  hifdm_pay: wire.moneyOr0,
  /** 基金支付总额 */
  fund_pay_sumamt: wire.money,
  /** 个人负担总金额 */
  psn_part_amt: wire.money,
  /** 个人账户支出 */
  acct_pay: wire.money,
  /** 个人现金支出 */
  psn_cash_pay: wire.money,
  /** 医院负担金额 */
  hosp_part_amt: wire.moneyOr0,
  /** 余额 (personal account balance after this settlement) */
  balc: wire.moneyOpt,
  /** 个人账户共济支付金额 */
  acct_mulaid_pay: wire.moneyOr0,
  /** 医药机构结算ID: holds the msgid of the request that settled. */
  medins_setl_id: wire.textOpt,
  /** 清算经办机构 */
  clr_optins: wire.textOpt,
  /** 清算方式 */
  clr_way: wire.textOpt,
  /** 清算类别: 11 门诊, 21 住院, 41 药店, 99 其他 */
  clr_type: wire.textOpt,
  exp_content: anything.optional(),
};

/** setlinfo of a pre-settlement: no setl_id. */
export const PreSetlInfoSchema = z.object(setlInfoShape);
/** setlinfo of a settlement or cancellation: setl_id required. */
export const SetlInfoSchema = z.object({ ...setlInfoShape, setl_id: wire.text });

/**
 * 2208's setlinfo: [OH] and another client spell 个人现金支出 `pdn_cash_pay` there (probably a typo
 * in the spec itself). Decoding accepts either spelling; encoding writes psn_cash_pay.
 */
export const CancelSetlInfoSchema = z.codec(z.looseObject({}), SetlInfoSchema, {
  decode: (raw) => {
    const o = raw as Record<string, unknown>;
    if ((o.psn_cash_pay === undefined || o.psn_cash_pay === null) && o.pdn_cash_pay !== undefined) {
      const { pdn_cash_pay, ...rest } = o;
      return { ...rest, psn_cash_pay: pdn_cash_pay } as z.input<typeof SetlInfoSchema>;
    }
    return o as z.input<typeof SetlInfoSchema>;
  },
  encode: (wireValue) => wireValue as Record<string, unknown>,
});

export type PreSetlInfo = z.output<typeof PreSetlInfoSchema>;
export type SetlInfo = z.output<typeof SetlInfoSchema>;

/** setldetail[]: one line per fund (and non-fund lines such as 999996 医院负担, 310201 account). */
export const SetlDetailSchema = z.object({
  /** 基金支付类型 */
  fund_pay_type: wire.text,
  inscp_scp_amt: wire.moneyOr0,
  /** 本次可支付限额金额 */
  crt_payb_lmt_amt: wire.moneyOpt,
  fund_payamt: wire.money,
  fund_pay_type_name: wire.textOpt,
  /** 结算过程信息 */
  setl_proc_info: wire.textOpt,
});
export type SetlDetail = z.output<typeof SetlDetailSchema>;

/** The split of one fee line (2204/2301 output `result`, 2101/2102 `detlcutinfo`). */
export const FeeResultSchema = z.object({
  feedetl_sn: wire.text,
  det_item_fee_sumamt: wire.money,
  cnt: wire.quantity,
  pric: wire.price,
  /** 定价上限金额 (a price) */
  pric_uplmt_amt: wire.priceOpt,
  /** 自付比例: 甲 0, 乙 e.g. 0.05 (500), 丙 1 (10000) */
  selfpay_prop: wire.ratioOpt,
  fulamt_ownpay_amt: wire.moneyOr0,
  /** 超限价金额 */
  overlmt_amt: wire.moneyOr0,
  preselfpay_amt: wire.moneyOr0,
  inscp_scp_amt: wire.moneyOr0,
  /** 收费项目等级: 01 甲类, 02 乙类, 03 丙类 */
  chrgitm_lv: wire.textOpt,
  /** 医疗收费项目类别 */
  med_chrgitm_type: wire.textOpt,
  bas_medn_flag: wire.textOpt,
  hi_nego_drug_flag: wire.textOpt,
  chld_medc_flag: wire.textOpt,
  list_sp_item_flag: wire.textOpt,
  lmt_used_flag: wire.textOpt,
  drt_reim_flag: wire.textOpt,
  /** 明细分割错误信息 */
  memo: wire.textOpt,
});
export type FeeResult = z.output<typeof FeeResultSchema>;

// ── Settlement identities ─────────────────────────────────────────────────────────────────────

/** The amounts the identities relate (all fen). Any decoded setlinfo satisfies this shape. */
export interface SettlementAmounts {
  medfee_sumamt: Fen;
  fulamt_ownpay_amt: Fen;
  overlmt_selfpay: Fen;
  preselfpay_amt: Fen;
  inscp_scp_amt: Fen;
  fund_pay_sumamt: Fen;
  psn_part_amt: Fen;
  hosp_part_amt: Fen;
  acct_pay: Fen;
  psn_cash_pay: Fen;
  hifp_pay: Fen;
  cvlserv_pay: Fen;
  hifes_pay: Fen;
  hifmi_pay: Fen;
  hifob_pay: Fen;
  maf_pay: Fen;
  oth_pay: Fen;
  hifdm_pay: Fen;
}

/** The fund-payment fields whose sum is fund_pay_sumamt. */
export const FUND_PAY_FIELDS = ['hifp_pay', 'cvlserv_pay', 'hifes_pay', 'hifmi_pay', 'hifob_pay', 'maf_pay', 'oth_pay', 'hifdm_pay'] as const;

export type SettlementIdentity =
  /** (1) medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt */
  | 'splitByPolicy'
  /** (2) medfee_sumamt = fund_pay_sumamt + psn_part_amt + hosp_part_amt */
  | 'splitByPayer'
  /** (3) psn_part_amt = acct_pay + psn_cash_pay */
  | 'personalPart'
  /** (4) fund_pay_sumamt = Σ fund-payment fields */
  | 'fundSum';

export interface BrokenIdentity {
  identity: SettlementIdentity;
  /** The identity as text, for logs and test output. */
  formula: string;
  /** Left side (fen). */
  expected: Fen;
  /** Right side (fen). */
  actual: Fen;
}

export interface IdentityOptions {
  /**
   * Some provinces count the personal-account payment inside fund_pay_sumamt ([HSA] "GD 基金支付
   * 总额包括个人账户"; uncertain). Then (4) adds acct_pay to the fund sum and (2) counts it once.
   */
  accountInFundSum?: boolean;
}

/**
 * Returns the identities (interface.md §3) that `s` breaks; an empty list means it is consistent.
 * Works for settlements, pre-settlements and cancellations (negative amounts) alike.
 */
export function checkSettlementIdentities(s: SettlementAmounts, options: IdentityOptions = {}): BrokenIdentity[] {
  const broken: BrokenIdentity[] = [];
  const check = (identity: SettlementIdentity, formula: string, expected: Fen, actual: Fen): void => {
    if (expected !== actual) broken.push({ identity, formula, expected, actual });
  };
  const account = options.accountInFundSum ? s.acct_pay : 0;
  check(
    'splitByPolicy',
    'medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt',
    s.medfee_sumamt,
    s.fulamt_ownpay_amt + s.overlmt_selfpay + s.preselfpay_amt + s.inscp_scp_amt,
  );
  check(
    'splitByPayer',
    options.accountInFundSum ? 'medfee_sumamt = fund_pay_sumamt + psn_part_amt + hosp_part_amt − acct_pay' : 'medfee_sumamt = fund_pay_sumamt + psn_part_amt + hosp_part_amt',
    s.medfee_sumamt,
    s.fund_pay_sumamt + s.psn_part_amt + s.hosp_part_amt - account,
  );
  check('personalPart', 'psn_part_amt = acct_pay + psn_cash_pay', s.psn_part_amt, s.acct_pay + s.psn_cash_pay);
  check(
    'fundSum',
    `fund_pay_sumamt = ${FUND_PAY_FIELDS.join(' + ')}${options.accountInFundSum ? ' + acct_pay' : ''}`,
    s.fund_pay_sumamt,
    FUND_PAY_FIELDS.reduce((sum, f) => sum + s[f], 0) + account,
  );
  return broken;
}
