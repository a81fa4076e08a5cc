// The hub client: one generic `call(infno, input, options)` that builds the envelope exactly as
// the interface defines it, signs it for the gateway, sends it within the deadline budget,
// journals calls with side effects before they leave, and turns every failure into a typed
// HubError. Typed per-transaction functions sit on top of it (hub-api.ts).
//
// Retries: queries (no side effects) are retried with exponential backoff while the budget
// allows, each attempt with a new msgid; calls with side effects are sent once — an unknown
// outcome is resolved explicitly (HubOutcomeResolver), never by sending blindly again.
import { createHash } from 'node:crypto';
import { parse as parseLossless } from 'lossless-json';
import { AppError } from '@src/common/errors';
import type { TerminalConfig } from '@src/contract/config';
import { logger } from '@src/platform/logger';
import {
  CALL_SERVICE_PATH,
  canonicalJson,
  decodeEcResponse,
  decodeResponse,
  describeIssues,
  EC_QUERY_PATH,
  EcQueryRequestSchema,
  EcQueryResponseSchema,
  encodeEcRequest,
  encodeInput,
  formatInfTime,
  RequestHeaderSchema,
  stringifyWire,
  transactions,
  WireEncodeError,
  type EcIdentity,
  type EcQueryRequest,
  type Infno,
  type TransactionSpec,
  type TxInput,
  type TxOutput,
} from '@src/hub/protocol';
import { Budget } from '../budget';
import { HubBudgetExhaustedError, HubBusinessError, HubConnectionLostError, HubError, HubNetworkError, HubProtocolError, HubTimeoutError, type HubErrorContext } from '../errors';
import { gatewayHeaders, systemGatewayClock, type GatewayClock } from '../gateway/gateway-auth';
import type { HubJournal } from '../journal/hub-journal';
import type { MsgidAllocator } from '../msgid/msgid-allocator';
import { staticSigner, type EnvelopeSigner } from '../signing/envelope-signer';
import { HttpTransport, TransportFailure, type StreamAnswer } from '../transport/http-transport';
import type { CallObservation, CallOptions, CallResult, HubOperator } from './call-options';
import { journalKeysOf, mentionsPerson } from './wire-keys';

const log = logger('hub');

export interface RetryPolicy {
  /** Attempts for a query, the first included. */
  maxAttempts: number;
  /** First backoff delay; doubled each retry, ±20 % jitter. */
  baseDelayMs: number;
}

export interface HubClientOptions {
  config: () => TerminalConfig;
  allocator: MsgidAllocator;
  journal: HubJournal;
  transport?: HttpTransport;
  gatewayClock?: GatewayClock;
  now?: () => Date;
  retry?: RetryPolicy;
  /** An attempt is not started with less budget than this (ms): it could not finish anyway. */
  minAttemptMs?: number;
  /** 9102: the body may stall this long between chunks (ms). */
  downloadIdleMs?: number;
}

/** What a file download (9102) gives back. */
export interface DownloadResult {
  /** The file (zip bytes). Errors while reading are TransportFailure (timeout/connection_lost). */
  stream: StreamAnswer['stream'];
  msgid: string;
  /** Content-Length if the hub sent one. */
  bytes?: number | undefined;
  latencyMs: number;
}

/** ec.query is not an envelope transaction; this describes it for retries, errors and the monitor. */
const EC_QUERY_SPEC: TransactionSpec = {
  infno: 'ec.query',
  name: '电子凭证解码',
  kind: 'query',
  reversible: false,
  queryable: false,
  binaryOutput: false,
  input: EcQueryRequestSchema,
  output: EcQueryResponseSchema,
};

/** Extra time after a call's own timeout before a still-pending journal entry counts as cut off. */
const JOURNAL_GRACE_MS = 2000;

export class HubClient {
  private readonly transport: HttpTransport;
  private readonly gatewayClock: GatewayClock;
  private readonly now: () => Date;
  private readonly retry: RetryPolicy;
  private readonly minAttemptMs: number;
  private readonly downloadIdleMs: number;
  private endpointOverride: string | undefined;
  private signer: EnvelopeSigner;
  private readonly signNos = new Map<string, string>();
  private readonly observers = new Set<(o: CallObservation) => void>();

