// Inpatient: admission 2401 (the hub checks the filing on the admission date), fee uploads 2301
// and cancellations 2302, discharge 2402, pre-settle 2303, settle 2304 (mid_setl_flag=1 for a
// mid-stay settlement: the stay stays open), cancellations 2404/2405. Refund 2305 is in
// refund/refund-flow.ts. A stay is a settlement_visits row of kind 'inpatient'; its uploaded lines
// are settlement_stay_lines.
import { AppError } from '@src/common/errors';
import type { DiagnosisInput, FeeLineInput, PreSettlement, SettleResult, Stay } from '@src/contract/methods/settlement';
import type { LineSplit } from '@src/contract/methods/settlement-schemas';
import { formatInfTime, type TxInput, type TxOutput } from '@src/hub/protocol';
import type { Db } from '@src/platform/db/open';
import { assertIdentities, figuresOf, fundLinesOf, lineSplitsOf } from '../figures';
import { prepareLines } from '../fee-lines';
import { queueNo, stayKey, type QueuedCallPayload } from '../queued/offline-queue-port';
import type { QueuedWork } from '../queued/queued-refund';
import { filingRefusal, isCrossProvince } from '../patient/patient-identification';
import { settleWithResolution } from '../resolution/settle-resolution';
import { finishSettle, type SettleOutput } from '../settle-finish';
import { startChain, type CounterOperator, type SettlementContext } from '../settlement-context';
import type { Visit } from '../store/settlement-store';

interface StayParams {
  dept: { code: string; name: string };
  bed: string;
  diagnoses: DiagnosisInput[];
  admittedAt: string;
  dischargedAt?: string | undefined;
  /** Next upload's line number. */
  nextSn: number;
}

interface StayLineRow {
  feedetl_sn: string;
  split_json: string;
  uploaded_at: string;
  cancelled: number;
  settled_by: number | null;
}

export class InpatientFlow {
  constructor(
    private readonly ctx: SettlementContext,
    private readonly db: Db,
  ) {}

  async admit(
    op: CounterOperator,
    input: { operationId?: string | undefined; patientRef: string; insutype: string; medType: string; diagnoses: DiagnosisInput[]; dept: { code: string; name: string }; bed?: string | undefined; doctor?: { code: string; name: string } | undefined; admittedAt?: string | undefined },
  ): Promise<Stay> {
    const { hub, store } = this.ctx;
    const patient = this.ctx.patients.get(input.patientRef);
    const insurance = patient.person.insuinfo.find((i) => i.insutype === input.insutype);
    if (!insurance) throw new AppError({ code: 'SETTLEMENT_INSUTYPE', message: `该患者没有险种 ${input.insutype} 的参保信息`, hint: '请选择患者已参保的险种。' });
    const begntime = formatInfTime(input.admittedAt ? new Date(input.admittedAt) : new Date());
    const params: StayParams = { dept: input.dept, bed: input.bed ?? '', diagnoses: input.diagnoses, admittedAt: begntime, nextSn: 1 };
    const id = store.createVisit({
      kind: 'inpatient',
      operator: op.code,
      psnNo: patient.person.baseinfo.psn_no,
      insutype: input.insutype,
      insuplcAdmdvs: insurance.insuplc_admdvs,
      crossProvince: isCrossProvince(insurance.insuplc_admdvs, patient.treatmentArea),
      medType: input.medType,
      patient: { name: patient.name, idNumber: patient.idNumber, certType: patient.certType, certNo: patient.certNo, cardSn: patient.cardSn },
      iptOtpNo: `ZY${Date.now().toString(36).toUpperCase()}`,
      begntime,
      params,
    });
    const stay = store.visit<StayParams>(id)!;
    const chain = startChain(this.ctx, 'inpatient', op, input.operationId);
    chain.step('admit');
    try {
      const r = await hub.admit(
        {
          mdtrtinfo: {
            psn_no: stay.psnNo,
            insutype: stay.insutype,
            begntime,
            mdtrt_cert_type: stay.patient.certType,
            mdtrt_cert_no: stay.patient.certNo,
            med_type: input.medType,
            ipt_no: stay.iptOtpNo,
            adm_dept_codg: input.dept.code,
            adm_dept_name: input.dept.name,
            ...(input.bed ? { adm_bed: input.bed } : {}),
            ...(input.doctor ? { atddr_no: input.doctor.code, chfpdr_name: input.doctor.name } : {}),
            dscg_maindiag_code: input.diagnoses[0]!.code,
            dscg_maindiag_name: input.diagnoses[0]!.name,
          },
          diseinfo: input.diagnoses.map((d, i) => ({ psn_no: stay.psnNo, diag_type: '1', maindiag_flag: i === 0 ? '1' : '0', diag_srt_no: i + 1, diag_code: d.code, diag_name: d.name })),
        },
        { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: stay.insuplcAdmdvs, context: `stay:${id}:2401` },
      );
      store.updateVisit(id, { state: 'registered', mdtrtId: r.output.result.mdtrt_id });
    } catch (e) {
      store.updateVisit(id, { state: 'cancelled' });
      throw filingRefusal(e) ?? e;
    }
    this.ctx.audit.append({ action: 'stay.admitted', operator: op.code, subject: store.visit(id)!.mdtrtId, details: { stayId: id } });
    chain.done();
    return this.stay(id);
  }

