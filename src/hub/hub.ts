// The hub, as the rest of the terminal sees it (services.hub): one typed function per
// transaction on top of the generic client, the journal and the resolution of unknown outcomes,
// the operator sign-in, and the endpoint override for training mode. Usage: docs/hub-client.md.
import type { TerminalConfig } from '@src/contract/config';
import type { Db } from '@src/platform/db/open';
import type { CatalogFileInfno, CatalogPageInfno, EcIdentity, EcQueryRequest, Infno, PersonInfo, TxInput, TxOutput } from '@src/hub/protocol';
import { Budget } from './budget';
import type { CallOptions, CallResult } from './client/call-options';
import { HubClient, type DownloadResult, type RetryPolicy } from './client/hub-client';
import type { GatewayClock } from './gateway/gateway-auth';
import { HubJournal, type JournalSealer } from './journal/hub-journal';
import { MsgidAllocator } from './msgid/msgid-allocator';
import { msgidSlotOf } from './msgid/msgid-slot';
import { HubOutcomeResolver } from './resolution/outcome-resolver';
import type { EnvelopeSigner } from './signing/envelope-signer';
import { HubOperatorSignIn } from './sign-in/hub-operator-sign-in';
import type { HttpTransport } from './transport/http-transport';

export interface HubDeps {
  db: Db;
  config: () => TerminalConfig;
  /** Seals journal payloads: the host's data-key SealedBox (created lazily). */
  sealer: () => JournalSealer;
  transport?: HttpTransport;
  gatewayClock?: GatewayClock;
  now?: () => Date;
  retry?: RetryPolicy;
  minAttemptMs?: number;
  notAppliedGraceMs?: number;
}

type Call<K extends Infno> = (input: TxInput<K>, options?: CallOptions) => Promise<CallResult<TxOutput<K>>>;

export class Hub {
  readonly client: HubClient;
  readonly journal: HubJournal;
  readonly resolver: HubOutcomeResolver;
  readonly msgids: MsgidAllocator;
  /** For OperatorSessions.setHubSignIn (9001/9002). */
  readonly signIn: HubOperatorSignIn;

