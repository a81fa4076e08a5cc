// Outpatient (med_type 11, 13, 14): register 2201 → visit 2203 → fees 2204 → pre-settle 2206
// under one budget; settle 2207 under another, resolving a lost answer; cancel 2205 + 2202.
import { AppError } from '@src/common/errors';
import type { DiagnosisInput, FeeLineInput, PreSettlement, SettleResult } from '@src/contract/methods/settlement';
import type { FeeResult, TxInput } from '@src/hub/protocol';
import { formatInfTime } from '@src/hub/protocol';
import { assertIdentities, figuresOf, fundLinesOf, lineSplitsOf } from '../figures';
import { linesDigest, prepareLines, totalOf, type PreparedLine } from '../fee-lines';
import { filingRefusal, isCrossProvince } from '../patient/patient-identification';
import { settleWithResolution } from '../resolution/settle-resolution';
import { finishSettle, type SettleOutput } from '../settle-finish';
import { startChain, type CounterOperator, type SettlementContext } from '../settlement-context';
import type { Visit } from '../store/settlement-store';

export interface OutpatientPreSettleInput {
  operationId?: string | undefined;
  visitId?: number | undefined;
  patientRef: string;
  insutype: string;
  medType: '11' | '13' | '14';
  chronicCode?: string | undefined;
  diagnoses: DiagnosisInput[];
  dept?: { code: string; name: string } | undefined;
  doctor?: { code: string; name: string } | undefined;
  lines: FeeLineInput[];
  acctUsed: boolean;
}

interface OutpatientParams {
  medType: string;
  chronicCode: string | undefined;
  diagnoses: DiagnosisInput[];
  dept: { code: string; name: string };
  doctor: { code: string; name: string } | undefined;
  /** JSON of what 2203 last sent ('' = not yet). */
  visitSent: string;
  linesDigest: string;
  acctUsed: boolean;
}

interface StoredPre {
  pre: PreSettlement;
  settleData: TxInput<'2206'>['data'];
  sent: PreparedLine[];
  results: FeeResult[];
}

const DEFAULT_DEPT = { code: '0101', name: '内科门诊' };

export function notFound(what: string): AppError {
  return new AppError({ code: 'SETTLEMENT_NOT_FOUND', message: `找不到该${what}`, hint: '请刷新后重试。' });
}

export function requireOpen<P>(visit: Visit<P> | undefined, kind: Visit['kind']): Visit<P> {
  if (!visit || visit.kind !== kind) throw notFound(kind === 'pharmacy' ? '购药单' : '就诊');
  if (visit.state === 'settled') throw new AppError({ code: 'SETTLEMENT_ALREADY_SETTLED', message: '该就诊已结算', hint: '如需更改，请在结算记录中退费后重新办理。' });
  if (visit.state === 'cancelled') throw new AppError({ code: 'SETTLEMENT_VISIT_CANCELLED', message: '该就诊已撤销', hint: '请重新识别患者并挂号。' });
  return visit;
}