  list(includeClosed: boolean): Stay[] {
    const states = includeClosed ? undefined : (['registered', 'discharged'] as const);
    return this.ctx.store.visitsOfKind<StayParams>('inpatient', states).map((v) => this.toStay(v));
  }

  stay(stayId: number): Stay {
    return this.toStay(this.requireStay(stayId));
  }

  detail(stayId: number): { stay: Stay; lines: (LineSplit & { cancelled: boolean; settled: boolean; uploadedAt: string })[] } {
    const stay = this.stay(stayId);
    return { stay, lines: this.lineRows(stayId).map((r) => ({ ...(JSON.parse(r.split_json) as LineSplit), cancelled: r.cancelled === 1, settled: r.settled_by !== null, uploadedAt: r.uploaded_at })) };
  }

  async uploadFees(op: CounterOperator, input: { operationId?: string | undefined; stayId: number; lines: FeeLineInput[] }): Promise<{ stay: Stay; lines: LineSplit[] }> {
    const stay = this.requireOpenStay(input.stayId);
    this.refuseWhileFeesQueued(stay.id, '上传费用');
    const chain = startChain(this.ctx, 'inpatient', op, input.operationId);
    const prepared = this.prepared(stay, input.lines);
    chain.step('uploadFees', `${prepared.length}条`);
    const r = await this.ctx.hub.uploadInpatientFees(this.feeInput(stay, prepared), { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: stay.insuplcAdmdvs, context: `stay:${stay.id}:2301` });
    const splits = lineSplitsOf(prepared, r.output.result);
    this.db.transaction(() => this.insertLines(stay.id, splits))();
    this.ctx.store.updateVisit(stay.id, { params: { ...stay.params, nextSn: stay.params.nextSn + prepared.length } });
    chain.done();
    return { stay: this.stay(stay.id), lines: splits };
  }

