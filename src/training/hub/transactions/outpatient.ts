// Outpatient: 2201/2202 挂号, 2203 就诊信息, 2204/2205 费用明细, 2206/2207/2208 结算.
import { formatInfTime } from '@src/hub/protocol/time';
import { checkEligibility, checkInsutype } from '../core/eligibility';
import { feeResultOf, splitIncoming, storeLines, unsettledLines } from '../core/fee-lines';
import type { HubContext } from '../core/hub-context';
import { cancelVisit } from '../core/visit-lifecycle';
import { refuse } from '../core/hub-refusal';
import { newMdtrtId } from '../core/ids';
import { checkCertificate, requirePerson } from '../core/persons';
import { cancelSettlement, checkAmountsMatch, computeSettlement, preSettlementOutput, recordSettlement, requireVisit } from '../core/settlement-service';
import { checkMedType } from '../core/visit-rules';
import { dateOf, type HandlerMap } from './handler';

function checkOpenIptOtpNo(ctx: HubContext, no: string, what: string): void {
  if (no.trim() === '') refuse(`${what}不能为空`);
  const dup = ctx.db.prepare("SELECT mdtrt_id FROM visits WHERE fixmedins_code = ? AND ipt_otp_no = ? AND state <> 'cancelled'").get(ctx.institution.code, no) as { mdtrt_id: string } | undefined;
  if (dup) refuse(`${what}${no}已有就诊记录（就诊ID${dup.mdtrt_id}），不能重复办理`);
}

function settleArgs(ctx: HubContext, d: { psn_no: string; mdtrt_id: string; mdtrt_cert_type: string; mdtrt_cert_no: string; med_type: string; insutype: string; chrg_bchno: string; acct_used_flag: string }) {
  const visit = requireVisit(ctx, d.mdtrt_id, d.psn_no, 'outpatient');
  const person = requirePerson(ctx.db, d.psn_no);
  checkInsutype(person, d.insutype);
  checkCertificate(ctx.db, person, { type: d.mdtrt_cert_type, no: d.mdtrt_cert_no }, ctx.clock.nowMs(), false);
  if (d.med_type !== visit.med_type) refuse(`医疗类别${d.med_type}与就诊信息上传的医疗类别${visit.med_type}不符`);
  const lines = unsettledLines(ctx.db, visit.mdtrt_id, d.chrg_bchno);
  if (lines.length === 0) refuse('该就诊没有未结算的费用明细，请先上传费用明细【2204】');
  return computeSettlement(ctx, {
    person,
    kind: 'outpatient',
    medType: visit.med_type,
    mdtrtId: visit.mdtrt_id,
    visitDate: visit.begntime.slice(0, 10),
    diseaseCode: visit.dise_codg ?? undefined,
    splits: lines.map((l) => l.split),
    useAccount: d.acct_used_flag === '1',
  });
}

