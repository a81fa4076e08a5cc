// 延时结算 (offline settlement): the counter keeps serving while the hub is unreachable.
//
// quote   the estimate of the split (clearly an estimate), what the hospital's rule collects now,
//         and whether the limits allow an offline settlement — past them only self-pay.
// settle  one IMMEDIATE transaction: the limits checked against what is outstanding right now, the
//         visit queued (its msgids reserved) and the offline settlement recorded with a queue
//         number for the provisional receipt. Patient data sealed.
// forward when the queue settles the visit at the hub (completion hook, in the same transaction
//         that marks the item done): the real split is recorded next to the estimate and, if what
//         was collected differs from the patient's real cash share, a 差额 (refund due or amount
//         to collect) goes on the list the cashier works through, with a receipt each.
import type { OfflinePrint, TextDocument } from './offline-printing';
import { AppError } from '@src/common/errors';
import { formatYuan, lineAmount } from '@src/common/money';
import { maskCardNumber, maskIdNumber } from '@src/common/mask';
import { formatInfTime } from '@src/hub/protocol/time';
import { immediate, type Db } from '@src/platform/db/open';
import type { OutpatientSettlementPayload, OutpatientSettlementResult, QueueOperator } from '@src/queue/queue-payloads';
import type { QueueService } from '@src/queue/queue-service';
import type { QueueItem } from '@src/queue/queue-types';
import { estimateSplit, type EstimateLine, type OfflineEstimate } from './offline-estimate';
import { checkOfflineLimits, type LimitCheck, type Outstanding } from './offline-limits';
import { DEFAULT_OFFLINE_POLICY, type AreaParams, type OfflinePolicy } from './offline-policy';
import { REIMBURSEMENT_DOCUMENTS, REIMBURSEMENT_NOTE } from './reimbursement-documents';

export interface Sealer {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

export interface OfflineLine extends EstimateLine {
  code: string;
  localCode?: string | undefined;
  name: string;
  hospApprFlag?: string | undefined;
}

export interface OfflineVisit {
  cert: { type: '02' | '03'; no: string; cardSn?: string | undefined };
  name?: string | undefined;
  insutype: '310' | '390';
  /** 参保地 when known (a social security card's region); the estimate needs it. */
  insuredArea?: string | undefined;
  lines: OfflineLine[];
  medType: string;
  diagCode: string;
  diagName: string;
  deptCode: string;
  deptName: string;
  caty: string;
  acctUsedFlag: '0' | '1';
}

export interface OfflineQuote {
  estimate: OfflineEstimate;
  collect: OfflinePolicy['collect'];
  collectNowFen: number;
  limit: LimitCheck;
  outstanding: Outstanding;
}

export interface ProvisionalReceipt {
  title: string;
  lines: string[];
}

export interface OfflineSettlementRow {
  id: number;
  queueNo: string;
  queueItemId: number;
  state: 'pending' | 'settled';
  idMasked: string;
  insutype: string;
  medfeeFen: number;
  estimateFundFen: number;
  estimatePsnFen: number;
  collect: OfflinePolicy['collect'];
  collectedFen: number;
  actualFundFen?: number | undefined;
  actualAcctFen?: number | undefined;
  actualCashFen?: number | undefined;
  setlId?: string | undefined;
  operator: string;
  createdAt: string;
  settledAt?: string | undefined;
}

export interface Difference {
  id: number;
  offlineId: number;
  queueNo: string;
  idMasked: string;
  kind: 'refund' | 'collect';
  amountFen: number;
  state: 'open' | 'closed';
  collectedFen: number;
  actualCashFen: number;
  estimatePsnFen: number;
  setlId: string;
  receiptNo?: string | undefined;
  closedBy?: string | undefined;
  closedAt?: string | undefined;
  createdAt: string;
}

export interface OfflineDeps {
  db: Db;
  queue: QueueService;
  sealer: () => Sealer;
  terminalId: () => string;
  institution: () => { name: string; level: string };
  /** The host's receipt printer (Electron); printed=false where there is none (browser shell). */
  print?: OfflinePrint | undefined;
  now?: () => Date;
}

const OFFLINE_KEY = 'offline:';

export class OfflineSettlements {
  private readonly now: () => Date;

