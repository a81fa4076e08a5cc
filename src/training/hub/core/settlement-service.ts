// Settling a visit: compute (pre-settlement, no state change), record (settlement), cancel, and
// the undo operations 2601 uses. One computation serves 2206/2207, 2303/2304 and 2101/2102, so a
// pre-settlement equals the settlement of the same input in the same state.
import { formatYuan } from '@src/common/money';
import type { PreSetlInfo, SetlDetail, SetlInfo } from '@src/hub/protocol/settlement';
import { formatInfTime } from '@src/hub/protocol/time';
import type { Db } from '@src/platform/db/open';
import type { ChronicDiseaseDef } from '@src/training/catalog/code-tables';
import { computeBenefit, negateBenefit, type BenefitResult, type VisitCategory } from '../policy/benefit-engine';
import { sumSplits, type LineSplit } from '../policy/fee-line-split';
import { applyUsage, readUsage, scopesFor, type RecordedUsage } from './accumulators';
import { checkEligibility } from './eligibility';
import type { HubContext } from './hub-context';
import { refuse } from './hub-refusal';
import { newSetlId } from './ids';
import { appendLedger } from './ledger';
import { ageTenths, requirePerson, type PersonRow } from './persons';
import { categoryOf, clrTypeOf, type VisitKind } from './visit-rules';

export interface VisitRow {
  mdtrt_id: string;
  psn_no: string;
  fixmedins_code: string;
  kind: VisitKind;
  insutype: string;
  med_type: string;
  begntime: string;
  endtime: string | null;
  ipt_otp_no: string;
  dise_codg: string | null;
  chronic_disease: string | null;
  state: 'open' | 'discharged' | 'cancelled';
  msgid: string;
  created_at: string;
}

export function findVisit(db: Db, mdtrtId: string): VisitRow | undefined {
  return db.prepare('SELECT * FROM visits WHERE mdtrt_id = ?').get(mdtrtId) as VisitRow | undefined;
}

/** The visit, checked to belong to this person and institution. */
export function requireVisit(ctx: HubContext, mdtrtId: string, psnNo: string, kind?: VisitKind): VisitRow {
  const v = findVisit(ctx.db, mdtrtId);
  if (!v || v.fixmedins_code !== ctx.institution.code) refuse(`就诊ID${mdtrtId}不存在`);
  if (v.psn_no !== psnNo) refuse(`就诊ID${mdtrtId}不属于人员编号${psnNo}`);
  if (kind && v.kind !== kind) refuse(`就诊ID${mdtrtId}不是${kind === 'inpatient' ? '住院' : kind === 'pharmacy' ? '药店购药' : '门诊'}就诊`);
  if (v.state === 'cancelled') refuse(`就诊ID${mdtrtId}已撤销`);
  return v;
}

export interface Computation {
  person: PersonRow;
  kind: VisitKind;
  category: VisitCategory;
  medType: string;
  mdtrtId: string;
  insutype: string;
  chronic?: ChronicDiseaseDef | undefined;
  splits: LineSplit[];
  benefit: BenefitResult;
  usage: RecordedUsage;
}

export interface ComputeArgs {
  person: PersonRow;
  kind: VisitKind;
  medType: string;
  mdtrtId: string;
  /** The visit's start (yyyy-MM-dd): filings are checked on this day. */
  visitDate: string;
  diseaseCode?: string | undefined;
  splits: LineSplit[];
  useAccount: boolean;
}

export function computeSettlement(ctx: HubContext, a: ComputeArgs): Computation {
  const elig = checkEligibility(ctx.db, a.person, ctx.institution, { visitDate: a.visitDate, medType: a.medType, diseaseCode: a.diseaseCode });
  const category = categoryOf(a.kind, a.medType);
  const year = Number(ctx.clock.today().slice(0, 4));
  const scopes = scopesFor(category, year, a.mdtrtId, elig.chronicDisease?.key);
  const totals = sumSplits(a.splits);
  if (totals.medfee < 0) refuse('本次结算的医疗费总额为负数，请核对退费明细');
  const benefit = computeBenefit({
    policy: elig.policy,
    insutype: a.person.insutype,
    retired: a.person.retired === 1,
    category,
    chronicDisease: elig.chronicDisease?.key,
    level: ctx.institution.level,
    crossProvince: elig.status,
    totals,
    usage: readUsage(ctx.db, a.person.psn_no, scopes),
    accountBalanceFen: a.person.account_balance_fen,
    useAccount: a.useAccount,
  });
  return {
    person: a.person,
    kind: a.kind,
    category,
    medType: a.medType,
    mdtrtId: a.mdtrtId,
    insutype: a.person.insutype,
    chronic: elig.chronicDisease,
    splits: a.splits,
    benefit,
    usage: {
      ...scopes,
      deductibleFen: benefit.usageDelta.deductibleUsedFen,
      poolFen: benefit.usageDelta.poolPaidFen,
      bigFen: benefit.usageDelta.bigIllnessPaidFen,
      accountFen: benefit.usageDelta.accountFen,
    },
  };
}

