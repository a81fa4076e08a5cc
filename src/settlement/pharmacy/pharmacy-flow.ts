// Pharmacy (med_type 41): 2101 pre-settles the drug lines (a query, nothing committed); 2102
// settles the same input, resolving a lost answer (resend → 2601; 2102 has no 5203).
import { AppError } from '@src/common/errors';
import type { DiagnosisInput, FeeLineInput, PreSettlement, SettleResult } from '@src/contract/methods/settlement';
import { formatInfTime, type TxInput } from '@src/hub/protocol';
import { assertIdentities, figuresOf, fundLinesOf, lineSplitsOf } from '../figures';
import { prepareLines, totalOf, type PreparedLine } from '../fee-lines';
import { requireOpen } from '../outpatient/outpatient-flow';
import { filingRefusal, isCrossProvince } from '../patient/patient-identification';
import { settleWithResolution } from '../resolution/settle-resolution';
import { finishSettle, type SettleOutput } from '../settle-finish';
import { startChain, type CounterOperator, type SettlementContext } from '../settlement-context';

interface StoredDraft {
  input: TxInput<'2101'>;
  sent: PreparedLine[];
}

export async function preSettlePharmacy(
  ctx: SettlementContext,
  op: CounterOperator,
  input: { operationId?: string | undefined; draftId?: number | undefined; patientRef: string; insutype: string; lines: FeeLineInput[]; acctUsed: boolean; diagnosis?: DiagnosisInput | undefined },
): Promise<PreSettlement & { draftId: number }> {
  const { hub, store } = ctx;
  const patient = ctx.patients.get(input.patientRef);
  const insurance = patient.person.insuinfo.find((i) => i.insutype === input.insutype);
  if (!insurance) throw new AppError({ code: 'SETTLEMENT_INSUTYPE', message: `该患者没有险种 ${input.insutype} 的参保信息`, hint: '请选择患者已参保的险种。' });
  let draftId = input.draftId;
  if (draftId !== undefined) {
    const d = requireOpen(store.visit(draftId), 'pharmacy');
    if (d.psnNo !== patient.person.baseinfo.psn_no) throw new AppError({ code: 'SETTLEMENT_VISIT_MISMATCH', message: '购药单与患者不符', hint: '更换患者时请新开购药单。' });
  } else {
    draftId = store.createVisit({
      kind: 'pharmacy',
      operator: op.code,
      psnNo: patient.person.baseinfo.psn_no,
      insutype: input.insutype,
      insuplcAdmdvs: insurance.insuplc_admdvs,
      crossProvince: isCrossProvince(insurance.insuplc_admdvs, patient.treatmentArea),
      medType: '41',
      patient: { name: patient.name, idNumber: patient.idNumber, certType: patient.certType, certNo: patient.certNo, cardSn: patient.cardSn },
      iptOtpNo: '',
      begntime: formatInfTime(new Date()),
      params: {},
    });
  }
  const draft = store.visit(draftId)!;
  const sent = prepareLines(input.lines, 1);
  const at = formatInfTime(new Date());
  const body: TxInput<'2101'> = {
    druginfo: {
      psn_no: draft.psnNo,
      mdtrt_cert_type: draft.patient.certType,
      mdtrt_cert_no: draft.patient.certNo,
      begntime: draft.begntime,
      medfee_sumamt: totalOf(sent),
      insutype: draft.insutype,
      acct_used_flag: input.acctUsed ? '1' : '0',
      med_type: '41',
      ...(input.diagnosis ? { dise_codg: input.diagnosis.code, dise_name: input.diagnosis.name } : {}),
    },
    drugdetail: sent.map((l) => ({ feedetl_sn: l.feedetlSn, fee_ocur_time: at, med_list_codg: l.code, medins_list_codg: l.localCode, det_item_fee_sumamt: l.amountFen, cnt: l.quantity, pric: l.unitPrice })),
  };
  const chain = startChain(ctx, 'pharmacy', op, input.operationId);
  chain.step('preSettle');
  let pre;
  try {
    pre = await hub.preSettlePharmacy(body, { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: draft.insuplcAdmdvs });
  } catch (e) {
    throw filingRefusal(e) ?? e;
  }
  assertIdentities(pre.output.setlinfo, '预结算');
  const result: PreSettlement = {
    figures: figuresOf(pre.output.setlinfo),
    funds: fundLinesOf(pre.output.setldetail),
    lines: lineSplitsOf(sent, pre.output.detlcutinfo),
    warnings: pre.warnMsg ? [pre.warnMsg] : [],
    remainingMs: chain.remainingMs(),
  };
  const stored: StoredDraft = { input: body, sent };
  store.updateVisit(draftId, { state: 'presettled', presettle: stored, lines: sent });
  chain.done();
  return { ...result, draftId };
}