  constructor(private readonly options: HubClientOptions) {
    this.transport = options.transport ?? new HttpTransport();
    this.gatewayClock = options.gatewayClock ?? systemGatewayClock;
    this.now = options.now ?? (() => new Date());
    this.retry = options.retry ?? { maxAttempts: 3, baseDelayMs: 150 };
    this.minAttemptMs = options.minAttemptMs ?? 250;
    this.downloadIdleMs = options.downloadIdleMs ?? 30_000;
    this.signer = this.defaultSigner();
  }

  // ── Endpoint, signing, sign-in numbers ───────────────────────────────────────────────────────

  /**
   * Points the client at a runtime URL without storing it (training mode: the embedded training
   * hub's http://127.0.0.1:<port>). A bare origin gets the callService path. `undefined` returns
   * to config.hub.url.
   */
  setEndpointOverride(url: string | undefined): void {
    if (url === undefined) {
      this.endpointOverride = undefined;
      return;
    }
    const u = new URL(url);
    if (u.pathname === '/' || u.pathname === '') u.pathname = CALL_SERVICE_PATH;
    this.endpointOverride = u.toString();
    log.info({ endpoint: this.endpointOverride }, 'hub endpoint overridden');
  }

  /** The callService URL in use. */
  endpoint(): string {
    return this.endpointOverride ?? this.options.config().hub.url;
  }

  /** The ec.query URL in use: config.hub.ecUrl, else the endpoint's origin + the EC path. */
  ecEndpoint(): string {
    const configured = this.options.config().hub.ecUrl;
    if (configured && !this.endpointOverride) return configured;
    return new URL(EC_QUERY_PATH, this.endpoint()).toString();
  }

  /** Replaces the envelope signer (SM2/SM3 regions); `undefined` returns to config.hub.signtype/cainfo. */
  setEnvelopeSigner(signer: EnvelopeSigner | undefined): void {
    this.signer = signer ?? this.defaultSigner();
  }

  /** Remembers an operator's sign_no (9001), used in that operator's later envelopes. */
  rememberSignIn(operatorCode: string, signNo: string): void {
    this.signNos.set(operatorCode, signNo);
  }

  /** Forgets it (9002); only if it is still the one given, when given. */
  forgetSignIn(operatorCode: string, signNo?: string): void {
    if (signNo === undefined || this.signNos.get(operatorCode) === signNo) this.signNos.delete(operatorCode);
  }

  signNoOf(operatorCode: string): string | undefined {
    return this.signNos.get(operatorCode);
  }

