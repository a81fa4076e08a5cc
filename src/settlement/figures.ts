// The hub's setlinfo/setldetail/line splits → the contract's Figures, FundLine and LineSplit, and
// the identity check every pre-settlement, settlement and refund passes before it is shown or
// stored (interface.md §3; rule 1).
import { AppError } from '@src/common/errors';
import type { Figures, LineSplit } from '@src/contract/methods/settlement-schemas';
import { checkSettlementIdentities, type FeeResult, type PreSetlInfo, type SetlDetail } from '@src/hub/protocol';

export interface FundLine {
  fundPayType: string;
  name: string;
  amountFen: number;
}

/** Labels for setldetail fund types the hub may leave unnamed. */
const FUND_LABELS: Record<string, string> = {
  '310100': '职工基本医疗保险统筹基金',
  '310200': '职工个人账户',
  '310300': '公务员医疗补助',
  '320100': '公务员医疗补助',
  '330100': '职工大额医疗费用补助',
  '330101': '职工大额医疗费用补助',
  '390100': '城乡居民基本医疗保险基金',
  '390200': '城乡居民大病保险',
  '610100': '医疗救助基金',
  '999996': '医院负担',
};

export function figuresOf(s: PreSetlInfo): Figures {
  return {
    medfee_sumamt: s.medfee_sumamt,
    fulamt_ownpay_amt: s.fulamt_ownpay_amt,
    overlmt_selfpay: s.overlmt_selfpay,
    preselfpay_amt: s.preselfpay_amt,
    inscp_scp_amt: s.inscp_scp_amt,
    act_pay_dedc: s.act_pay_dedc,
    hifp_pay: s.hifp_pay,
    pool_prop_selfpay: s.pool_prop_selfpay ?? null,
    cvlserv_pay: s.cvlserv_pay,
    hifes_pay: s.hifes_pay,
    hifmi_pay: s.hifmi_pay,
    hifob_pay: s.hifob_pay,
    maf_pay: s.maf_pay,
    oth_pay: s.oth_pay,
    hifdm_pay: s.hifdm_pay,
    fund_pay_sumamt: s.fund_pay_sumamt,
    psn_part_amt: s.psn_part_amt,
    acct_pay: s.acct_pay,
    psn_cash_pay: s.psn_cash_pay,
    hosp_part_amt: s.hosp_part_amt,
    acct_mulaid_pay: s.acct_mulaid_pay,
    balc: s.balc ?? null,
  };
}

export function fundLinesOf(detail: readonly SetlDetail[]): FundLine[] {
  return detail.map((d) => ({ fundPayType: d.fund_pay_type, name: d.fund_pay_type_name ?? FUND_LABELS[d.fund_pay_type] ?? d.fund_pay_type, amountFen: d.fund_payamt }));
}

/** A line as sent (code, name, quantity, price) joined with the hub's split of it. */
export interface SentLine {
  feedetlSn: string;
  code: string;
  name: string;
  quantity: number;
  unitPrice: number;
  amountFen: number;
}

export function lineSplitsOf(sent: readonly SentLine[], results: readonly FeeResult[]): LineSplit[] {
  const bySn = new Map(results.map((r) => [r.feedetl_sn, r]));
  return sent.map((l) => {
    const r = bySn.get(l.feedetlSn);
    return {
      feedetlSn: l.feedetlSn,
      code: l.code,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amountFen: l.amountFen,
      chargeClass: r?.chrgitm_lv ?? '',
      selfpayProp: r?.selfpay_prop ?? null,
      fulamtOwnpayFen: r?.fulamt_ownpay_amt ?? 0,
      overlmtFen: r?.overlmt_amt ?? 0,
      preselfpayFen: r?.preselfpay_amt ?? 0,
      inscpScpFen: r?.inscp_scp_amt ?? 0,
      ...(r?.memo ? { memo: r.memo } : {}),
    };
  });
}

/** Throws SETTLEMENT_IDENTITY when the figures do not add up (never shown or stored then). */
export function assertIdentities(s: PreSetlInfo, what: string): void {
  const broken = checkSettlementIdentities(s);
  if (broken.length === 0) return;
  throw identityError(what, broken.map((b) => `${b.formula}: ${b.expected} ≠ ${b.actual}`).join('; '));
}

export function identityViolations(s: PreSetlInfo): string[] {
  return checkSettlementIdentities(s).map((b) => `${b.formula}: ${b.expected} ≠ ${b.actual}`);
}

export function identityError(what: string, detail: string): AppError {
  return new AppError({
    code: 'SETTLEMENT_IDENTITY',
    message: `医保中心返回的${what}金额不一致（各项之和与总额不符）`,
    hint: '未按此结果收费。请重试；如仍出现，请联系信息科核对医保中心接口。',
    detail: `${what}: settlement identities broken: ${detail}`,
  });
}