  /**
   * Offline queue (issue 8 follow-up): a fee upload made while the hub cannot be reached goes into
   * the queue under the stay's key (uploads of one stay go in order); the line numbers are taken
   * now, and the lines appear on the stay when the hub has answered. Refused after an upload whose
   * outcome is unknown (the journal resolves that one).
   */
  queueFees(op: CounterOperator, input: { stayId: number; lines: FeeLineInput[] }): { stay: Stay; queued: QueuedWork; lineCount: number; amountFen: number } {
    const queue = this.ctx.queue;
    if (!queue) throw new AppError({ code: 'QUEUE_UNAVAILABLE', message: '离线队列不可用', hint: '请在医保中心恢复后再上传费用。' });
    const stay = this.requireOpenStay(input.stayId);
    const open = this.ctx.hub.journal.byContext(`stay:${stay.id}:2301`).find((e) => (e.state === 'pending' || e.state === 'unknown') && e.resolution === undefined);
    if (open) {
      throw new AppError({ code: 'SETTLEMENT_UPLOAD_UNKNOWN', message: '上一次费用上传结果未知，不能离线排队', hint: `请先在“交易日志/恢复”中确认报文号 ${open.msgid} 的结果，再决定是否重新上传。` });
    }
    const prepared = this.prepared(stay, input.lines);
    const amountFen = prepared.reduce((s, l) => s + l.amountFen, 0);
    const payload: QueuedCallPayload = { operator: { code: op.code, name: op.name }, infno: '2301', insuplcAdmdvs: stay.insuplcAdmdvs, input: this.feeInput(stay, prepared), ref: { stayId: stay.id, lines: prepared } };
    const no = (id: number) => queueNo(this.ctx.config().terminal.terminalId, id);
    const item = this.db
      .transaction(() => {
        const added = queue.enqueue({ kind: 'inpatient_fees', visitKey: stayKey(stay.id), payload, amountFen, operator: op.code });
        this.ctx.store.updateVisit(stay.id, { params: { ...stay.params, nextSn: stay.params.nextSn + prepared.length } });
        this.ctx.audit.append({ action: 'stay.feesQueued', operator: op.code, subject: stay.mdtrtId, details: { stayId: stay.id, queueItemId: added.id, msgid: added.msgids['2301'], lines: prepared.length, amountFen } });
        return added;
      })
      .immediate();
    return {
      stay: this.stay(stay.id),
      lineCount: prepared.length,
      amountFen,
      queued: {
        itemId: item.id,
        queueNo: no(item.id),
        message: `${prepared.length} 条费用已加入离线队列（${no(item.id)}）`,
        hint: '医保中心恢复后按顺序自动上传，上传成功后显示在费用明细中；上传完成前不能结算或出院结算。进度可在“离线队列”查看。',
      },
    };
  }

  /** Runs in the transaction that marks a queued upload done: the lines join the stay with the hub's split. */
  finishQueuedFees(p: QueuedCallPayload, result: unknown): void {
    if (!('stayId' in p.ref)) return;
    const prepared = p.ref.lines as ReturnType<InpatientFlow['prepared']>;
    this.insertLines(p.ref.stayId, lineSplitsOf(prepared, (result as { output: TxOutput<'2301'> }).output.result));
  }

  private prepared(stay: Visit<StayParams>, lines: FeeLineInput[]) {
    return prepareLines(lines, 0).map((l, i) => ({ ...l, feedetlSn: `${stay.id}-${stay.params.nextSn + i}` }));
  }

  private insertLines(stayId: number, splits: LineSplit[]): void {
    const insert = this.db.prepare('INSERT INTO settlement_stay_lines (visit_id, feedetl_sn, split_json, uploaded_at) VALUES (?, ?, ?, ?)');
    const now = new Date().toISOString();
    for (const s of splits) insert.run(stayId, s.feedetlSn, JSON.stringify(s), now);
  }

  /** Queued uploads of a stay go first: nothing else about its fees may overtake them. */
  private refuseWhileFeesQueued(stayId: number, what: string): void {
    const n = this.ctx.queue?.openCount(stayKey(stayId)) ?? 0;
    if (n > 0) {
      throw new AppError({
        code: 'SETTLEMENT_FEES_QUEUED',
        message: `该住院还有 ${n} 批费用在离线队列中等待上传，暂不能${what}`,
        hint: '医保中心恢复后会自动上传（信息科可在“离线队列”立即上传）；新的费用可继续离线排队。',
      });
    }
  }

  private feeInput(stay: Visit<StayParams>, prepared: ReturnType<InpatientFlow['prepared']>): TxInput<'2301'> {
    const at = formatInfTime(new Date());
    return {
        feedetail: prepared.map((l) => ({
          feedetl_sn: l.feedetlSn,
          mdtrt_id: stay.mdtrtId!,
          psn_no: stay.psnNo,
          med_type: stay.medType,
          fee_ocur_time: at,
          med_list_codg: l.code,
          medins_list_codg: l.localCode,
          det_item_fee_sumamt: l.amountFen,
          cnt: l.quantity,
          pric: l.unitPrice,
          bilg_dept_codg: stay.params.dept.code,
          bilg_dept_name: stay.params.dept.name,
          ...(l.hospApproved ? { hosp_appr_flag: '1' } : {}),
        })),
    };
  }