  constructor(private readonly d: OfflineDeps) {
    this.now = d.now ?? (() => new Date());
    d.queue.onCompleted((item, result) => this.onForwarded(item, result));
  }

  /** A provisional receipt, 差额 receipt or self-pay slip on the host's receipt printer. */
  print(doc: TextDocument, o: { operator: string; copies?: number | undefined }): Promise<{ printed: boolean; printer?: string; message: string }> {
    return this.d.print ? this.d.print(doc, o) : Promise.resolve({ printed: false, message: '请使用浏览器打印' });
  }

  // ── Policy and parameters (IT admin) ─────────────────────────────────────────────────────────

  policy(): OfflinePolicy {
    const row = this.d.db.prepare('SELECT policy FROM offline_policy WHERE id = 1').get() as { policy: string } | undefined;
    return row ? { ...DEFAULT_OFFLINE_POLICY, ...(JSON.parse(row.policy) as OfflinePolicy) } : DEFAULT_OFFLINE_POLICY;
  }

  setPolicy(policy: OfflinePolicy, by: string): OfflinePolicy {
    this.d.db
      .prepare('INSERT INTO offline_policy (id, policy, updated_at, updated_by) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at, updated_by = excluded.updated_by')
      .run(JSON.stringify(policy), this.now().toISOString(), by);
    return this.policy();
  }

  areaParams(): AreaParams[] {
    const rows = this.d.db.prepare('SELECT * FROM offline_area_params ORDER BY admdvs, insutype').all() as ParamRow[];
    return rows.map(paramsOf);
  }

  paramsFor(admdvs: string | undefined, insutype: '310' | '390'): AreaParams | undefined {
    if (!admdvs) return undefined;
    const row = this.d.db.prepare('SELECT * FROM offline_area_params WHERE admdvs = ? AND insutype = ?').get(admdvs, insutype) as ParamRow | undefined;
    return row && paramsOf(row);
  }

  /** Replaces (upserts) parameters; `onlyIfMissing` keeps what IT already set (training seed at every start). */
  putAreaParams(list: readonly AreaParams[], options: { onlyIfMissing?: boolean } = {}): number {
    const sql = `INSERT INTO offline_area_params (admdvs, insutype, name, deductible_fen, ratio_l1, ratio_l2, ratio_l3, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (admdvs, insutype) DO ${options.onlyIfMissing ? 'NOTHING' : 'UPDATE SET name = excluded.name, deductible_fen = excluded.deductible_fen, ratio_l1 = excluded.ratio_l1, ratio_l2 = excluded.ratio_l2, ratio_l3 = excluded.ratio_l3, source = excluded.source'}`;
    const stmt = this.d.db.prepare(sql);
    let n = 0;
    this.d.db.transaction(() => {
      for (const p of list) n += stmt.run(p.admdvs, p.insutype, p.name, p.deductibleFen, p.ratioByLevel['1'], p.ratioByLevel['2'], p.ratioByLevel['3'], p.source).changes;
    })();
    return n;
  }

  // ── At the counter ───────────────────────────────────────────────────────────────────────────

