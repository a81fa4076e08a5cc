// 延时结算 when the hub is back: 1101 (who, which insured area) → 2201 register → 2203 visit info
// → 2204 fee lines → 2206 pre-settlement → 2207 settlement, each call with side effects under the
// msgid reserved when the visit was queued. Nothing is kept between steps but the hub journal:
// after a crash, a step the hub already answered is read back from the journal by its msgid, and a
// step that may have been sent is resent with that msgid, so the visit is registered and settled once.
import { AppError } from '@src/common/errors';
import type { TxOutput } from '@src/hub/protocol';
import type { OutpatientSettlementPayload, OutpatientSettlementResult } from '../queue-payloads';
import type { ExecContext, Executor } from './executor';

export const sendOutpatientSettlement: Executor = async (ctx: ExecContext): Promise<OutpatientSettlementResult> => {
  const p = ctx.payload as OutpatientSettlementPayload;
  const operator = p.operator;
  const cert = { mdtrt_cert_type: p.cert.type, mdtrt_cert_no: p.cert.no };

  let psnNo = p.psnNo;
  let insuplcAdmdvs = p.insuplcAdmdvs;
  if (!psnNo || !insuplcAdmdvs) {
    const person = await ctx.query('1101', { data: { ...cert, card_sn: p.cert.cardSn, begntime: p.begntime } }, { operator });
    const insu = person.insuinfo.find((i) => i.insutype === p.insutype);
    if (!insu) {
      throw new AppError({
        code: 'QUEUE_NO_INSURANCE',
        message: `参保人没有险种 ${p.insutype} 的参保信息，无法补办结算`,
        hint: '请联系患者确认参保情况；该笔已按预收金额收取，可在队列中标记为人工处理。',
      });
    }
    psnNo = person.baseinfo.psn_no;
    insuplcAdmdvs = insu.insuplc_admdvs;
  }
  const area = { operator, insuplcAdmdvs };

  const reg = await ctx.effect(
    '2201',
    () => ({ data: { psn_no: psnNo, insutype: p.insutype, begntime: p.begntime, ...cert, ipt_otp_no: p.iptOtpNo, dept_code: p.deptCode, dept_name: p.deptName, caty: p.caty } }),
    area,
  );
  const mdtrtId = reg.data.mdtrt_id;

  await ctx.effect(
    '2203',
    () => ({
      mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: psnNo, med_type: p.medType, begntime: p.begntime, dise_codg: p.diagCode, dise_name: p.diagName },
      diseinfo: [{ diag_type: '1', diag_srt_no: 1, diag_code: p.diagCode, diag_name: p.diagName }],
    }),
    area,
  );

  await ctx.effect(
    '2204',
    () => ({
      feedetail: p.lines.map((l, i) => ({
        feedetl_sn: `${p.chrgBchno}-${i + 1}`,
        mdtrt_id: mdtrtId,
        psn_no: psnNo,
        chrg_bchno: p.chrgBchno,
        fee_ocur_time: p.begntime,
        med_list_codg: l.code,
        medins_list_codg: l.localCode ?? l.code,
        det_item_fee_sumamt: l.amountFen,
        cnt: l.quantity,
        pric: l.price,
        hosp_appr_flag: l.hospApprFlag,
      })),
    }),
    area,
  );

  const medfee = p.lines.reduce((s, l) => s + l.amountFen, 0);
  const base = { psn_no: psnNo, ...cert, med_type: p.medType, medfee_sumamt: medfee, psn_setlway: '01', mdtrt_id: mdtrtId, chrg_bchno: p.chrgBchno, acct_used_flag: p.acctUsedFlag, insutype: p.insutype };
  // The pre-settlement is needed only for the first send of 2207 (its split goes into the input).
  let pre: TxOutput<'2206'> | undefined;
  const settled = await ctx.effect(
    '2207',
    () => {
      if (!pre) throw new Error('pre-settlement missing');
      const s = pre.setlinfo;
      return { data: { ...base, fulamt_ownpay_amt: s.fulamt_ownpay_amt, overlmt_selfpay: s.overlmt_selfpay, preselfpay_amt: s.preselfpay_amt, inscp_scp_amt: s.inscp_scp_amt } };
    },
    { ...area, beforeFirstSend: async () => void (pre = await ctx.query('2206', { data: { ...base } }, area)) },
  );
  const s = settled.setlinfo;
  return { mdtrtId, setlId: s.setl_id, psnNo: psnNo as string, medfeeSumamt: s.medfee_sumamt, fundPaySumamt: s.fund_pay_sumamt, acctPay: s.acct_pay, psnCashPay: s.psn_cash_pay, settleMsgid: ctx.item.msgids['2207'] as string };
};