  async cancelFees(op: CounterOperator, input: { operationId?: string | undefined; stayId: number; feedetlSns?: string[] | undefined; reason: string }): Promise<Stay> {
    const stay = this.requireOpenStay(input.stayId);
    const open = this.lineRows(stay.id).filter((r) => r.cancelled === 0 && r.settled_by === null);
    const targets = input.feedetlSns ? open.filter((r) => input.feedetlSns!.includes(r.feedetl_sn)) : open;
    if (targets.length === 0) throw new AppError({ code: 'SETTLEMENT_NO_LINES', message: '没有可撤销的未结算费用', hint: '已结算的费用需先退费。' });
    const chain = startChain(this.ctx, 'inpatient', op, input.operationId);
    chain.step('cancelFees', `${targets.length}条`);
    await this.ctx.hub.cancelInpatientFees(
      { data: targets.map((t) => ({ feedetl_sn: t.feedetl_sn, mdtrt_id: stay.mdtrtId!, psn_no: stay.psnNo })) },
      { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: stay.insuplcAdmdvs, context: `stay:${stay.id}:2302` },
    );
    const mark = this.db.prepare('UPDATE settlement_stay_lines SET cancelled = 1 WHERE visit_id = ? AND feedetl_sn = ?');
    for (const t of targets) mark.run(stay.id, t.feedetl_sn);
    this.ctx.audit.append({ action: 'stay.feesCancelled', operator: op.code, subject: stay.mdtrtId, details: { count: targets.length, reason: input.reason } });
    chain.done();
    return this.stay(stay.id);
  }

  async discharge(op: CounterOperator, input: { operationId?: string | undefined; stayId: number; diagnoses: DiagnosisInput[]; way: string; dischargedAt?: string | undefined }): Promise<Stay> {
    const stay = this.requireStay(input.stayId);
    if (stay.state !== 'registered') throw stateError('只有在院患者可以办理出院');
    const chain = startChain(this.ctx, 'inpatient', op, input.operationId);
    chain.step('discharge');
    const endtime = formatInfTime(input.dischargedAt ? new Date(input.dischargedAt) : new Date());
    await this.ctx.hub.discharge(
      {
        dscginfo: { mdtrt_id: stay.mdtrtId!, psn_no: stay.psnNo, insutype: stay.insutype, endtime, dise_codg: input.diagnoses[0]!.code, dise_name: input.diagnoses[0]!.name, dscg_way: input.way, dscg_dept_codg: stay.params.dept.code, dscg_dept_name: stay.params.dept.name },
        diseinfo: input.diagnoses.map((d, i) => ({ psn_no: stay.psnNo, diag_type: '1', maindiag_flag: i === 0 ? '1' : '0', diag_srt_no: i + 1, diag_code: d.code, diag_name: d.name })),
      },
      { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: stay.insuplcAdmdvs, context: `stay:${stay.id}:2402` },
    );
    this.ctx.store.updateVisit(stay.id, { state: 'discharged', params: { ...stay.params, dischargedAt: endtime } });
    chain.done();
    return this.stay(stay.id);
  }

  async cancelDischarge(op: CounterOperator, input: { operationId?: string | undefined; stayId: number; reason: string }): Promise<Stay> {
    const stay = this.requireStay(input.stayId);
    if (stay.state !== 'discharged') throw stateError('只有已出院未结算的患者可以撤销出院');
    const chain = startChain(this.ctx, 'inpatient', op, input.operationId);
    chain.step('cancelDischarge');
    await this.ctx.hub.cancelDischarge({ data: { mdtrt_id: stay.mdtrtId!, psn_no: stay.psnNo } }, { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: stay.insuplcAdmdvs, context: `stay:${stay.id}:2405` });
    const { dischargedAt: _gone, ...rest } = stay.params;
    this.ctx.store.updateVisit(stay.id, { state: 'registered', params: rest });
    this.ctx.audit.append({ action: 'stay.dischargeCancelled', operator: op.code, subject: stay.mdtrtId, details: { reason: input.reason } });
    chain.done();
    return this.stay(stay.id);
  }