  outstanding(): Outstanding {
    const r = this.d.db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(medfee_fen), 0) AS fen FROM offline_settlements WHERE state = 'pending'`).get() as { n: number; fen: number };
    return { count: r.n, amountFen: r.fen };
  }

  quote(visit: Pick<OfflineVisit, 'insutype' | 'insuredArea' | 'lines'>): OfflineQuote {
    const policy = this.policy();
    const estimate = estimateSplit(visit.lines, this.paramsFor(visit.insuredArea, visit.insutype), this.level());
    const outstanding = this.outstanding();
    return { estimate, collect: policy.collect, collectNowFen: policy.collect === 'full' ? estimate.medfeeFen : estimate.psnFen, limit: checkOfflineLimits(policy, estimate.medfeeFen, outstanding), outstanding };
  }

  /** Serves the visit offline: queued for the hub, recorded, provisional receipt with its queue number. */
  settle(visit: OfflineVisit, operator: QueueOperator): { settlement: OfflineSettlementRow; quote: OfflineQuote; receipt: ProvisionalReceipt } {
    if (visit.lines.length === 0) throw new AppError({ code: 'OFFLINE_NO_LINES', message: '没有收费项目', hint: '请先录入费用明细。' });
    const sealer = this.d.sealer();
    const { id, quote } = immediate(this.d.db, () => {
      const quote = this.quote(visit);
      if (!quote.limit.allowed) throw new AppError({ code: 'OFFLINE_LIMIT', message: quote.limit.reason, hint: '请按自费收费，并把报销所需材料清单交给患者（自费结算）。', data: { limit: quote.limit.limit } });
      const at = this.now();
      const payload: OutpatientSettlementPayload = {
        operator,
        cert: visit.cert,
        insutype: visit.insutype,
        begntime: formatInfTime(at),
        iptOtpNo: `LX${at.getTime().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.toUpperCase(),
        deptCode: visit.deptCode,
        deptName: visit.deptName,
        caty: visit.caty,
        medType: visit.medType,
        diagCode: visit.diagCode,
        diagName: visit.diagName,
        lines: visit.lines.map((l) => ({ code: l.code, localCode: l.localCode, price: l.price, quantity: l.quantity, amountFen: lineFen(l), hospApprFlag: l.hospApprFlag })),
        acctUsedFlag: visit.acctUsedFlag,
        chrgBchno: `LX${at.getTime().toString(36)}`.toUpperCase(),
      };
      const visitKey = `${OFFLINE_KEY}${payload.iptOtpNo}`;
      const item = this.d.queue.store.enqueue({ kind: 'outpatient_settlement', visitKey, payload, amountFen: quote.estimate.medfeeFen, operator: operator.code });
      this.d.queue.noteEnqueued(item);
      const queueNo = `LX-${this.d.terminalId()}-${String(item.id).padStart(6, '0')}`;
      const patient = sealer.seal(JSON.stringify({ cert: visit.cert, name: visit.name }), `offline:${queueNo}`);
      const r = this.d.db
        .prepare(
          `INSERT INTO offline_settlements (queue_no, queue_item_id, state, patient, id_masked, insutype, insured_area, medfee_fen, estimate_fund_fen, estimate_psn_fen, collect_rule, collected_fen, operator, created_at)
           VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(queueNo, item.id, patient, masked(visit.cert), visit.insutype, visit.insuredArea ?? null, quote.estimate.medfeeFen, quote.estimate.fundFen, quote.estimate.psnFen, quote.collect, quote.collectNowFen, operator.code, at.toISOString());
      return { id: Number(r.lastInsertRowid), quote };
    });
    this.d.queue.refreshStatus();
    const settlement = this.get(id);
    return { settlement, quote, receipt: this.provisionalReceipt(settlement, visit, quote) };
  }

  /** Self-pay: the bill and the documents the patient needs to claim at home. Nothing is queued. */
  selfPay(visit: Pick<OfflineVisit, 'lines'>, reason: string): { totalFen: number; documents: readonly string[]; note: string; receipt: ProvisionalReceipt } {
    const total = visit.lines.reduce((s, l) => s + lineFen(l), 0);
    const inst = this.d.institution();
    return {
      totalFen: total,
      documents: REIMBURSEMENT_DOCUMENTS,
      note: REIMBURSEMENT_NOTE,
      receipt: {
        title: `${inst.name} 自费结算说明`,
        lines: [
          `时间：${formatInfTime(this.now())}`,
          `未能医保直接结算的原因：${reason}`,
          ...visit.lines.map((l) => `${l.name}  ${formatYuan(lineFen(l))}`),
          `合计（自费）：${formatYuan(total)} 元`,
          '回参保地报销请携带：',
          ...REIMBURSEMENT_DOCUMENTS.map((d, i) => `${i + 1}. ${d}`),
          REIMBURSEMENT_NOTE,
        ],
      },
    };
  }

  get(id: number): OfflineSettlementRow {
    const row = this.d.db.prepare('SELECT * FROM offline_settlements WHERE id = ?').get(id) as SettlementRow | undefined;
    if (!row) throw new AppError({ code: 'OFFLINE_NOT_FOUND', message: `没有这笔延时结算（${id}）`, hint: '刷新列表后重试。' });
    return rowOf(row);
  }

  list(filter: { state?: 'pending' | 'settled' | undefined; limit?: number | undefined } = {}): OfflineSettlementRow[] {
    const rows = this.d.db.prepare('SELECT * FROM offline_settlements WHERE (@s IS NULL OR state = @s) ORDER BY id DESC LIMIT @l').all({ s: filter.state ?? null, l: filter.limit ?? 200 }) as SettlementRow[];
    return rows.map(rowOf);
  }

  // ── 差额 list ─────────────────────────────────────────────────────────────────────────────────

  differences(filter: { state?: 'open' | 'closed' | undefined } = {}): Difference[] {
    const rows = this.d.db
      .prepare(
        `SELECT d.*, s.queue_no, s.id_masked, s.collected_fen, s.actual_cash_fen, s.estimate_psn_fen, s.setl_id
         FROM offline_differences d JOIN offline_settlements s ON s.id = d.offline_id WHERE (@s IS NULL OR d.state = @s) ORDER BY d.id`,
      )
      .all({ s: filter.state ?? null }) as DifferenceRow[];
    return rows.map(differenceOf);
  }

  /** The cashier refunded or collected the difference: closed, with a receipt. */
  closeDifference(id: number, by: string): { difference: Difference; receipt: ProvisionalReceipt } {
    const at = this.now().toISOString();
    const receiptNo = `CE-${this.d.terminalId()}-${String(id).padStart(6, '0')}`;
    const r = this.d.db.prepare(`UPDATE offline_differences SET state = 'closed', closed_by = ?, closed_at = ?, receipt_no = ? WHERE id = ? AND state = 'open'`).run(by, at, receiptNo, id);
    const difference = this.differences({}).find((d) => d.id === id);
    if (!difference) throw new AppError({ code: 'OFFLINE_DIFFERENCE_NOT_FOUND', message: `差额列表中没有第 ${id} 项`, hint: '刷新列表后重试。' });
    if (r.changes === 0) throw new AppError({ code: 'OFFLINE_DIFFERENCE_CLOSED', message: `第 ${id} 项差额已经处理过（${difference.receiptNo ?? ''}）`, hint: '刷新列表查看当前状态。' });
    const inst = this.d.institution();
    return {
      difference,
      receipt: {
        title: `${inst.name} 延时结算差额${difference.kind === 'refund' ? '退款' : '补收'}凭证`,
        lines: [
          `凭证号：${receiptNo}`,
          `延时结算号：${difference.queueNo}`,
          `医保结算ID：${difference.setlId}`,
          `患者：${difference.idMasked}`,
          `当时预收：${formatYuan(difference.collectedFen)} 元`,
          `医保结算后个人现金应付：${formatYuan(difference.actualCashFen)} 元`,
          `${difference.kind === 'refund' ? '退还患者' : '向患者补收'}：${formatYuan(difference.amountFen)} 元`,
          `经办人：${by}  时间：${formatInfTime(new Date(at))}`,
        ],
      },
    };
  }

  // ── Forwarded (queue completion hook, inside the queue's transaction) ────────────────────────

  private onForwarded(item: QueueItem, result: unknown): void {
    if (item.kind !== 'outpatient_settlement' || !item.visitKey.startsWith(OFFLINE_KEY)) return;
    const row = this.d.db.prepare('SELECT * FROM offline_settlements WHERE queue_item_id = ?').get(item.id) as SettlementRow | undefined;
    if (!row || row.state !== 'pending') return;
    const r = result as OutpatientSettlementResult;
    const at = this.now().toISOString();
    this.d.db
      .prepare(`UPDATE offline_settlements SET state = 'settled', actual_fund_fen = ?, actual_acct_fen = ?, actual_cash_fen = ?, setl_id = ?, settled_at = ? WHERE id = ?`)
      .run(r.fundPaySumamt, r.acctPay, r.psnCashPay, r.setlId, at, row.id);
    const diff = row.collected_fen - r.psnCashPay;
    if (diff !== 0) {
      this.d.db.prepare(`INSERT INTO offline_differences (offline_id, kind, amount_fen, state, created_at) VALUES (?, ?, ?, 'open', ?)`).run(row.id, diff > 0 ? 'refund' : 'collect', Math.abs(diff), at);
    }
  }

  private provisionalReceipt(s: OfflineSettlementRow, visit: OfflineVisit, quote: OfflineQuote): ProvisionalReceipt {
    const inst = this.d.institution();
    return {
      title: `${inst.name} 延时结算临时收据`,
      lines: [
        `延时结算号：${s.queueNo}`,
        `患者：${s.idMasked}  险种：${visit.insutype === '310' ? '职工医保' : '居民医保'}`,
        `时间：${formatInfTime(new Date(s.createdAt))}  经办人：${s.operator}`,
        ...visit.lines.map((l) => `${l.name}  ${formatYuan(lineFen(l))}`),
        `医疗费用总额：${formatYuan(quote.estimate.medfeeFen)} 元`,
        `【估算】统筹基金支付约：${formatYuan(quote.estimate.fundFen)} 元  个人负担约：${formatYuan(quote.estimate.psnFen)} 元`,
        `本次预收：${formatYuan(quote.collectNowFen)} 元（${quote.collect === 'full' ? '全额预收' : '按估算个人负担预收'}）`,
        '医保中心暂时无法连接，本次费用将在恢复后上传结算；',
        '多退少补：结算后如有差额，凭本收据到收费处办理。',
      ],
    };
  }

  private level(): '1' | '2' | '3' {
    const l = this.d.institution().level;
    return l === '1' || l === '2' ? l : '3';
  }
}

function lineFen(l: { price: number; quantity: number }): number {
  return lineAmount(l.price, l.quantity);
}

function masked(cert: OfflineVisit['cert']): string {
  return cert.type === '02' ? maskIdNumber(cert.no) : maskCardNumber(cert.no);
}

interface ParamRow {
  admdvs: string;
  insutype: '310' | '390';
  name: string;
  deductible_fen: number;
  ratio_l1: number;
  ratio_l2: number;
  ratio_l3: number;
  source: string;
}

function paramsOf(r: ParamRow): AreaParams {
  return { admdvs: r.admdvs, insutype: r.insutype, name: r.name, deductibleFen: r.deductible_fen, ratioByLevel: { '1': r.ratio_l1, '2': r.ratio_l2, '3': r.ratio_l3 }, source: r.source };
}

interface SettlementRow {
  id: number;
  queue_no: string;
  queue_item_id: number;
  state: 'pending' | 'settled';
  id_masked: string;
  insutype: string;
  medfee_fen: number;
  estimate_fund_fen: number;
  estimate_psn_fen: number;
  collect_rule: OfflinePolicy['collect'];
  collected_fen: number;
  actual_fund_fen: number | null;
  actual_acct_fen: number | null;
  actual_cash_fen: number | null;
  setl_id: string | null;
  operator: string;
  created_at: string;
  settled_at: string | null;
}

const u = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function rowOf(r: SettlementRow): OfflineSettlementRow {
  return {
    id: r.id,
    queueNo: r.queue_no,
    queueItemId: r.queue_item_id,
    state: r.state,
    idMasked: r.id_masked,
    insutype: r.insutype,
    medfeeFen: r.medfee_fen,
    estimateFundFen: r.estimate_fund_fen,
    estimatePsnFen: r.estimate_psn_fen,
    collect: r.collect_rule,
    collectedFen: r.collected_fen,
    actualFundFen: u(r.actual_fund_fen),
    actualAcctFen: u(r.actual_acct_fen),
    actualCashFen: u(r.actual_cash_fen),
    setlId: u(r.setl_id),
    operator: r.operator,
    createdAt: r.created_at,
    settledAt: u(r.settled_at),
  };
}

interface DifferenceRow {
  id: number;
  offline_id: number;
  kind: 'refund' | 'collect';
  amount_fen: number;
  state: 'open' | 'closed';
  receipt_no: string | null;
  closed_by: string | null;
  closed_at: string | null;
  created_at: string;
  queue_no: string;
  id_masked: string;
  collected_fen: number;
  actual_cash_fen: number;
  estimate_psn_fen: number;
  setl_id: string;
}

function differenceOf(r: DifferenceRow): Difference {
  return {
    id: r.id,
    offlineId: r.offline_id,
    queueNo: r.queue_no,
    idMasked: r.id_masked,
    kind: r.kind,
    amountFen: r.amount_fen,
    state: r.state,
    collectedFen: r.collected_fen,
    actualCashFen: r.actual_cash_fen,
    estimatePsnFen: r.estimate_psn_fen,
    setlId: r.setl_id,
    receiptNo: u(r.receipt_no),
    closedBy: u(r.closed_by),
    closedAt: u(r.closed_at),
    createdAt: r.created_at,
  };
}