/** The amounts the terminal sends back with 2207 (and may send with 2304) must be the hub's own. */
export function checkAmountsMatch(b: BenefitResult, sent: { medfee_sumamt: number; fulamt_ownpay_amt?: number | undefined; overlmt_selfpay?: number | undefined; preselfpay_amt?: number | undefined; inscp_scp_amt?: number | undefined }): void {
  const pairs: [string, number, number | undefined][] = [
    ['医疗费总额medfee_sumamt', b.medfee, sent.medfee_sumamt],
    ['全自费金额fulamt_ownpay_amt', b.fulamtOwnpay, sent.fulamt_ownpay_amt],
    ['超限价自费费用overlmt_selfpay', b.overlmt, sent.overlmt_selfpay],
    ['先行自付金额preselfpay_amt', b.preselfpay, sent.preselfpay_amt],
    ['符合政策范围金额inscp_scp_amt', b.inscp, sent.inscp_scp_amt],
  ];
  for (const [name, hub, terminal] of pairs) {
    if (terminal !== undefined && terminal !== hub) refuse(`${name}与医保中心按上传明细计算的金额不符：中心${formatYuan(hub)}元，机构传入${formatYuan(terminal)}元。请重新预结算后再结算`);
  }
}

function setlDetailOf(b: BenefitResult): SetlDetail[] {
  return b.details.map((d) => ({
    fund_pay_type: d.fundPayType,
    inscp_scp_amt: d.inscpScpAmt,
    crt_payb_lmt_amt: d.crtPaybLmtAmt,
    fund_payamt: d.fundPayamt,
    fund_pay_type_name: d.fundPayTypeName,
    setl_proc_info: d.setlProcInfo,
  }));
}

interface SetlInfoArgs {
  comp: Pick<Computation, 'person' | 'insutype' | 'medType' | 'mdtrtId' | 'kind'>;
  benefit: BenefitResult;
  certType: string;
  setlTime: string;
  setlId?: string;
  msgid?: string;
  clrOptins: string;
}

function setlInfoFields(a: SetlInfoArgs): PreSetlInfo {
  const p = a.comp.person;
  const b = a.benefit;
  return {
    mdtrt_id: a.comp.mdtrtId,
    setl_id: a.setlId,
    psn_no: p.psn_no,
    psn_name: p.psn_name,
    psn_cert_type: p.psn_cert_type,
    certno: p.certno,
    gend: p.gend,
    naty: p.naty,
    brdy: p.brdy,
    age: ageTenths(p.brdy, a.setlTime.slice(0, 10)),
    insutype: a.comp.insutype,
    psn_type: p.psn_type,
    cvlserv_flag: p.cvlserv_flag,
    setl_time: a.setlTime,
    mdtrt_cert_type: a.certType,
    med_type: a.comp.medType,
    medfee_sumamt: b.medfee,
    fulamt_ownpay_amt: b.fulamtOwnpay,
    overlmt_selfpay: b.overlmt,
    preselfpay_amt: b.preselfpay,
    inscp_scp_amt: b.inscp,
    act_pay_dedc: b.actPayDedc,
    hifp_pay: b.hifpPay,
    pool_prop_selfpay: b.poolRatio,
    cvlserv_pay: b.cvlservPay,
    hifes_pay: b.hifesPay,
    hifmi_pay: b.hifmiPay,
    hifob_pay: b.hifobPay,
    maf_pay: b.mafPay,
    oth_pay: b.othPay,
    hifdm_pay: b.hifdmPay,
    fund_pay_sumamt: b.fundPaySumamt,
    psn_part_amt: b.psnPartAmt,
    acct_pay: b.acctPay,
    psn_cash_pay: b.psnCashPay,
    hosp_part_amt: b.hospPartAmt,
    balc: b.balanceAfterFen,
    acct_mulaid_pay: b.acctMulaidPay,
    medins_setl_id: a.msgid,
    clr_optins: a.clrOptins,
    clr_way: '1',
    clr_type: clrTypeOf(a.comp.kind),
  };
}