export async function settlePharmacy(ctx: SettlementContext, op: CounterOperator, input: { operationId?: string | undefined; draftId: number }): Promise<SettleResult> {
  const { hub, store } = ctx;
  const draft = requireOpen(store.visit(input.draftId), 'pharmacy');
  const stored = draft.presettle as StoredDraft | undefined;
  if (draft.state !== 'presettled' || !stored) throw new AppError({ code: 'SETTLEMENT_NOT_PRESETTLED', message: '请先预结算', hint: '确认金额后再结算。' });
  const chain = startChain(ctx, 'pharmacy', op, input.operationId);
  const msgid = hub.msgids.next();
  const recordId = store.insertRecord({
    kind: 'pharmacy',
    state: 'unknown',
    visitId: draft.id,
    journalId: undefined,
    msgid,
    setlId: '',
    mdtrtId: '',
    psnNo: draft.psnNo,
    insutype: draft.insutype,
    insuplcAdmdvs: draft.insuplcAdmdvs,
    medType: '41',
    crossProvince: draft.crossProvince,
    midStay: false,
    patient: draft.patient,
    figures: null,
    funds: [],
    lines: [],
    operator: op.code,
    operatorName: op.name,
    note: '结算中',
  });
  store.updateVisit(draft.id, { state: 'settling' });
  chain.step('settle');
  let resolved;
  try {
    resolved = await settleWithResolution<SettleOutput>({
      hub,
      chain,
      pending: ctx.pending,
      msgid,
      settlementId: recordId,
      call: (budget) => hub.settlePharmacy(stored.input, { operator: chain.operator, budget, insuplcAdmdvs: draft.insuplcAdmdvs, context: `settlement:${recordId}`, msgid }),
    });
  } catch (e) {
    store.completeRecord(recordId, { state: 'reversed', note: `未结算：${e instanceof Error ? e.message : String(e)}` });
    store.updateVisit(draft.id, { state: 'presettled' });
    throw filingRefusal(e) ?? e;
  }
  const r = await finishSettle(ctx, chain, { kind: 'pharmacy', recordId, infno: '2102', psnNo: draft.psnNo, insuplcAdmdvs: draft.insuplcAdmdvs, sentLines: stored.sent, uploadResults: [] }, resolved);
  if (r.outcome === 'settled' && resolved.result === 'settled') ctx.store.setRecordMdtrtId(recordId, resolved.output.setlinfo.mdtrt_id);
  store.updateVisit(draft.id, { state: r.outcome === 'settled' ? 'settled' : 'presettled' });
  return r.outcome === 'settled' ? { ...r, settlement: store.record(recordId)! } : r;
}

export function discardPharmacyDraft(ctx: SettlementContext, draftId: number): void {
  const d = requireOpen(ctx.store.visit(draftId), 'pharmacy');
  if (d.state === 'settling') throw new AppError({ code: 'SETTLEMENT_IN_PROGRESS', message: '该购药单正在结算', hint: '请等待结算结果。' });
  ctx.store.updateVisit(draftId, { state: 'cancelled' });
}