  constructor(private readonly deps: HubDeps) {
    this.journal = new HubJournal(deps.db, deps.sealer, deps.now);
    this.msgids = new MsgidAllocator({
      db: deps.db,
      fixmedinsCode: () => deps.config().institution.code,
      slot: () => msgidSlotOf(deps.config().terminal).slot,
      ...(deps.now ? { now: deps.now } : {}),
    });
    this.client = new HubClient({
      config: deps.config,
      allocator: this.msgids,
      journal: this.journal,
      ...(deps.transport ? { transport: deps.transport } : {}),
      ...(deps.gatewayClock ? { gatewayClock: deps.gatewayClock } : {}),
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.retry ? { retry: deps.retry } : {}),
      ...(deps.minAttemptMs !== undefined ? { minAttemptMs: deps.minAttemptMs } : {}),
    });
    this.resolver = new HubOutcomeResolver(this.client, this.journal, {
      ...(deps.notAppliedGraceMs !== undefined ? { notAppliedGraceMs: deps.notAppliedGraceMs } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
    this.signIn = new HubOperatorSignIn(this.client, deps.config);
  }

  // ── Plumbing ─────────────────────────────────────────────────────────────────────────────────

  /** Training mode: use the embedded training hub's URL (not stored). `undefined`: back to config.hub.url. */
  setEndpointOverride(url: string | undefined): void {
    this.client.setEndpointOverride(url);
  }

  endpoint(): string {
    return this.client.endpoint();
  }

  setEnvelopeSigner(signer: EnvelopeSigner | undefined): void {
    this.client.setEnvelopeSigner(signer);
  }

  /** A fresh budget for a whole settlement (config.timeouts.settlementBudgetMs). Pass it to each call. */
  settlementBudget(): Budget {
    return Budget.start(this.deps.config().timeouts.settlementBudgetMs);
  }

  /** Any transaction by number (the typed functions below are shorthands). */
  call<K extends Infno>(infno: K, input: TxInput<K>, options?: CallOptions): Promise<CallResult<TxOutput<K>>> {
    return this.client.call(infno, input, options);
  }

  /** Marks calls cut off by a crash as unknown; returns how many (run at start). */
  recoverJournal(): number {
    return this.journal.recoverStale();
  }

  close(): void {
    this.client.close();
  }

  // ── Person and e-voucher ─────────────────────────────────────────────────────────────────────

  /** 1101 人员信息获取. Use insuplcAdmdvsOf(output, insutype) for the later calls' insuplc_admdvs. */
  readonly personInfo: Call<'1101'> = (i, o) => this.call('1101', i, o);

  /** ec.query: 医保电子凭证 QR → identity and ecToken (then 1101 with mdtrt_cert_type 01). */
  ecQuery(request: EcQueryRequest, options?: Pick<CallOptions, 'budget'>): Promise<EcIdentity> {
    return this.client.ecQuery(request, options);
  }

  // ── Outpatient ───────────────────────────────────────────────────────────────────────────────

  /** 2201 门诊挂号 (journaled) */
  readonly register: Call<'2201'> = (i, o) => this.call('2201', i, o);
  /** 2202 挂号撤销 (journaled) */
  readonly cancelRegister: Call<'2202'> = (i, o) => this.call('2202', i, o);
  /** 2203 就诊信息上传 (journaled) */
  readonly uploadVisitInfo: Call<'2203'> = (i, o) => this.call('2203', i, o);
  /** 2204 费用明细上传 (journaled) */
  readonly uploadOutpatientFees: Call<'2204'> = (i, o) => this.call('2204', i, o);
  /** 2205 费用明细撤销 (journaled) */
  readonly cancelOutpatientFees: Call<'2205'> = (i, o) => this.call('2205', i, o);
  /** 2206 门诊预结算 (query: no side effects) */
  readonly preSettleOutpatient: Call<'2206'> = (i, o) => this.call('2206', i, o);
  /** 2207 门诊结算 (journaled; unknown → query/reverse/resend) */
  readonly settleOutpatient: Call<'2207'> = (i, o) => this.call('2207', i, o);
  /** 2208 门诊结算撤销 (journaled) */
  readonly cancelOutpatientSettlement: Call<'2208'> = (i, o) => this.call('2208', i, o);

  // ── Pharmacy ─────────────────────────────────────────────────────────────────────────────────

  /** 2101 药店预结算 (query) */
  readonly preSettlePharmacy: Call<'2101'> = (i, o) => this.call('2101', i, o);
  /** 2102 药店结算 (journaled; unknown → reverse/resend) */
  readonly settlePharmacy: Call<'2102'> = (i, o) => this.call('2102', i, o);
  /** 2103 药店结算撤销 (journaled) */
  readonly cancelPharmacySettlement: Call<'2103'> = (i, o) => this.call('2103', i, o);

  // ── Inpatient ────────────────────────────────────────────────────────────────────────────────

  /** 2401 入院办理 (journaled) */
  readonly admit: Call<'2401'> = (i, o) => this.call('2401', i, o);
  /** 2402 出院办理 (journaled) */
  readonly discharge: Call<'2402'> = (i, o) => this.call('2402', i, o);
  /** 2404 入院撤销 (journaled) */
  readonly cancelAdmission: Call<'2404'> = (i, o) => this.call('2404', i, o);
  /** 2405 出院撤销 (journaled) */
  readonly cancelDischarge: Call<'2405'> = (i, o) => this.call('2405', i, o);
  /** 2301 住院费用明细上传 (journaled) */
  readonly uploadInpatientFees: Call<'2301'> = (i, o) => this.call('2301', i, o);
  /** 2302 住院费用明细撤销 (journaled) */
  readonly cancelInpatientFees: Call<'2302'> = (i, o) => this.call('2302', i, o);
  /** 2303 住院预结算 (query) */
  readonly preSettleInpatient: Call<'2303'> = (i, o) => this.call('2303', i, o);
  /** 2304 住院结算 (journaled; unknown → query/reverse/resend) */
  readonly settleInpatient: Call<'2304'> = (i, o) => this.call('2304', i, o);
  /** 2305 住院结算撤销 (journaled) */
  readonly cancelInpatientSettlement: Call<'2305'> = (i, o) => this.call('2305', i, o);

  // ── Reversal and queries ─────────────────────────────────────────────────────────────────────

  /** 2601 冲正 (journaled, idempotent). For unknown outcomes prefer resolver.reverse(journalId). */
  readonly reverse: Call<'2601'> = (i, o) => this.call('2601', i, o);
  /** 5203 结算信息查询 */
  readonly querySettlement: Call<'5203'> = (i, o) => this.call('5203', i, o);
  /** 5301 慢特病备案查询 */
  readonly queryChronicFilings: Call<'5301'> = (i, o) => this.call('5301', i, o);
  /** 5304 转院备案查询 */
  readonly queryReferralFilings: Call<'5304'> = (i, o) => this.call('5304', i, o);

  // ── Catalogues, dictionaries, files ──────────────────────────────────────────────────────────

  /** 1301–1311, 1313–1315, 1320, 1321: prepares the catalogue file of rows newer than `ver`; then download(). */
  catalogFile(infno: CatalogFileInfno, ver: string, options?: CallOptions): Promise<CallResult<TxOutput<'1301'>>> {
    return this.call(infno, { data: { ver } }, options) as Promise<CallResult<TxOutput<'1301'>>>;
  }

  /** 1312, 1316–1319: one page of a paged catalogue query. */
  catalogPage(infno: CatalogPageInfno, input: TxInput<'1312'>, options?: CallOptions): Promise<CallResult<TxOutput<'1312'>>> {
    return this.call(infno, input, options) as Promise<CallResult<TxOutput<'1312'>>>;
  }

  /** 9102 文件下载: the zip as a stream. */
  download(input: TxInput<'9102'>, options?: CallOptions): Promise<DownloadResult> {
    return this.client.download(input, options);
  }

  /** 9101 文件上传 */
  readonly uploadFile: Call<'9101'> = (i, o) => this.call('9101', i, o);
  /** 1901 字典表查询 */
  readonly dictionary: Call<'1901'> = (i, o) => this.call('1901', i, o);

  // ── Reconciliation and clearing ──────────────────────────────────────────────────────────────

  /** 3201 对总账 */
  readonly reconcileTotals: Call<'3201'> = (i, o) => this.call('3201', i, o);
  /** 3202 对明细账 (upload the detail file with uploadFile first) */
  readonly reconcileDetails: Call<'3202'> = (i, o) => this.call('3202', i, o);
  /** 3203 清算申请 (journaled) */
  readonly applyClearing: Call<'3203'> = (i, o) => this.call('3203', i, o);
  /** 3204 清算撤销 (journaled) */
  readonly cancelClearing: Call<'3204'> = (i, o) => this.call('3204', i, o);
}

/** insuplc_admdvs for the chosen insutype, from a 1101 answer (undefined when the person has no such insurance). */
export function insuplcAdmdvsOf(person: PersonInfo, insutype: string): string | undefined {
  return person.insuinfo.find((i) => i.insutype === insutype)?.insuplc_admdvs;
}