  async cancelAdmission(op: CounterOperator, input: { operationId?: string | undefined; stayId: number; reason: string }): Promise<Stay> {
    const stay = this.requireStay(input.stayId);
    if (stay.state !== 'registered') throw stateError('只有在院且未出院的患者可以撤销入院');
    if (this.lineRows(stay.id).some((r) => r.cancelled === 0)) throw stateError('请先撤销全部费用明细再撤销入院');
    const chain = startChain(this.ctx, 'inpatient', op, input.operationId);
    chain.step('cancelAdmission');
    await this.ctx.hub.cancelAdmission({ data: { mdtrt_id: stay.mdtrtId!, psn_no: stay.psnNo } }, { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: stay.insuplcAdmdvs, context: `stay:${stay.id}:2404` });
    this.ctx.store.updateVisit(stay.id, { state: 'cancelled' });
    this.ctx.audit.append({ action: 'stay.admissionCancelled', operator: op.code, subject: stay.mdtrtId, details: { reason: input.reason } });
    chain.done();
    return this.stay(stay.id);
  }

  async preSettle(op: CounterOperator, input: { operationId?: string | undefined; stayId: number; midStay: boolean; acctUsed: boolean }): Promise<PreSettlement & { stayId: number }> {
    const { stay, data, lines } = this.settleInput(input);
    const chain = startChain(this.ctx, 'inpatient', op, input.operationId);
    chain.step('preSettle');
    const r = await this.ctx.hub.preSettleInpatient({ data }, { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: stay.insuplcAdmdvs });
    assertIdentities(r.output.setlinfo, '预结算');
    chain.done();
    return { figures: figuresOf(r.output.setlinfo), funds: fundLinesOf(r.output.setldetail), lines, warnings: r.warnMsg ? [r.warnMsg] : [], remainingMs: chain.remainingMs(), stayId: stay.id };
  }

  async settle(op: CounterOperator, input: { operationId?: string | undefined; stayId: number; midStay: boolean; acctUsed: boolean }): Promise<SettleResult> {
    const { hub, store } = this.ctx;
    const { stay, data, lines } = this.settleInput(input);
    const chain = startChain(this.ctx, 'inpatient', op, input.operationId);
    const msgid = hub.msgids.next();
    const recordId = store.insertRecord({
      kind: 'inpatient',
      state: 'unknown',
      visitId: stay.id,
      journalId: undefined,
      msgid,
      setlId: '',
      mdtrtId: stay.mdtrtId!,
      psnNo: stay.psnNo,
      insutype: stay.insutype,
      insuplcAdmdvs: stay.insuplcAdmdvs,
      medType: stay.medType,
      crossProvince: stay.crossProvince,
      midStay: input.midStay,
      patient: stay.patient,
      figures: null,
      funds: [],
      lines: [],
      operator: op.code,
      operatorName: op.name,
      note: '结算中',
    });
    chain.step('settle');
    let resolved;
    try {
      resolved = await settleWithResolution<SettleOutput>({
        hub,
        chain,
        pending: this.ctx.pending,
        msgid,
        settlementId: recordId,
        call: (budget) => hub.settleInpatient({ data }, { operator: chain.operator, budget, insuplcAdmdvs: stay.insuplcAdmdvs, context: `settlement:${recordId}`, msgid }),
      });
    } catch (e) {
      store.completeRecord(recordId, { state: 'reversed', note: `未结算：${e instanceof Error ? e.message : String(e)}` });
      throw e;
    }
    const sent = lines.map((l) => ({ feedetlSn: l.feedetlSn, code: l.code, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, amountFen: l.amountFen }));
    const results = lines.map((l) => ({
      feedetl_sn: l.feedetlSn,
      det_item_fee_sumamt: l.amountFen,
      cnt: l.quantity,
      pric: l.unitPrice,
      chrgitm_lv: l.chargeClass,
      selfpay_prop: l.selfpayProp ?? undefined,
      fulamt_ownpay_amt: l.fulamtOwnpayFen,
      overlmt_amt: l.overlmtFen,
      preselfpay_amt: l.preselfpayFen,
      inscp_scp_amt: l.inscpScpFen,
    }));
    const r = await finishSettle(this.ctx, chain, { kind: 'inpatient', recordId, infno: '2304', psnNo: stay.psnNo, insuplcAdmdvs: stay.insuplcAdmdvs, sentLines: sent, uploadResults: results }, resolved);
    if (r.outcome === 'settled') {
      const mark = this.db.prepare('UPDATE settlement_stay_lines SET settled_by = ? WHERE visit_id = ? AND feedetl_sn = ?');
      for (const l of lines) mark.run(recordId, stay.id, l.feedetlSn);
      if (!input.midStay) store.updateVisit(stay.id, { state: 'settled' });
    }
    return r;
  }