export async function preSettleOutpatient(ctx: SettlementContext, op: CounterOperator, input: OutpatientPreSettleInput): Promise<PreSettlement & { visitId: number; mdtrtId: string }> {
  const { hub, store } = ctx;
  const patient = ctx.patients.get(input.patientRef);
  const insurance = patient.person.insuinfo.find((i) => i.insutype === input.insutype);
  if (!insurance) throw new AppError({ code: 'SETTLEMENT_INSUTYPE', message: `该患者没有险种 ${input.insutype} 的参保信息`, hint: '请选择患者已参保的险种。' });
  if (input.medType === '14' && !patient.chronicCodes.includes(input.chronicCode ?? '')) {
    throw new AppError({ code: 'SETTLEMENT_CHRONIC_FILING', message: '该患者没有有效的此病种门诊慢特病备案', hint: '请选择已备案的病种，或按普通门诊（11）结算。' });
  }
  const params: OutpatientParams = {
    medType: input.medType,
    chronicCode: input.medType === '14' ? input.chronicCode : undefined,
    diagnoses: input.diagnoses,
    dept: input.dept ?? DEFAULT_DEPT,
    doctor: input.doctor,
    visitSent: '',
    linesDigest: '',
    acctUsed: input.acctUsed,
  };
  let visit: Visit<OutpatientParams>;
  if (input.visitId !== undefined) {
    visit = requireOpen(store.visit<OutpatientParams>(input.visitId), 'outpatient');
    if (visit.psnNo !== patient.person.baseinfo.psn_no || visit.insutype !== input.insutype) {
      throw new AppError({ code: 'SETTLEMENT_VISIT_MISMATCH', message: '就诊与患者或险种不符', hint: '更换患者或险种时请撤销本次就诊后重新挂号。' });
    }
    params.visitSent = visit.params.visitSent;
    params.linesDigest = visit.params.linesDigest;
  } else {
    const id = store.createVisit({
      kind: 'outpatient',
      operator: op.code,
      psnNo: patient.person.baseinfo.psn_no,
      insutype: input.insutype,
      insuplcAdmdvs: insurance.insuplc_admdvs,
      crossProvince: isCrossProvince(insurance.insuplc_admdvs, patient.treatmentArea),
      medType: input.medType,
      patient: { name: patient.name, idNumber: patient.idNumber, certType: patient.certType, certNo: patient.certNo, cardSn: patient.cardSn },
      iptOtpNo: `MZ${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`,
      begntime: formatInfTime(new Date()),
      params,
    });
    visit = store.visit<OutpatientParams>(id)!;
  }

  const chain = startChain(ctx, 'outpatient', op, input.operationId);
  const opts = (step: string) => ({ operator: chain.operator, budget: chain.budget, insuplcAdmdvs: visit.insuplcAdmdvs, context: `visit:${visit.id}:${step}` });
  const psn = visit.psnNo;
  const cert = { mdtrt_cert_type: visit.patient.certType, mdtrt_cert_no: visit.patient.certNo };

  let mdtrtId = visit.mdtrtId;
  if (!mdtrtId) {
    chain.step('register');
    try {
      const reg = await hub.register(
        { data: { psn_no: psn, insutype: visit.insutype, begntime: visit.begntime, ...cert, ipt_otp_no: visit.iptOtpNo, dept_code: params.dept.code, dept_name: params.dept.name, caty: 'A03', ...(params.doctor ? { atddr_no: params.doctor.code, dr_name: params.doctor.name } : {}) } },
        opts('2201'),
      );
      mdtrtId = reg.output.data.mdtrt_id;
    } catch (e) {
      store.updateVisit(visit.id, { state: 'cancelled' });
      throw filingRefusal(e) ?? e;
    }
    store.updateVisit(visit.id, { state: 'registered', mdtrtId });
  }

  const visitInfo = JSON.stringify([params.medType, params.chronicCode, params.diagnoses]);
  if (visitInfo !== params.visitSent) {
    chain.step('visit');
    const mainCode = params.chronicCode ?? params.diagnoses[0]!.code;
    await hub.uploadVisitInfo(
      {
        mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: psn, med_type: params.medType, begntime: visit.begntime, dise_codg: mainCode, dise_name: params.chronicCode ? undefined : params.diagnoses[0]!.name },
        diseinfo: params.diagnoses.map((d, i) => ({ diag_type: '1', diag_srt_no: i + 1, diag_code: d.code, diag_name: d.name, diag_dept: params.dept.name, vali_flag: '1' })),
      },
      opts('2203'),
    );
    params.visitSent = visitInfo;
    store.updateVisit(visit.id, { params, medType: params.medType });
  }

  const digest = linesDigest(input.lines);
  let stored = visit.presettle as StoredPre | undefined;
  let batch = visit.batch;
  let sent = stored?.sent ?? [];
  let results = stored?.results ?? [];
  if (digest !== params.linesDigest || !stored) {
    if (batch > 0) {
      chain.step('cancelFees');
      await hub.cancelOutpatientFees({ data: { mdtrt_id: mdtrtId, chrg_bchno: '0000', psn_no: psn } }, opts('2205'));
    }
    batch += 1;
    sent = prepareLines(input.lines, batch);
    chain.step('uploadFees', `${sent.length}条`);
    const at = formatInfTime(new Date());
    const up = await hub.uploadOutpatientFees(
      {
        feedetail: sent.map((l) => ({
          feedetl_sn: l.feedetlSn,
          mdtrt_id: mdtrtId,
          psn_no: psn,
          chrg_bchno: String(batch),
          fee_ocur_time: at,
          med_list_codg: l.code,
          medins_list_codg: l.localCode,
          det_item_fee_sumamt: l.amountFen,
          cnt: l.quantity,
          pric: l.unitPrice,
          bilg_dept_codg: params.dept.code,
          bilg_dept_name: params.dept.name,
          ...(l.hospApproved ? { hosp_appr_flag: '1' } : {}),
        })),
      },
      opts('2204'),
    );
    results = up.output.result;
    params.linesDigest = digest;
    store.updateVisit(visit.id, { batch, params, lines: sent });
  }

  chain.step('preSettle');
  const settleData: TxInput<'2206'>['data'] = {
    psn_no: psn,
    ...cert,
    med_type: params.medType,
    medfee_sumamt: totalOf(sent),
    psn_setlway: '01',
    mdtrt_id: mdtrtId,
    chrg_bchno: String(batch),
    acct_used_flag: input.acctUsed ? '1' : '0',
    insutype: visit.insutype,
  };
  const pre = await hub.preSettleOutpatient({ data: settleData }, { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: visit.insuplcAdmdvs });
  assertIdentities(pre.output.setlinfo, '预结算');
  if (pre.output.setlinfo.medfee_sumamt !== settleData.medfee_sumamt) {
    throw new AppError({ code: 'SETTLEMENT_IDENTITY', message: '医保中心返回的医疗费总额与费用明细合计不符', hint: '未按此结果收费。请撤销后重新录入费用。', detail: `2206 medfee ${pre.output.setlinfo.medfee_sumamt} ≠ lines ${settleData.medfee_sumamt}` });
  }
  const result: PreSettlement = {
    figures: figuresOf(pre.output.setlinfo),
    funds: fundLinesOf(pre.output.setldetail),
    lines: lineSplitsOf(sent, results),
    warnings: pre.warnMsg ? [pre.warnMsg] : [],
    remainingMs: chain.remainingMs(),
  };
  params.acctUsed = input.acctUsed;
  stored = { pre: result, settleData, sent, results };
  store.updateVisit(visit.id, { state: 'presettled', presettle: stored, params });
  chain.done();
  return { ...result, visitId: visit.id, mdtrtId };
}

