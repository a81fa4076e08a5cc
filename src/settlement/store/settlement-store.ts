// Settlement records and visits in terminal.db (docs/settlement.md, "Data model"). Names, ID
// numbers and certificates are only stored sealed; lookups use the data key's lookup hashes.
import type { Figures, LineSplit, SettlementKind, SettlementRecord, SettlementState } from '@src/contract/methods/settlement-schemas';
import { maskIdNumber } from '@src/common/mask';
import type { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';
import type { FundLine } from '../figures';

/** What identifies the patient of a visit: sealed as one JSON value. */
export interface VisitPatient {
  name: string;
  idNumber: string;
  certType: string;
  certNo: string;
  cardSn?: string | undefined;
}

export type VisitState = 'draft' | 'registered' | 'presettled' | 'settling' | 'settled' | 'cancelled' | 'discharged';

export interface Visit<P = Record<string, unknown>> {
  id: number;
  kind: SettlementKind;
  state: VisitState;
  operator: string;
  psnNo: string;
  insutype: string;
  insuplcAdmdvs: string;
  crossProvince: boolean;
  medType: string;
  patient: VisitPatient;
  idMasked: string;
  mdtrtId: string | undefined;
  iptOtpNo: string;
  begntime: string;
  batch: number;
  params: P;
  lines: unknown[];
  presettle: unknown;
  createdAt: string;
}

interface VisitRow {
  id: number;
  kind: SettlementKind;
  state: VisitState;
  operator: string;
  psn_no: string;
  insutype: string;
  insuplc_admdvs: string;
  cross_province: number;
  med_type: string;
  patient_sealed: string;
  id_masked: string;
  mdtrt_id: string | null;
  ipt_otp_no: string;
  begntime: string;
  batch: number;
  params_json: string;
  lines_json: string;
  presettle_json: string | null;
  created_at: string;
}

interface RecordRow {
  id: number;
  kind: SettlementKind;
  state: SettlementState;
  visit_id: number | null;
  journal_id: number | null;
  msgid: string;
  setl_id: string;
  mdtrt_id: string;
  psn_no: string;
  insutype: string;
  insuplc_admdvs: string;
  med_type: string;
  cross_province: number;
  mid_stay: number;
  name_sealed: string;
  id_masked: string;
  figures_json: string | null;
  funds_json: string;
  lines_json: string;
  operator: string;
  operator_name: string;
  settled_at: string;
  refund_setl_id: string | null;
  refund_msgid: string | null;
  refund_at: string | null;
  refund_operator: string | null;
  refund_reason: string | null;
  refund_figures_json: string | null;
  note: string;
}

export interface NewRecord {
  kind: SettlementKind;
  state: SettlementState;
  visitId: number | undefined;
  journalId: number | undefined;
  msgid: string;
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  insutype: string;
  insuplcAdmdvs: string;
  medType: string;
  crossProvince: boolean;
  midStay: boolean;
  patient: VisitPatient;
  figures: Figures | null;
  funds: FundLine[];
  lines: LineSplit[];
  operator: string;
  operatorName: string;
  note: string;
}

export interface HistoryQuery {
  from: string;
  to: string;
  idNumber?: string | undefined;
  patientName?: string | undefined;
  setlId?: string | undefined;
  kind?: SettlementKind | undefined;
  state?: SettlementState | undefined;
  limit: number;
}

const PATIENT_CONTEXT = 'settlement:patient';
const NAME_CONTEXT = 'settlement:name';
const ID_CONTEXT = 'settlement:id';

/** China date (UTC+8) of an instant: the day a settlement belongs to. */
export function chinaDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export class SettlementStore {
  constructor(
    private readonly db: Db,
    private readonly sealed: () => SealedBox,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // ── Visits (outpatient visits, pharmacy drafts, inpatient stays) ──────────────────────────────

  createVisit(v: { kind: SettlementKind; operator: string; psnNo: string; insutype: string; insuplcAdmdvs: string; crossProvince: boolean; medType: string; patient: VisitPatient; iptOtpNo: string; begntime: string; params: unknown }): number {
    const box = this.sealed();
    const at = this.now().toISOString();
    const r = this.db
      .prepare(
        `INSERT INTO settlement_visits (kind, state, operator, created_at, updated_at, psn_no, insutype, insuplc_admdvs, cross_province, med_type, patient_sealed, id_hash, name_hash, id_masked, ipt_otp_no, begntime, params_json)
         VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.kind,
        v.operator,
        at,
        at,
        v.psnNo,
        v.insutype,
        v.insuplcAdmdvs,
        v.crossProvince ? 1 : 0,
        v.medType,
        box.sealJson(v.patient, PATIENT_CONTEXT),
        box.lookupHash(v.patient.idNumber.toUpperCase()),
        box.lookupHash(v.patient.name),
        maskIdNumber(v.patient.idNumber),
        v.iptOtpNo,
        v.begntime,
        JSON.stringify(v.params),
      );
    return Number(r.lastInsertRowid);
  }

  visit<P = Record<string, unknown>>(id: number): Visit<P> | undefined {
    const r = this.db.prepare('SELECT * FROM settlement_visits WHERE id = ?').get(id) as VisitRow | undefined;
    return r ? this.toVisit<P>(r) : undefined;
  }

  updateVisit(id: number, patch: { state?: VisitState; mdtrtId?: string; batch?: number; lines?: unknown[]; presettle?: unknown; params?: unknown; medType?: string }): void {
    const sets: string[] = ['updated_at = ?'];
    const args: unknown[] = [this.now().toISOString()];
    const put = (column: string, value: unknown): void => {
      sets.push(`${column} = ?`);
      args.push(value);
    };
    if (patch.state !== undefined) put('state', patch.state);
    if (patch.mdtrtId !== undefined) put('mdtrt_id', patch.mdtrtId);
    if (patch.batch !== undefined) put('batch', patch.batch);
    if (patch.lines !== undefined) put('lines_json', JSON.stringify(patch.lines));
    if (patch.presettle !== undefined) put('presettle_json', patch.presettle === null ? null : JSON.stringify(patch.presettle));
    if (patch.params !== undefined) put('params_json', JSON.stringify(patch.params));
    if (patch.medType !== undefined) put('med_type', patch.medType);
    this.db.prepare(`UPDATE settlement_visits SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
  }

  visitsOfKind<P = Record<string, unknown>>(kind: SettlementKind, states: readonly VisitState[] | undefined): Visit<P>[] {
    const rows = this.db.prepare('SELECT * FROM settlement_visits WHERE kind = ? ORDER BY id DESC LIMIT 500').all(kind) as VisitRow[];
    return rows.filter((r) => !states || states.includes(r.state)).map((r) => this.toVisit<P>(r));
  }

  private toVisit<P>(r: VisitRow): Visit<P> {
    return {
      id: r.id,
      kind: r.kind,
      state: r.state,
      operator: r.operator,
      psnNo: r.psn_no,
      insutype: r.insutype,
      insuplcAdmdvs: r.insuplc_admdvs,
      crossProvince: r.cross_province === 1,
      medType: r.med_type,
      patient: this.sealed().openJson<VisitPatient>(r.patient_sealed, PATIENT_CONTEXT),
      idMasked: r.id_masked,
      mdtrtId: r.mdtrt_id ?? undefined,
      iptOtpNo: r.ipt_otp_no,
      begntime: r.begntime,
      batch: r.batch,
      params: JSON.parse(r.params_json) as P,
      lines: JSON.parse(r.lines_json) as unknown[],
      presettle: r.presettle_json === null ? undefined : (JSON.parse(r.presettle_json) as unknown),
      createdAt: r.created_at,
    };
  }

  // ── Settlement records ──────────────────────────────────────────────────────────────────────

  insertRecord(n: NewRecord): number {
    const box = this.sealed();
    const at = this.now();
    const r = this.db
      .prepare(
        `INSERT INTO settlement_records (kind, state, visit_id, journal_id, msgid, setl_id, mdtrt_id, psn_no, insutype, insuplc_admdvs, med_type, cross_province, mid_stay,
           name_sealed, id_sealed, id_hash, name_hash, id_masked, figures_json, funds_json, lines_json, operator, operator_name, settled_at, settled_day, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        n.kind,
        n.state,
        n.visitId ?? null,
        n.journalId ?? null,
        n.msgid,
        n.setlId,
        n.mdtrtId,
        n.psnNo,
        n.insutype,
        n.insuplcAdmdvs,
        n.medType,
        n.crossProvince ? 1 : 0,
        n.midStay ? 1 : 0,
        box.seal(n.patient.name, NAME_CONTEXT),
        box.seal(n.patient.idNumber, ID_CONTEXT),
        box.lookupHash(n.patient.idNumber.toUpperCase()),
        box.lookupHash(n.patient.name),
        maskIdNumber(n.patient.idNumber),
        n.figures === null ? null : JSON.stringify(n.figures),
        JSON.stringify(n.funds),
        JSON.stringify(n.lines),
        n.operator,
        n.operatorName,
        at.toISOString(),
        chinaDay(at),
        n.note,
      );
    return Number(r.lastInsertRowid);
  }

  /** A settlement whose outcome became known (settled with the hub's figures, or reversed …). */
  completeRecord(id: number, patch: { state: SettlementState; setlId?: string; figures?: Figures; funds?: FundLine[]; lines?: LineSplit[]; note: string }): void {
    const sets = ['state = ?', 'note = ?'];
    const args: unknown[] = [patch.state, patch.note];
    const put = (column: string, value: unknown): void => {
      sets.push(`${column} = ?`);
      args.push(value);
    };
    if (patch.setlId !== undefined) put('setl_id', patch.setlId);
    if (patch.figures !== undefined) put('figures_json', JSON.stringify(patch.figures));
    if (patch.funds !== undefined) put('funds_json', JSON.stringify(patch.funds));
    if (patch.lines !== undefined) put('lines_json', JSON.stringify(patch.lines));
    this.db.prepare(`UPDATE settlement_records SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
  }

  /** The record's note only (e.g. a refund waiting in the offline queue); the state is unchanged. */
  setNote(id: number, note: string): void {
    this.db.prepare('UPDATE settlement_records SET note = ? WHERE id = ?').run(note, id);
  }

  recordRefund(id: number, r: { setlId: string; msgid: string; journalId: number | undefined; operator: string; reason: string; figures: Figures }): void {
    this.db
      .prepare(
        `UPDATE settlement_records SET state = 'refunded', refund_setl_id = ?, refund_msgid = ?, refund_journal_id = ?, refund_at = ?, refund_operator = ?, refund_reason = ?, refund_figures_json = ?, note = '已退费' WHERE id = ?`,
      )
      .run(r.setlId, r.msgid, r.journalId ?? null, this.now().toISOString(), r.operator, r.reason, JSON.stringify(r.figures), id);
  }

  record(id: number): SettlementRecord | undefined {
    const r = this.db.prepare('SELECT * FROM settlement_records WHERE id = ?').get(id) as RecordRow | undefined;
    return r ? this.toRecord(r) : undefined;
  }

  recordByMsgid(msgid: string): SettlementRecord | undefined {
    const r = this.db.prepare('SELECT * FROM settlement_records WHERE msgid = ?').get(msgid) as RecordRow | undefined;
    return r ? this.toRecord(r) : undefined;
  }

  recordByRefundMsgid(msgid: string): SettlementRecord | undefined {
    const r = this.db.prepare('SELECT * FROM settlement_records WHERE refund_msgid = ?').get(msgid) as RecordRow | undefined;
    return r ? this.toRecord(r) : undefined;
  }

  recordLines(id: number): LineSplit[] {
    const r = this.db.prepare('SELECT lines_json FROM settlement_records WHERE id = ?').get(id) as { lines_json: string } | undefined;
    return r ? (JSON.parse(r.lines_json) as LineSplit[]) : [];
  }

  recordsOfVisit(visitId: number): SettlementRecord[] {
    return (this.db.prepare('SELECT * FROM settlement_records WHERE visit_id = ? ORDER BY id').all(visitId) as RecordRow[]).map((r) => this.toRecord(r));
  }

  search(q: HistoryQuery): { rows: SettlementRecord[]; truncated: boolean } {
    const where = ['settled_day BETWEEN ? AND ?'];
    const args: unknown[] = [q.from, q.to];
    const box = this.sealed();
    const add = (condition: string, ...values: unknown[]): void => {
      where.push(condition);
      args.push(...values);
    };
    if (q.idNumber) add('id_hash = ?', box.lookupHash(q.idNumber.toUpperCase()));
    if (q.patientName) add('name_hash = ?', box.lookupHash(q.patientName));
    if (q.setlId) add('(setl_id = ? OR refund_setl_id = ?)', q.setlId, q.setlId);
    if (q.kind) add('kind = ?', q.kind);
    if (q.state) add('state = ?', q.state);
    const rows = this.db.prepare(`SELECT * FROM settlement_records WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`).all(...args, q.limit + 1) as RecordRow[];
    return { rows: rows.slice(0, q.limit).map((r) => this.toRecord(r)), truncated: rows.length > q.limit };
  }

  private toRecord(r: RecordRow): SettlementRecord {
    return {
      id: r.id,
      kind: r.kind,
      state: r.state,
      setlId: r.setl_id,
      msgid: r.msgid,
      mdtrtId: r.mdtrt_id,
      psnNo: r.psn_no,
      medType: r.med_type,
      insutype: r.insutype,
      insuredArea: r.insuplc_admdvs,
      crossProvince: r.cross_province === 1,
      patientName: this.sealed().open(r.name_sealed, NAME_CONTEXT),
      idMasked: r.id_masked,
      midStay: r.mid_stay === 1,
      figures: r.figures_json === null ? null : (JSON.parse(r.figures_json) as Figures),
      funds: JSON.parse(r.funds_json) as FundLine[],
      operator: r.operator,
      operatorName: r.operator_name,
      settledAt: r.settled_at,
      refund:
        r.refund_setl_id === null
          ? null
          : {
              setlId: r.refund_setl_id,
              msgid: r.refund_msgid ?? '',
              at: r.refund_at ?? '',
              operator: r.refund_operator ?? '',
              reason: r.refund_reason ?? '',
              figures: JSON.parse(r.refund_figures_json ?? 'null') as Figures,
            },
      note: r.note,
    };
  }

  /** Pharmacy: the hub names the visit (mdtrt_id) only in the 2102 answer. */
  setRecordMdtrtId(id: number, mdtrtId: string): void {
    this.db.prepare('UPDATE settlement_records SET mdtrt_id = ? WHERE id = ?').run(mdtrtId, id);
  }

  /** After an inpatient refund the stay's lines may be settled again. */
  releaseStayLines(recordId: number): void {
    this.db.prepare('UPDATE settlement_stay_lines SET settled_by = NULL WHERE settled_by = ?').run(recordId);
  }

  /** Journal id of a record's settling call. */
  journalIdOf(id: number): number | undefined {
    const r = this.db.prepare('SELECT journal_id FROM settlement_records WHERE id = ?').get(id) as { journal_id: number | null } | undefined;
    return r?.journal_id ?? undefined;
  }

  visitIdOf(id: number): number | undefined {
    const r = this.db.prepare('SELECT visit_id FROM settlement_records WHERE id = ?').get(id) as { visit_id: number | null } | undefined;
    return r?.visit_id ?? undefined;
  }

  /** Records left 'unknown' (a crash between the journal and the record). */
  unknownRecords(): SettlementRecord[] {
    return (this.db.prepare("SELECT * FROM settlement_records WHERE state = 'unknown' ORDER BY id").all() as RecordRow[]).map((r) => this.toRecord(r));
  }
}