/** Pre-settlement output: no setl_id, nothing stored. */
export function preSettlementOutput(ctx: HubContext, comp: Computation, certType: string): { setlinfo: PreSetlInfo; setldetail: SetlDetail[] } {
  const setlinfo = setlInfoFields({ comp, benefit: comp.benefit, certType, setlTime: formatInfTime(ctx.now), clrOptins: ctx.institution.admdvs });
  delete setlinfo.setl_id;
  delete setlinfo.medins_setl_id;
  return { setlinfo, setldetail: setlDetailOf(comp.benefit) };
}

export interface SettledOutput {
  setlinfo: SetlInfo;
  setldetail: SetlDetail[];
}

/** Records a settlement of the computed lines and returns its output. */
export function recordSettlement(ctx: HubContext, comp: Computation, args: { infno: string; certType: string; midSetlFlag?: string }): SettledOutput {
  const db = ctx.db;
  const setlId = newSetlId(db, ctx.institution.admdvs, ctx.now);
  const setlTime = formatInfTime(ctx.now);
  const msgid = ctx.header.msgid;
  const setlinfo = setlInfoFields({ comp, benefit: comp.benefit, certType: args.certType, setlTime, setlId, msgid, clrOptins: ctx.institution.admdvs }) as SetlInfo;
  const output: SettledOutput = { setlinfo, setldetail: setlDetailOf(comp.benefit) };
  const b = comp.benefit;
  db.prepare(`INSERT INTO settlements (setl_id, mdtrt_id, psn_no, fixmedins_code, infno, msgid, kind, state, insutype, clr_type, med_type, mid_setl_flag,
      setl_time, setl_date, year, medfee_fen, fund_fen, acct_fen, cash_fen, result, usage)
    VALUES (?, ?, ?, ?, ?, ?, 'settle', 'settled', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    setlId, comp.mdtrtId, comp.person.psn_no, ctx.institution.code, args.infno, msgid, comp.insutype, clrTypeOf(comp.kind), comp.medType, args.midSetlFlag ?? '0',
    setlTime, setlTime.slice(0, 10), comp.usage.year, b.medfee, b.fundPaySumamt, b.acctPay, b.psnCashPay, JSON.stringify({ benefit: b, certType: args.certType, lines: comp.splits.map((x) => x.feedetlSn) } satisfies StoredResult), JSON.stringify(comp.usage),
  );
  const mark = db.prepare('UPDATE fee_lines SET setl_id = ? WHERE mdtrt_id = ? AND feedetl_sn = ?');
  for (const s of comp.splits) mark.run(setlId, comp.mdtrtId, s.feedetlSn);
  applyUsage(db, comp.person.psn_no, comp.usage, 1);
  appendLedger(db, {
    at: setlTime, event: 'settle', infno: args.infno, msgid, setlId, mdtrtId: comp.mdtrtId, psnNo: comp.person.psn_no,
    medfeeFen: b.medfee, fundFen: b.fundPaySumamt, acctFen: b.acctPay, cashFen: b.psnCashPay,
  });
  ctx.recordEffect({ type: 'settle', setlId });
  return output;
}

/** What a settlement row keeps of its computation. */
interface StoredResult {
  benefit: BenefitResult;
  certType: string;
  /** feedetl_sn of the lines it settled. */
  lines: string[];
}

function storedResult(row: { result: string }): StoredResult {
  return JSON.parse(row.result) as StoredResult;
}

interface SettlementRow {
  setl_id: string;
  mdtrt_id: string;
  psn_no: string;
  fixmedins_code: string;
  infno: string;
  msgid: string;
  kind: 'settle' | 'cancel';
  ref_setl_id: string | null;
  state: 'settled' | 'cancelled' | 'reversed';
  insutype: string;
  clr_type: string;
  med_type: string;
  mid_setl_flag: string;
  setl_time: string;
  result: string;
  usage: string;
}

export function findSettlement(db: Db, setlId: string): SettlementRow | undefined {
  return db.prepare('SELECT * FROM settlements WHERE setl_id = ?').get(setlId) as SettlementRow | undefined;
}

function kindOfClr(clrType: string): VisitKind {
  return clrType === '21' ? 'inpatient' : clrType === '41' ? 'pharmacy' : 'outpatient';
}

/** Rebuilds a stored settlement's output (5203, replays). */
export function settlementOutputOf(ctx: HubContext, row: SettlementRow): SettledOutput {
  const stored = storedResult(row);
  const person = requirePerson(ctx.db, row.psn_no);
  const comp = { person, insutype: row.insutype, medType: row.med_type, mdtrtId: row.mdtrt_id, kind: kindOfClr(row.clr_type) };
  const setlinfo = setlInfoFields({ comp, benefit: stored.benefit, certType: stored.certType, setlTime: row.setl_time, setlId: row.setl_id, msgid: row.msgid, clrOptins: ctx.institution.admdvs }) as SetlInfo;
  return { setlinfo, setldetail: setlDetailOf(stored.benefit) };
}

/** 2208/2305/2103: cancels a settlement; answers the reversal's setlinfo with negative amounts. */
export function cancelSettlement(ctx: HubContext, args: { infno: string; setlId: string; mdtrtId: string; psnNo: string; kind: VisitKind }): SettledOutput {
  const db = ctx.db;
  const row = findSettlement(db, args.setlId);
  if (!row || row.kind !== 'settle' || row.fixmedins_code !== ctx.institution.code) refuse(`结算ID${args.setlId}不存在`);
  if (row.mdtrt_id !== args.mdtrtId || row.psn_no !== args.psnNo) refuse(`结算ID${args.setlId}与就诊ID、人员编号不符`);
  if (kindOfClr(row.clr_type) !== args.kind) refuse(`结算ID${args.setlId}不是本交易可撤销的结算类型`);
  if (row.state === 'cancelled') refuse(`结算ID${args.setlId}已撤销，不能重复撤销`);
  if (row.state === 'reversed') refuse(`结算ID${args.setlId}已被冲正，无需撤销`);

  const stored = storedResult(row);
  const usage = JSON.parse(row.usage) as RecordedUsage;
  applyUsage(db, row.psn_no, usage, -1);
  const person = requirePerson(db, row.psn_no);
  const negated = negateBenefit(stored.benefit, person.account_balance_fen);
  const cancelId = newSetlId(db, ctx.institution.admdvs, ctx.now);
  const setlTime = formatInfTime(ctx.now);
  const msgid = ctx.header.msgid;
  db.prepare(`INSERT INTO settlements (setl_id, mdtrt_id, psn_no, fixmedins_code, infno, msgid, kind, ref_setl_id, state, insutype, clr_type, med_type, mid_setl_flag,
      setl_time, setl_date, year, medfee_fen, fund_fen, acct_fen, cash_fen, result, usage)
    VALUES (?, ?, ?, ?, ?, ?, 'cancel', ?, 'settled', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    cancelId, row.mdtrt_id, row.psn_no, row.fixmedins_code, args.infno, msgid, row.setl_id, row.insutype, row.clr_type, row.med_type, row.mid_setl_flag,
    setlTime, setlTime.slice(0, 10), usage.year, negated.medfee, negated.fundPaySumamt, negated.acctPay, negated.psnCashPay,
    JSON.stringify({ benefit: negated, certType: stored.certType, lines: stored.lines } satisfies StoredResult), JSON.stringify(usage),
  );
  db.prepare("UPDATE settlements SET state = 'cancelled', ref_setl_id = ? WHERE setl_id = ?").run(cancelId, row.setl_id);
  db.prepare('UPDATE fee_lines SET setl_id = NULL WHERE setl_id = ?').run(row.setl_id);
  // A pharmacy purchase has no visit beyond its settlement: cancelling it voids the purchase.
  if (args.kind === 'pharmacy') db.prepare("UPDATE visits SET state = 'cancelled' WHERE mdtrt_id = ?").run(row.mdtrt_id);
  appendLedger(db, {
    at: setlTime, event: 'cancel', infno: args.infno, msgid, setlId: cancelId, mdtrtId: row.mdtrt_id, psnNo: row.psn_no,
    medfeeFen: negated.medfee, fundFen: negated.fundPaySumamt, acctFen: negated.acctPay, cashFen: negated.psnCashPay, note: `撤销结算${row.setl_id}`,
  });
  ctx.recordEffect({ type: 'cancel', setlId: row.setl_id, cancelSetlId: cancelId });
  const comp = { person, insutype: row.insutype, medType: row.med_type, mdtrtId: row.mdtrt_id, kind: kindOfClr(row.clr_type) };
  const setlinfo = setlInfoFields({ comp, benefit: negated, certType: stored.certType, setlTime, setlId: cancelId, msgid, clrOptins: ctx.institution.admdvs }) as SetlInfo;
  return { setlinfo, setldetail: setlDetailOf(negated) };
}

/** 2601 of a settlement: as if it never happened (lines unsettled again, accumulators restored). */
export function reverseSettlement(ctx: HubContext, setlId: string, reversal: { msgid: string; omsgid: string; oinfno: string }): void {
  const db = ctx.db;
  const row = findSettlement(db, setlId);
  if (!row) refuse(`原交易的结算记录${setlId}不存在`);
  if (row.state === 'cancelled') refuse(`原结算${setlId}已撤销，不能再冲正；如撤销有误请冲正撤销交易`);
  if (row.state === 'reversed') return;
  applyUsage(db, row.psn_no, JSON.parse(row.usage) as RecordedUsage, -1);
  db.prepare("UPDATE settlements SET state = 'reversed' WHERE setl_id = ?").run(setlId);
  db.prepare('UPDATE fee_lines SET setl_id = NULL WHERE setl_id = ?').run(setlId);
  if (kindOfClr(row.clr_type) === 'pharmacy') db.prepare("UPDATE visits SET state = 'cancelled' WHERE mdtrt_id = ?").run(row.mdtrt_id);
  appendLedger(db, {
    at: formatInfTime(ctx.now), event: 'reversal', infno: '2601', msgid: reversal.msgid, setlId, mdtrtId: row.mdtrt_id, psnNo: row.psn_no,
    omsgid: reversal.omsgid, oinfno: reversal.oinfno, note: `冲正结算${setlId}`,
  });
}

/** 2601 of a cancellation: the settlement is in force again. */
export function reverseCancellation(ctx: HubContext, setlId: string, cancelSetlId: string, reversal: { msgid: string; omsgid: string; oinfno: string }): void {
  const db = ctx.db;
  const original = findSettlement(db, setlId);
  const cancel = findSettlement(db, cancelSetlId);
  if (!original || !cancel) refuse('原撤销交易的结算记录不存在');
  if (cancel.state === 'reversed') return;
  const sns = storedResult(original).lines;
  const lines = db.prepare('SELECT feedetl_sn, setl_id FROM fee_lines WHERE mdtrt_id = ? AND feedetl_sn IN (SELECT value FROM json_each(?))').all(original.mdtrt_id, JSON.stringify(sns)) as {
    feedetl_sn: string;
    setl_id: string | null;
  }[];
  if (lines.length !== sns.length) refuse('原撤销交易之后该就诊的费用明细已撤销，不能冲正撤销交易');
  if (lines.some((l) => l.setl_id !== null)) refuse('原撤销交易之后该就诊已重新结算，不能冲正撤销交易；请先撤销新的结算');
  applyUsage(db, original.psn_no, JSON.parse(original.usage) as RecordedUsage, 1);
  db.prepare("UPDATE settlements SET state = 'reversed' WHERE setl_id = ?").run(cancelSetlId);
  db.prepare("UPDATE settlements SET state = 'settled', ref_setl_id = NULL WHERE setl_id = ?").run(setlId);
  const mark = db.prepare('UPDATE fee_lines SET setl_id = ? WHERE mdtrt_id = ? AND feedetl_sn = ?');
  for (const l of lines) mark.run(setlId, original.mdtrt_id, l.feedetl_sn);
  if (kindOfClr(original.clr_type) === 'pharmacy') db.prepare("UPDATE visits SET state = 'open' WHERE mdtrt_id = ?").run(original.mdtrt_id);
  appendLedger(db, {
    at: formatInfTime(ctx.now), event: 'reversal', infno: '2601', msgid: reversal.msgid, setlId: cancelSetlId, mdtrtId: original.mdtrt_id, psnNo: original.psn_no,
    omsgid: reversal.omsgid, oinfno: reversal.oinfno, note: `冲正撤销${cancelSetlId}，结算${setlId}恢复`,
  });
}
