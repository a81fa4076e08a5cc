// Pharmacy: 2101 预结算, 2102 结算, 2103 撤销. The drug lines travel with the settlement call;
// 2102 creates the purchase's visit, stores its lines and settles them in one transaction.
import { formatInfTime } from '@src/hub/protocol/time';
import type { TxInput } from '@src/hub/protocol/transactions';
import { checkInsutype } from '../core/eligibility';
import { feeResultOf, splitIncoming, storeLines } from '../core/fee-lines';
import type { HubContext } from '../core/hub-context';
import { refuse } from '../core/hub-refusal';
import { newMdtrtId } from '../core/ids';
import { checkCertificate, requirePerson } from '../core/persons';
import { cancelSettlement, checkAmountsMatch, computeSettlement, preSettlementOutput, recordSettlement } from '../core/settlement-service';
import { checkMedType } from '../core/visit-rules';
import { dateOf, type HandlerMap } from './handler';

function compute(ctx: HubContext, input: TxInput<'2101'>, mdtrtId: string) {
  if (ctx.institution.kind !== 'pharmacy') refuse('药店购药结算【2101/2102】仅限定点零售药店使用');
  const d = input.druginfo;
  const person = requirePerson(ctx.db, d.psn_no);
  checkInsutype(person, d.insutype);
  checkCertificate(ctx.db, person, { type: d.mdtrt_cert_type, no: d.mdtrt_cert_no }, ctx.clock.nowMs(), true);
  checkMedType('pharmacy', d.med_type);
  const splits = splitIncoming(ctx.catalog, input.drugdetail);
  const comp = computeSettlement(ctx, {
    person,
    kind: 'pharmacy',
    medType: d.med_type,
    mdtrtId,
    visitDate: dateOf(d.begntime, '开始时间begntime', refuse),
    diseaseCode: d.dise_codg,
    splits,
    useAccount: d.acct_used_flag === '1',
  });
  checkAmountsMatch(comp.benefit, { medfee_sumamt: d.medfee_sumamt });
  return comp;
}

export const pharmacyHandlers: HandlerMap = {
  '2101': (ctx, input) => {
    const comp = compute(ctx, input, '');
    return { ...preSettlementOutput(ctx, comp, input.druginfo.mdtrt_cert_type), detlcutinfo: comp.splits.map(feeResultOf) };
  },

  '2102': (ctx, input) => {
    const d = input.druginfo;
    const mdtrtId = newMdtrtId(ctx.db, ctx.institution.admdvs, ctx.now);
    const comp = compute(ctx, input, mdtrtId);
    ctx.db.prepare(`INSERT INTO visits (mdtrt_id, psn_no, fixmedins_code, kind, insutype, med_type, begntime, ipt_otp_no, dise_codg, state, msgid, created_at)
      VALUES (?, ?, ?, 'pharmacy', ?, ?, ?, ?, ?, 'open', ?, ?)`).run(
      mdtrtId, d.psn_no, ctx.institution.code, d.insutype, d.med_type, d.begntime, d.invono ?? '', d.dise_codg ?? null, ctx.header.msgid, formatInfTime(ctx.now),
    );
    const byId = new Map(input.drugdetail.map((l) => [l.feedetl_sn, l]));
    storeLines(ctx.db, mdtrtId, comp.splits.map((s) => ({ split: s, code: byId.get(s.feedetlSn)!.med_list_codg, chrgBchno: '' })), ctx.header.msgid);
    const settled = recordSettlement(ctx, comp, { infno: '2102', certType: d.mdtrt_cert_type });
    return { ...settled, detlcutinfo: comp.splits.map(feeResultOf) };
  },

  '2103': (ctx, input) => cancelSettlement(ctx, { infno: '2103', setlId: input.data.setl_id, mdtrtId: input.data.mdtrt_id, psnNo: input.data.psn_no, kind: 'pharmacy' }),
};