  private settleInput(input: { stayId: number; midStay: boolean; acctUsed: boolean }): { stay: Visit<StayParams>; data: TxInput<'2304'>['data']; lines: LineSplit[] } {
    const stay = this.requireStay(input.stayId);
    this.refuseWhileFeesQueued(stay.id, '结算');
    if (input.midStay ? stay.state !== 'registered' : stay.state !== 'discharged') {
      throw stateError(input.midStay ? '中途结算只适用于在院患者' : '请先办理出院（2402）再结算；在院期间请选择中途结算');
    }
    const lines = this.lineRows(stay.id)
      .filter((r) => r.cancelled === 0 && r.settled_by === null)
      .map((r) => JSON.parse(r.split_json) as LineSplit);
    if (lines.length === 0) throw new AppError({ code: 'SETTLEMENT_NO_LINES', message: '没有未结算的费用明细', hint: '请先上传费用。' });
    const data: TxInput<'2304'>['data'] = {
      psn_no: stay.psnNo,
      mdtrt_cert_type: stay.patient.certType,
      mdtrt_cert_no: stay.patient.certNo,
      medfee_sumamt: lines.reduce((s, l) => s + l.amountFen, 0),
      psn_setlway: '01',
      mdtrt_id: stay.mdtrtId!,
      insutype: stay.insutype,
      acct_used_flag: input.acctUsed ? '1' : '0',
      mid_setl_flag: input.midStay ? '1' : '0',
    };
    return { stay, data, lines };
  }

  private requireStay(stayId: number): Visit<StayParams> {
    const v = this.ctx.store.visit<StayParams>(stayId);
    if (!v || v.kind !== 'inpatient') throw new AppError({ code: 'SETTLEMENT_NOT_FOUND', message: '找不到该住院记录', hint: '请刷新后重试。' });
    return v;
  }

  private requireOpenStay(stayId: number): Visit<StayParams> {
    const v = this.requireStay(stayId);
    if (v.state !== 'registered' && v.state !== 'discharged') throw stateError('该住院已结算或已撤销');
    return v;
  }

  private lineRows(stayId: number): StayLineRow[] {
    return this.db.prepare('SELECT feedetl_sn, split_json, uploaded_at, cancelled, settled_by FROM settlement_stay_lines WHERE visit_id = ? ORDER BY id').all(stayId) as StayLineRow[];
  }

  private toStay(v: Visit<StayParams>): Stay {
    const rows = this.lineRows(v.id);
    const open = rows.filter((r) => r.cancelled === 0 && r.settled_by === null);
    const states: Record<string, Stay['state']> = { registered: 'admitted', discharged: 'discharged', settled: 'settled', cancelled: 'cancelled', draft: 'cancelled' };
    return {
      stayId: v.id,
      state: states[v.state] ?? 'admitted',
      mdtrtId: v.mdtrtId ?? '',
      iptNo: v.iptOtpNo,
      medType: v.medType,
      insutype: v.insutype,
      insuredArea: v.insuplcAdmdvs,
      patientName: v.patient.name,
      idMasked: v.idMasked,
      dept: v.params.dept.name,
      bed: v.params.bed,
      admittedAt: v.params.admittedAt,
      ...(v.params.dischargedAt ? { dischargedAt: v.params.dischargedAt } : {}),
      unsettledFeesFen: open.reduce((s, r) => s + (JSON.parse(r.split_json) as LineSplit).amountFen, 0),
      uploadedLines: rows.filter((r) => r.cancelled === 0).length,
      settlementIds: this.ctx.store.recordsOfVisit(v.id).filter((r) => r.state === 'settled' || r.state === 'refunded').map((r) => r.id),
    };
  }
}

function stateError(message: string): AppError {
  return new AppError({ code: 'SETTLEMENT_STAY_STATE', message, hint: '请刷新住院列表后重试。' });
}