  /** Every attempt's outcome (the hub monitor listens). */
  onObservation(listener: (o: CallObservation) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  /** Reachability probe without side effects (TCP/TLS connect to the endpoint). Resolves with ms. */
  probe(timeoutMs: number): Promise<number> {
    return this.transport.probe(this.endpoint(), timeoutMs);
  }

  close(): void {
    this.transport.close();
  }

  // ── Calls ────────────────────────────────────────────────────────────────────────────────────

  /** Calls one transaction. Resolves with its decoded output; rejects with a HubError (or AppError HUB_BAD_INPUT). */
  async call<K extends Infno>(infno: K, input: TxInput<K>, options: CallOptions = {}): Promise<CallResult<TxOutput<K>>> {
    const spec = transactions[infno] as unknown as TransactionSpec;
    if (spec.binaryOutput) throw new TypeError(`${infno} answers a file: use download()`);
    const budget = options.budget ?? Budget.start(this.options.config().timeouts.callTimeoutMs);
    const wireInput = this.encodeInputOrThrow(infno, input);
    this.checkInsuplc(spec, wireInput, options);
    if (spec.kind === 'effect') return (await this.callJournaled(spec, wireInput, budget, options)) as CallResult<TxOutput<K>>;
    return this.withRetries(spec, budget, (timeoutMs, attempt) => this.sendOnce(spec, wireInput, timeoutMs, options, attempt, budget)) as Promise<CallResult<TxOutput<K>>>;
  }

  /** 9102: downloads a file (catalogue zip, 3202 result). The stream is the file's bytes. */
  async download(input: TxInput<'9102'>, options: CallOptions = {}): Promise<DownloadResult> {
    const spec = transactions['9102'] as unknown as TransactionSpec;
    const budget = options.budget ?? Budget.start(this.options.config().timeouts.callTimeoutMs);
    const wireInput = this.encodeInputOrThrow('9102', input);
    return this.withRetries(spec, budget, async (timeoutMs) => {
      const msgid = this.options.allocator.next();
      const ctx = this.context(spec, msgid);
      const body = stringifyWire(this.envelope(spec.infno, msgid, wireInput, options));
      let answer: StreamAnswer;
      try {
        answer = await this.transport.postForStream({ url: this.endpoint(), body, headers: this.authHeaders(), timeoutMs, idleTimeoutMs: this.downloadIdleMs });
      } catch (e) {
        throw this.observeFailure(spec, this.transportError(e, ctx, timeoutMs));
      }
      const type = String(answer.headers['content-type'] ?? '');
      if (answer.status === 200 && !/json/i.test(type)) {
        this.observe({ infno: spec.infno, answered: true, latencyMs: answer.latencyMs });
        const length = Number(answer.headers['content-length']);
        return { stream: answer.stream, msgid, bytes: Number.isFinite(length) ? length : undefined, latencyMs: answer.latencyMs };
      }
      // An envelope instead of a file: a refusal (or garbage).
      const text = await readAll(answer.stream).catch((e: unknown) => {
        throw this.observeFailure(spec, this.transportError(e, ctx, timeoutMs));
      });
      if (answer.status !== 200) throw this.observeFailure(spec, new HubProtocolError({ ...ctx, detail: `HTTP ${answer.status}` }, { httpStatus: answer.status, stage: 'http' }));
      const decoded = decodeResponse('9102', text);
      this.observe({ infno: spec.infno, answered: decoded.kind !== 'malformed', latencyMs: answer.latencyMs });
      if (decoded.kind === 'failure') throw new HubBusinessError(ctx, decoded.header.infcode, decoded.header.err_msg);
      throw new HubProtocolError({ ...ctx, detail: decoded.kind === 'malformed' ? decoded.detail : 'JSON answer where a file was expected' }, { stage: 'file' });
    });
  }

  /** ec.query: decodes a 医保电子凭证 QR code into the patient's identity and ecToken. */
  async ecQuery(request: EcQueryRequest, options: Pick<CallOptions, 'budget'> = {}): Promise<EcIdentity> {
    const spec = EC_QUERY_SPEC;
    const budget = options.budget ?? Budget.start(this.options.config().timeouts.callTimeoutMs);
    let body: string;
    try {
      body = encodeEcRequest(request);
    } catch (e) {
      throw badInput('ec.query', e);
    }
    const result = await this.withRetries(spec, budget, async (timeoutMs) => {
      const ctx = this.context(spec, undefined);
      const answer = await this.transport.post({ url: this.ecEndpoint(), body, headers: this.authHeaders(), timeoutMs }).catch((e: unknown) => {
        throw this.observeFailure(spec, this.transportError(e, ctx, timeoutMs));
      });
      if (answer.status !== 200) throw this.observeFailure(spec, new HubProtocolError({ ...ctx, detail: `HTTP ${answer.status}` }, { httpStatus: answer.status, stage: 'http' }));
      const decoded = decodeEcResponse(answer.body.toString('utf8'));
      if (!decoded.ok) throw this.observeFailure(spec, new HubProtocolError({ ...ctx, detail: decoded.detail }, { stage: decoded.stage }));
      this.observe({ infno: spec.infno, answered: true, latencyMs: answer.latencyMs });
      const { code, message, data } = decoded.response;
      if (code !== 0) throw new HubBusinessError(ctx, code, message);
      if (!data) throw new HubProtocolError({ ...ctx, detail: 'code 0 without data' }, { stage: 'shape' });
      return data;
    });
    return result;
  }

  /**
   * Sends a journaled request again, byte for byte, with its original msgid (the hub must answer
   * a repeated msgid with the first answer and never apply it twice). With `operator`, the
   * envelope's opter/opter_name/sign_no are refreshed (a sign_no from an earlier day may be
   * refused). Used by HubOutcomeResolver.
   */
  async resend(journalId: number, options: Pick<CallOptions, 'budget' | 'operator'> = {}): Promise<CallResult<unknown>> {
    const entry = this.options.journal.get(journalId);
    if (!entry) throw new RangeError(`no journal entry ${journalId}`);
    const spec = transactions[entry.infno as Infno] as unknown as TransactionSpec | undefined;
    if (!spec) throw new RangeError(`journal entry ${journalId} has unknown infno ${entry.infno}`);
    let body = this.options.journal.requestBody(journalId);
    if (options.operator) {
      const envelope = parseLossless(body) as Record<string, unknown>;
      envelope.opter = options.operator.code;
      envelope.opter_name = options.operator.name;
      envelope.sign_no = options.operator.signNo ?? this.signNos.get(options.operator.code) ?? envelope.sign_no;
      body = stringifyWire(envelope);
    }
    const budget = options.budget ?? Budget.start(this.options.config().timeouts.callTimeoutMs);
    const remaining = budget.remainingMs();
    const ctx = this.context(spec, entry.msgid, journalId);
    if (remaining < this.minAttemptMs) throw new HubBudgetExhaustedError(ctx, remaining);
    const timeoutMs = Math.min(remaining, this.options.config().timeouts.callTimeoutMs);
    this.options.journal.beginResend(journalId, new Date(this.now().getTime() + timeoutMs + JOURNAL_GRACE_MS));
    return this.exchangeJournaled(spec, entry.msgid, body, journalId, timeoutMs, budget, { resend: true });
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────────

  private async callJournaled(spec: TransactionSpec, wireInput: unknown, budget: Budget, options: CallOptions): Promise<CallResult<unknown>> {
    const remaining = budget.remainingMs();
    if (remaining < this.minAttemptMs) throw new HubBudgetExhaustedError(this.context(spec, undefined), remaining);
    // A msgid reserved by the offline queue when the item was created (same request on every retry).
    const msgid = options.msgid ?? this.options.allocator.next();
    const envelope = this.envelope(spec.infno, msgid, wireInput, options);
    const body = stringifyWire(envelope);
    const timeoutMs = Math.min(remaining, this.options.config().timeouts.callTimeoutMs);
    // Rule 2: durable before the request leaves.
    const journalId = this.options.journal.begin({
      msgid,
      infno: spec.infno,
      context: options.context,
      inputDigest: createHash('sha256').update(canonicalJson(wireInput)).digest('hex'),
      requestBody: body,
      ...journalKeysOf(wireInput),
      insuplcAdmdvs: options.insuplcAdmdvs,
      operator: options.operator?.code,
      deadlineAt: new Date(this.now().getTime() + timeoutMs + JOURNAL_GRACE_MS),
    });
    return this.exchangeJournaled(spec, msgid, body, journalId, timeoutMs, budget, { resend: false });
  }

  /** Sends a journaled request and records its outcome, whatever happens. */
  private async exchangeJournaled(spec: TransactionSpec, msgid: string, body: string, journalId: number, timeoutMs: number, budget: Budget, mode: { resend: boolean }): Promise<CallResult<unknown>> {
    const journal = this.options.journal;
    const ctx = this.context(spec, msgid, journalId);
    try {
      const result = await this.exchange(spec, ctx, body, timeoutMs, budget, 1);
      journal.recordOutcome(journalId, { state: 'ok', infRefmsgid: result.infRefmsgid, responseBody: result.responseBody });
      return result.call;
    } catch (e) {
      if (!(e instanceof HubError)) {
        journal.recordOutcome(journalId, { state: 'unknown', failure: `unexpected: ${(e as Error).message}` });
        throw e;
      }
      if (e.outcome === 'not_sent') journal.recordOutcome(journalId, { state: 'not_sent', failure: e.detail ?? e.code });
      else if (e.outcome === 'rejected' && !mode.resend) {
        journal.recordOutcome(journalId, {
          state: 'rejected',
          infcode: e instanceof HubBusinessError ? e.infcode : undefined,
          errMsg: e instanceof HubBusinessError ? e.errMsg : undefined,
          failure: e instanceof HubBusinessError ? undefined : (e.detail ?? e.code),
        });
      } else {
        // A refusal of a *resent* msgid may mean "duplicate msgid" (the first one went through):
        // it does not settle the question, so the entry stays unknown.
        journal.recordOutcome(journalId, { state: 'unknown', failure: mode.resend && e.outcome === 'rejected' ? `resend refused: ${e.message}` : (e.detail ?? e.code) });
      }
      throw e;
    }
  }

  /** One attempt of a query (not journaled). */
  private async sendOnce(spec: TransactionSpec, wireInput: unknown, timeoutMs: number, options: CallOptions, attempt: number, budget: Budget): Promise<CallResult<unknown>> {
    const msgid = this.options.allocator.next();
    const body = stringifyWire(this.envelope(spec.infno, msgid, wireInput, options));
    const result = await this.exchange(spec, this.context(spec, msgid), body, timeoutMs, budget, attempt);
    return result.call;
  }

  /** POST, then decode: the one place where answers become outputs or typed errors. */
  private async exchange(spec: TransactionSpec, ctx: HubErrorContext, body: string, timeoutMs: number, budget: Budget, attempt: number): Promise<{ call: CallResult<unknown>; infRefmsgid: string; responseBody: string }> {
    let answer;
    try {
      answer = await this.transport.post({ url: this.endpoint(), body, headers: this.authHeaders(), timeoutMs });
    } catch (e) {
      throw this.observeFailure(spec, this.transportError(e, ctx, timeoutMs));
    }
    const text = answer.body.toString('utf8');
    if (answer.status !== 200) {
      const err = new HubProtocolError({ ...ctx, detail: `HTTP ${answer.status}` }, { httpStatus: answer.status, stage: 'http' });
      throw this.observeFailure(spec, err, answer.status < 500);
    }
    const decoded = decodeResponse(spec.infno as Infno, text);
    if (decoded.kind === 'malformed') {
      throw this.observeFailure(spec, new HubProtocolError({ ...ctx, detail: `${decoded.stage}: ${decoded.detail}` }, { stage: decoded.stage }), true);
    }
    this.observe({ infno: spec.infno, answered: true, latencyMs: answer.latencyMs });
    if (decoded.kind === 'failure') {
      log.info({ infno: spec.infno, msgid: ctx.msgid, infcode: decoded.header.infcode }, 'hub refused');
      throw new HubBusinessError({ ...ctx, detail: `infcode ${decoded.header.infcode}` }, decoded.header.infcode, decoded.header.err_msg);
    }
    const infRefmsgid = decoded.header.inf_refmsgid as string;
    log.debug({ infno: spec.infno, msgid: ctx.msgid, ms: Math.round(answer.latencyMs) }, 'hub answered');
    return {
      call: {
        output: decoded.output,
        msgid: ctx.msgid as string,
        infRefmsgid,
        warnMsg: decoded.header.warn_msg,
        latencyMs: answer.latencyMs,
        attempts: attempt,
        journalId: ctx.journalId,
        remainingMs: budget.remainingMs(),
      },
      infRefmsgid,
      responseBody: text,
    };
  }

  private async withRetries<T>(spec: TransactionSpec, budget: Budget, attemptFn: (timeoutMs: number, attempt: number) => Promise<T>): Promise<T> {
    const maxAttempts = spec.kind === 'query' ? this.retry.maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      const remaining = budget.remainingMs();
      if (remaining < this.minAttemptMs) throw new HubBudgetExhaustedError(this.context(spec, undefined), remaining);
      const timeoutMs = Math.min(remaining, this.options.config().timeouts.callTimeoutMs);
      try {
        return await attemptFn(timeoutMs, attempt);
      } catch (e) {
        if (attempt >= maxAttempts || !retryable(e)) throw e;
        const delay = Math.round(this.retry.baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4));
        if (budget.remainingMs() - delay < this.minAttemptMs) throw e;
        log.info({ infno: spec.infno, attempt, delay, code: (e as HubError).code }, 'retrying query');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  /** The envelope in spec order, signed. */
  private envelope(infno: string, msgid: string, wireInput: unknown, options: CallOptions): Record<string, unknown> {
    const c = this.options.config();
    const op: HubOperator | undefined = options.operator;
    const header = {
      infno,
      msgid,
      mdtrtarea_admvs: c.mdtrtareaAdmvs,
      insuplc_admdvs: options.insuplcAdmdvs ?? '',
      recer_sys_code: c.hub.recerSysCode,
      dev_no: c.terminal.devNo,
      dev_safe_info: '',
      cainfo: '',
      signtype: '',
      infver: c.hub.infver,
      opter_type: '1' as const,
      opter: op?.code ?? c.terminal.terminalId,
      opter_name: op?.name ?? `终端${c.terminal.terminalId}`,
      inf_time: formatInfTime(this.now()),
      fixmedins_code: c.institution.code,
      fixmedins_name: c.institution.name,
      sign_no: op ? (op.signNo ?? this.signNos.get(op.code) ?? '') : '',
    };
    const checked = RequestHeaderSchema.safeParse(header);
    if (!checked.success) throw badInput(infno, new WireEncodeError(`envelope of ${infno}`, describeIssues(checked.error)));
    const envelope: Record<string, unknown> = { ...header, input: wireInput };
    const signature = this.signer.sign(envelope);
    envelope.signtype = signature.signtype;
    envelope.cainfo = signature.cainfo;
    return envelope;
  }

  private encodeInputOrThrow<K extends Infno>(infno: K, input: TxInput<K>): unknown {
    try {
      return encodeInput(infno, input);
    } catch (e) {
      throw badInput(infno, e);
    }
  }

  private checkInsuplc(spec: TransactionSpec, wireInput: unknown, options: CallOptions): void {
    if (spec.kind === 'session' || options.insuplcAdmdvs || !mentionsPerson(wireInput)) return;
    throw new AppError({
      code: 'HUB_INSUPLC_REQUIRED',
      message: `${spec.name}缺少参保地医保区划`,
      hint: '请先读取人员信息（1101），按所选险种取参保地医保区划后再办理。',
      detail: `insuplc_admdvs is required for ${spec.infno} because the input names a psn_no`,
    });
  }

  private authHeaders(): Record<string, string> {
    return gatewayHeaders(this.options.config().hub.gateway, this.gatewayClock);
  }

  private defaultSigner(): EnvelopeSigner {
    return staticSigner(() => ({ signtype: this.options.config().hub.signtype, cainfo: this.options.config().hub.cainfo }));
  }

  private context(spec: TransactionSpec, msgid: string | undefined, journalId?: number): HubErrorContext {
    return { infno: spec.infno, txName: spec.name, sideEffect: spec.kind === 'effect', ...(msgid ? { msgid } : {}), ...(journalId !== undefined ? { journalId } : {}) };
  }

  private transportError(e: unknown, ctx: HubErrorContext, timeoutMs: number): HubError {
    if (!(e instanceof TransportFailure)) return new HubConnectionLostError({ ...ctx, detail: `unexpected transport error: ${(e as Error).message}`, cause: e });
    const detail = `${e.kind} (${e.phase}${e.errno ? `, ${e.errno}` : ''}): ${e.message}`;
    switch (e.kind) {
      case 'not_sent':
        return new HubNetworkError({ ...ctx, detail, cause: e });
      case 'timeout':
        return new HubTimeoutError({ ...ctx, detail, cause: e }, timeoutMs);
      case 'connection_lost':
        return new HubConnectionLostError({ ...ctx, detail, cause: e });
      case 'too_large':
        return new HubProtocolError({ ...ctx, detail, cause: e }, { stage: 'size' });
    }
  }

  /** Reports a failed attempt to the monitor and logs it; returns the error for throwing. */
  private observeFailure(spec: TransactionSpec, error: HubError, answered = false): HubError {
    log.warn({ infno: spec.infno, msgid: error.msgid, code: error.code, detail: error.detail }, 'hub call failed');
    this.observe({ infno: spec.infno, answered, error });
    return error;
  }

  private observe(o: CallObservation): void {
    for (const l of this.observers) {
      try {
        l(o);
      } catch (e) {
        log.error({ err: e }, 'hub observer failed');
      }
    }
  }
}

function retryable(e: unknown): boolean {
  if (e instanceof HubNetworkError || e instanceof HubTimeoutError || e instanceof HubConnectionLostError) return true;
  return e instanceof HubProtocolError && typeof e.data?.httpStatus === 'number' && (e.data.httpStatus as number) >= 500;
}

function badInput(infno: string, e: unknown): AppError {
  const issues = e instanceof WireEncodeError ? e.issues : (e as Error).message;
  return new AppError({
    code: 'HUB_BAD_INPUT',
    message: `交易数据不完整或格式不对（${infno}），未发送`,
    hint: '请核对本次录入的信息；若反复出现，请联系信息科。',
    detail: `cannot build ${infno}: ${issues}`,
    cause: e,
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}
