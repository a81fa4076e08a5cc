// Inpatient: 2401 入院, 2402 出院, 2404/2405 撤销, 2301/2302 费用明细, 2303/2304/2305 结算
// (2304 with mid_setl_flag = 1 is 中途结算: settles what was uploaded so far; the stay goes on).
// Filings are checked on the admission date: a patient admitted while the filing was valid
// settles at discharge even if the filing ended in between.
import { formatInfTime } from '@src/hub/protocol/time';
import type { TxInput } from '@src/hub/protocol/transactions';
import { checkEligibility, checkInsutype } from '../core/eligibility';
import { feeResultOf, splitIncoming, storeLines, unsettledLines } from '../core/fee-lines';
import type { HubContext } from '../core/hub-context';
import { refuse } from '../core/hub-refusal';
import { newMdtrtId } from '../core/ids';
import { checkCertificate, requirePerson } from '../core/persons';
import { cancelSettlement, checkAmountsMatch, computeSettlement, preSettlementOutput, recordSettlement, requireVisit } from '../core/settlement-service';
import { checkMedType } from '../core/visit-rules';
import { dateOf, type HandlerMap } from './handler';
import { cancelVisit } from '../core/visit-lifecycle';

function finalSettlementInForce(ctx: HubContext, mdtrtId: string): boolean {
  return ctx.db.prepare(`SELECT 1 FROM settlements WHERE mdtrt_id = ? AND kind = 'settle' AND state = 'settled' AND mid_setl_flag = '0'`).get(mdtrtId) !== undefined;
}

function compute(ctx: HubContext, input: TxInput<'2303'>) {
  const d = input.data;
  const visit = requireVisit(ctx, d.mdtrt_id, d.psn_no, 'inpatient');
  const person = requirePerson(ctx.db, d.psn_no);
  checkInsutype(person, d.insutype);
  checkCertificate(ctx.db, person, { type: d.mdtrt_cert_type, no: d.mdtrt_cert_no }, ctx.clock.nowMs(), false);
  if (d.mid_setl_flag !== '0' && d.mid_setl_flag !== '1') refuse('中途结算标志mid_setl_flag应为0或1');
  if (finalSettlementInForce(ctx, visit.mdtrt_id)) refuse(`就诊ID${visit.mdtrt_id}已办理出院结算，不能重复结算`);
  if (d.mid_setl_flag === '0' && visit.state !== 'discharged') refuse('参保人尚未办理出院【2402】，不能进行出院结算；在院期间结算请传中途结算标志mid_setl_flag=1');
  const lines = unsettledLines(ctx.db, visit.mdtrt_id);
  if (lines.length === 0) refuse('该住院就诊没有未结算的费用明细，请先上传费用明细【2301】');
  const comp = computeSettlement(ctx, {
    person,
    kind: 'inpatient',
    medType: visit.med_type,
    mdtrtId: visit.mdtrt_id,
    visitDate: visit.begntime.slice(0, 10),
    splits: lines.map((l) => l.split),
    useAccount: d.acct_used_flag === '1',
  });
  checkAmountsMatch(comp.benefit, d);
  return comp;
}