export const outpatientHandlers: HandlerMap = {
  '2201': (ctx, input) => {
    const d = input.data;
    const person = requirePerson(ctx.db, d.psn_no);
    checkInsutype(person, d.insutype);
    checkCertificate(ctx.db, person, { type: d.mdtrt_cert_type, no: d.mdtrt_cert_no }, ctx.clock.nowMs(), true);
    const visitDate = dateOf(d.begntime, '开始时间begntime', refuse);
    checkEligibility(ctx.db, person, ctx.institution, { visitDate, medType: '11' });
    checkOpenIptOtpNo(ctx, d.ipt_otp_no, '门诊号');
    const mdtrtId = newMdtrtId(ctx.db, ctx.institution.admdvs, ctx.now);
    ctx.db.prepare(`INSERT INTO visits (mdtrt_id, psn_no, fixmedins_code, kind, insutype, med_type, begntime, ipt_otp_no, state, msgid, created_at)
      VALUES (?, ?, ?, 'outpatient', ?, '11', ?, ?, 'open', ?, ?)`).run(mdtrtId, person.psn_no, ctx.institution.code, d.insutype, d.begntime, d.ipt_otp_no, ctx.header.msgid, formatInfTime(ctx.now));
    ctx.recordEffect({ type: 'register', mdtrtId });
    return { data: { mdtrt_id: mdtrtId, psn_no: person.psn_no, ipt_otp_no: d.ipt_otp_no } };
  },

  '2202': (ctx, input) => {
    const d = input.data;
    const visit = requireVisit(ctx, d.mdtrt_id, d.psn_no, 'outpatient');
    if (visit.ipt_otp_no !== d.ipt_otp_no) refuse(`门诊号${d.ipt_otp_no}与就诊ID${d.mdtrt_id}不符`);
    cancelVisit(ctx, visit);
    return null;
  },

  '2203': (ctx, input) => {
    const m = input.mdtrtinfo;
    const visit = requireVisit(ctx, m.mdtrt_id, m.psn_no, 'outpatient');
    checkMedType('outpatient', m.med_type);
    const diseaseCode = m.dise_codg?.trim() || input.diseinfo[0]?.diag_code;
    const person = requirePerson(ctx.db, m.psn_no);
    const elig = checkEligibility(ctx.db, person, ctx.institution, { visitDate: visit.begntime.slice(0, 10), medType: m.med_type, diseaseCode });
    ctx.db.prepare('UPDATE visits SET med_type = ?, dise_codg = ?, chronic_disease = ? WHERE mdtrt_id = ?').run(
      m.med_type, diseaseCode ?? null, elig.chronicDisease?.key ?? null, visit.mdtrt_id,
    );
    return null;
  },

  '2204': (ctx, input) => {
    const first = input.feedetail[0];
    if (!first) refuse('费用明细不能为空');
    if (input.feedetail.some((l) => l.mdtrt_id !== first.mdtrt_id || l.psn_no !== first.psn_no)) refuse('一次上传的费用明细须属于同一就诊ID和人员编号');
    const visit = requireVisit(ctx, first.mdtrt_id, first.psn_no, 'outpatient');
    const splits = splitIncoming(ctx.catalog, input.feedetail);
    const byId = new Map(input.feedetail.map((l) => [l.feedetl_sn, l]));
    storeLines(
      ctx.db,
      visit.mdtrt_id,
      splits.map((s) => ({ split: s, code: byId.get(s.feedetlSn)!.med_list_codg, chrgBchno: byId.get(s.feedetlSn)!.chrg_bchno, hospApprFlag: byId.get(s.feedetlSn)!.hosp_appr_flag })),
      ctx.header.msgid,
    );
    ctx.recordEffect({ type: 'upload', mdtrtId: visit.mdtrt_id, feedetlSns: splits.map((s) => s.feedetlSn) });
    return { result: splits.map(feeResultOf) };
  },

  '2205': (ctx, input) => {
    const d = input.data;
    const visit = requireVisit(ctx, d.mdtrt_id, d.psn_no, 'outpatient');
    const all = d.chrg_bchno === '0000';
    const r = all
      ? ctx.db.prepare('DELETE FROM fee_lines WHERE mdtrt_id = ? AND setl_id IS NULL').run(visit.mdtrt_id)
      : ctx.db.prepare('DELETE FROM fee_lines WHERE mdtrt_id = ? AND chrg_bchno = ? AND setl_id IS NULL').run(visit.mdtrt_id, d.chrg_bchno);
    if (r.changes === 0) ctx.warn('没有可撤销的未结算费用明细');
    return null;
  },

  '2206': (ctx, input) => {
    const comp = settleArgs(ctx, input.data);
    checkAmountsMatch(comp.benefit, { medfee_sumamt: input.data.medfee_sumamt });
    return preSettlementOutput(ctx, comp, input.data.mdtrt_cert_type);
  },

  '2207': (ctx, input) => {
    const d = input.data;
    const comp = settleArgs(ctx, d);
    checkAmountsMatch(comp.benefit, d);
    return recordSettlement(ctx, comp, { infno: '2207', certType: d.mdtrt_cert_type });
  },

  '2208': (ctx, input) => cancelSettlement(ctx, { infno: '2208', setlId: input.data.setl_id, mdtrtId: input.data.mdtrt_id, psnNo: input.data.psn_no, kind: 'outpatient' }),
};