export async function settleOutpatient(ctx: SettlementContext, op: CounterOperator, input: { operationId?: string | undefined; visitId: number }): Promise<SettleResult> {
  const { hub, store } = ctx;
  const visit = requireOpen(store.visit(input.visitId), 'outpatient');
  const stored = visit.presettle as StoredPre | undefined;
  if (visit.state !== 'presettled' || !stored || !visit.mdtrtId) throw new AppError({ code: 'SETTLEMENT_NOT_PRESETTLED', message: '请先预结算', hint: '按预结算键（F5）确认金额后再结算。' });
  const chain = startChain(ctx, 'outpatient', op, input.operationId);
  const s = stored.pre.figures;
  const msgid = hub.msgids.next();
  const recordId = store.insertRecord({
    kind: 'outpatient',
    state: 'unknown',
    visitId: visit.id,
    journalId: undefined,
    msgid,
    setlId: '',
    mdtrtId: visit.mdtrtId,
    psnNo: visit.psnNo,
    insutype: visit.insutype,
    insuplcAdmdvs: visit.insuplcAdmdvs,
    medType: visit.medType,
    crossProvince: visit.crossProvince,
    midStay: false,
    patient: visit.patient,
    figures: null,
    funds: [],
    lines: [],
    operator: op.code,
    operatorName: op.name,
    note: '结算中',
  });
  store.updateVisit(visit.id, { state: 'settling' });
  chain.step('settle');
  let resolved;
  try {
    resolved = await settleWithResolution<SettleOutput>({
      hub,
      chain,
      pending: ctx.pending,
      msgid,
      settlementId: recordId,
      call: (budget) =>
        hub.settleOutpatient(
          { data: { ...stored.settleData, fulamt_ownpay_amt: s.fulamt_ownpay_amt, overlmt_selfpay: s.overlmt_selfpay, preselfpay_amt: s.preselfpay_amt, inscp_scp_amt: s.inscp_scp_amt } },
          { operator: chain.operator, budget, insuplcAdmdvs: visit.insuplcAdmdvs, context: `settlement:${recordId}`, msgid },
        ),
    });
  } catch (e) {
    // Refused or not sent: nothing happened at the hub.
    store.completeRecord(recordId, { state: 'reversed', note: `未结算：${e instanceof Error ? e.message : String(e)}` });
    store.updateVisit(visit.id, { state: 'presettled' });
    throw e;
  }
  const r = await finishSettle(ctx, chain, { kind: 'outpatient', recordId, infno: '2207', psnNo: visit.psnNo, insuplcAdmdvs: visit.insuplcAdmdvs, sentLines: stored.sent, uploadResults: stored.results }, resolved);
  store.updateVisit(visit.id, { state: r.outcome === 'settled' ? 'settled' : 'presettled' });
  return r;
}

export async function cancelOutpatient(ctx: SettlementContext, op: CounterOperator, input: { operationId?: string | undefined; visitId: number; reason: string }): Promise<void> {
  const { hub, store } = ctx;
  const visit = requireOpen(store.visit(input.visitId), 'outpatient');
  if (visit.state === 'settling') throw new AppError({ code: 'SETTLEMENT_IN_PROGRESS', message: '该就诊正在结算', hint: '请等待结算结果。' });
  const chain = startChain(ctx, 'outpatient', op, input.operationId);
  if (visit.mdtrtId) {
    const opts = (step: string) => ({ operator: chain.operator, budget: chain.budget, insuplcAdmdvs: visit.insuplcAdmdvs, context: `visit:${visit.id}:${step}` });
    if (visit.batch > 0) {
      chain.step('cancelFees');
      await hub.cancelOutpatientFees({ data: { mdtrt_id: visit.mdtrtId, chrg_bchno: '0000', psn_no: visit.psnNo } }, opts('2205'));
    }
    chain.step('cancelRegister');
    await hub.cancelRegister({ data: { psn_no: visit.psnNo, mdtrt_id: visit.mdtrtId, ipt_otp_no: visit.iptOtpNo } }, opts('2202'));
  }
  store.updateVisit(visit.id, { state: 'cancelled' });
  ctx.audit.append({ action: 'visit.cancelled', operator: op.code, subject: visit.mdtrtId ?? `visit:${visit.id}`, details: { kind: 'outpatient', mdtrtId: visit.mdtrtId, reason: input.reason } });
  chain.done();
}