export const inpatientHandlers: HandlerMap = {
  '2401': (ctx, input) => {
    const m = input.mdtrtinfo;
    const person = requirePerson(ctx.db, m.psn_no);
    checkInsutype(person, m.insutype);
    checkCertificate(ctx.db, person, { type: m.mdtrt_cert_type, no: m.mdtrt_cert_no }, ctx.clock.nowMs(), true);
    checkMedType('inpatient', m.med_type);
    if (ctx.institution.kind !== 'hospital') refuse('入院办理仅限定点医疗机构');
    const visitDate = dateOf(m.begntime, '入院时间begntime', refuse);
    checkEligibility(ctx.db, person, ctx.institution, { visitDate, medType: m.med_type });
    const dup = ctx.db.prepare("SELECT mdtrt_id FROM visits WHERE fixmedins_code = ? AND ipt_otp_no = ? AND state <> 'cancelled'").get(ctx.institution.code, m.ipt_no) as { mdtrt_id: string } | undefined;
    if (dup) refuse(`住院号${m.ipt_no}已办理入院（就诊ID${dup.mdtrt_id}），不能重复办理`);
    const open = ctx.db.prepare("SELECT mdtrt_id FROM visits WHERE psn_no = ? AND kind = 'inpatient' AND state = 'open'").get(person.psn_no) as { mdtrt_id: string } | undefined;
    if (open) refuse(`参保人有未出院的住院记录（就诊ID${open.mdtrt_id}），不能重复入院`);
    const mdtrtId = newMdtrtId(ctx.db, ctx.institution.admdvs, ctx.now);
    const diseaseCode = m.dise_codg ?? input.diseinfo.find((x) => x.maindiag_flag === '1')?.diag_code;
    ctx.db.prepare(`INSERT INTO visits (mdtrt_id, psn_no, fixmedins_code, kind, insutype, med_type, begntime, ipt_otp_no, dise_codg, state, msgid, created_at)
      VALUES (?, ?, ?, 'inpatient', ?, ?, ?, ?, ?, 'open', ?, ?)`).run(
      mdtrtId, person.psn_no, ctx.institution.code, m.insutype, m.med_type, m.begntime, m.ipt_no, diseaseCode ?? null, ctx.header.msgid, formatInfTime(ctx.now),
    );
    ctx.recordEffect({ type: 'register', mdtrtId });
    return { result: { mdtrt_id: mdtrtId } };
  },

  '2402': (ctx, input) => {
    const d = input.dscginfo;
    const visit = requireVisit(ctx, d.mdtrt_id, d.psn_no, 'inpatient');
    if (visit.state === 'discharged') refuse('参保人已办理出院，不能重复办理');
    dateOf(d.endtime, '出院时间endtime', refuse);
    if (d.endtime < visit.begntime) refuse('出院时间不能早于入院时间');
    ctx.db.prepare("UPDATE visits SET state = 'discharged', endtime = ? WHERE mdtrt_id = ?").run(d.endtime, visit.mdtrt_id);
    ctx.recordEffect({ type: 'discharge', mdtrtId: visit.mdtrt_id });
    return null;
  },

  '2404': (ctx, input) => {
    const visit = requireVisit(ctx, input.data.mdtrt_id, input.data.psn_no, 'inpatient');
    cancelVisit(ctx, visit);
    return null;
  },

  '2405': (ctx, input) => {
    const visit = requireVisit(ctx, input.data.mdtrt_id, input.data.psn_no, 'inpatient');
    if (visit.state !== 'discharged') refuse('参保人未办理出院，无需撤销出院');
    if (finalSettlementInForce(ctx, visit.mdtrt_id)) refuse('已办理出院结算，请先撤销结算【2305】后再撤销出院');
    ctx.db.prepare("UPDATE visits SET state = 'open', endtime = NULL WHERE mdtrt_id = ?").run(visit.mdtrt_id);
    return null;
  },

  '2301': (ctx, input) => {
    const first = input.feedetail[0];
    if (!first) refuse('费用明细不能为空');
    if (input.feedetail.some((l) => l.mdtrt_id !== first.mdtrt_id || l.psn_no !== first.psn_no)) refuse('一次上传的费用明细须属于同一就诊ID和人员编号');
    const visit = requireVisit(ctx, first.mdtrt_id, first.psn_no, 'inpatient');
    if (finalSettlementInForce(ctx, visit.mdtrt_id)) refuse('该住院已办理出院结算，不能再上传费用明细');
    const splits = splitIncoming(ctx.catalog, input.feedetail);
    const byId = new Map(input.feedetail.map((l) => [l.feedetl_sn, l]));
    storeLines(
      ctx.db,
      visit.mdtrt_id,
      splits.map((s) => ({ split: s, code: byId.get(s.feedetlSn)!.med_list_codg, chrgBchno: '', hospApprFlag: byId.get(s.feedetlSn)!.hosp_appr_flag })),
      ctx.header.msgid,
    );
    ctx.recordEffect({ type: 'upload', mdtrtId: visit.mdtrt_id, feedetlSns: splits.map((s) => s.feedetlSn) });
    return { result: splits.map(feeResultOf) };
  },

  '2302': (ctx, input) => {
    const first = input.data[0];
    if (!first) refuse('撤销明细不能为空');
    const visit = requireVisit(ctx, first.mdtrt_id, first.psn_no, 'inpatient');
    let removed = 0;
    for (const d of input.data) {
      if (d.mdtrt_id !== visit.mdtrt_id) refuse('一次撤销的明细须属于同一就诊ID');
      const r =
        d.feedetl_sn === '0000'
          ? ctx.db.prepare('DELETE FROM fee_lines WHERE mdtrt_id = ? AND setl_id IS NULL').run(visit.mdtrt_id)
          : ctx.db.prepare('DELETE FROM fee_lines WHERE mdtrt_id = ? AND feedetl_sn = ? AND setl_id IS NULL').run(visit.mdtrt_id, d.feedetl_sn);
      removed += r.changes;
    }
    if (removed === 0) ctx.warn('没有可撤销的未结算费用明细');
    return null;
  },

  '2303': (ctx, input) => preSettlementOutput(ctx, compute(ctx, input), input.data.mdtrt_cert_type),

  '2304': (ctx, input) => recordSettlement(ctx, compute(ctx, input), { infno: '2304', certType: input.data.mdtrt_cert_type, midSetlFlag: input.data.mid_setl_flag }),

  // Cancelling the final settlement leaves the patient discharged and the fees unsettled, ready to settle again.
  '2305': (ctx, input) => cancelSettlement(ctx, { infno: '2305', setlId: input.data.setl_id, mdtrtId: input.data.mdtrt_id, psnNo: input.data.psn_no, kind: 'inpatient' }),
};
