// A minimal client of the training hub, for the hub's own tests, drills and benchmarks. It speaks
// the wire format through the protocol module (the same schemas the terminal's client uses) but
// has none of the terminal's journal, budget or retry logic: tests use it to poke the hub
// precisely (chosen msgids, raw bodies, concurrent duplicates).
import { parse, stringify } from 'lossless-json';
import { EC_QUERY_PATH, EcQueryResponseSchema, type EcQueryResponse } from '@src/hub/protocol/ec';
import { responseSchema } from '@src/hub/protocol/envelope';
import { buildMsgid } from '@src/hub/protocol/msgid';
import { formatInfTime, formatStamp } from '@src/hub/protocol/time';
import { transactions, type Infno, type TxInput, type TxOutput } from '@src/hub/protocol/transactions';

export interface CallResult<K extends Infno> {
  infcode: number;
  errMsg: string | undefined;
  warnMsg: string | undefined;
  infRefmsgid: string | undefined;
  output: TxOutput<K> | undefined;
  msgid: string;
  /** The raw response text. */
  text: string;
}

export interface CallOptions {
  msgid?: string;
  /** insuplc_admdvs of the envelope (default: the client's current insured area, or ''). */
  insuplcAdmdvs?: string;
  signNo?: string;
}

let counter = 0;
const TOOL_SEQUENCE_START = 9500;
const TOOL_IDS_PER_SECOND = 500;
const base = Date.now();

export class MinimalHubClient {
  signNo: string | undefined;
  /** insuplc_admdvs put in envelopes when the call does not say. */
  insuredArea = '';

  constructor(
    readonly baseUrl: string,
    readonly institution: { code: string; name: string; area: string } = { code: 'H31010100001', name: '上海市训练示范医院', area: '310000' },
  ) {}

  /**
   * A fresh msgid: unique in this process, and never one a terminal of the same institution could
   * allocate beside it (benches run both against one hub): the sequence stays in slots 95–99, which
   * terminals leave to test tools (docs/hub-client.md), and the stamp moves on every 500 ids.
   */
  nextMsgid(): string {
    const n = counter++;
    return buildMsgid(this.institution.code, formatStamp(new Date(base + Math.floor(n / TOOL_IDS_PER_SECOND) * 1000)), TOOL_SEQUENCE_START + (n % TOOL_IDS_PER_SECOND));
  }

  /** The request body for a call (tests send it raw, twice, concurrently…). */
  body<K extends Infno>(infno: K, input: TxInput<K>, options: CallOptions = {}): { msgid: string; text: string } {
    const msgid = options.msgid ?? this.nextMsgid();
    const spec = transactions[infno];
    const envelope = {
      infno,
      msgid,
      mdtrtarea_admvs: this.institution.area,
      insuplc_admdvs: options.insuplcAdmdvs ?? this.insuredArea,
      recer_sys_code: 'YBXT',
      dev_no: '',
      dev_safe_info: '',
      cainfo: '',
      signtype: '',
      infver: 'V1.0',
      opter_type: '1',
      opter: 'sy01',
      opter_name: '王小红',
      inf_time: formatInfTime(new Date()),
      fixmedins_code: this.institution.code,
      fixmedins_name: this.institution.name,
      sign_no: options.signNo ?? this.signNo ?? '',
      input: (spec.input as { encode(v: unknown): unknown }).encode(input),
    };
    return { msgid, text: stringify(envelope) ?? '' };
  }

  async post(path: string, text: string): Promise<Response> {
    return fetch(this.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
  }

  /** Sends a prepared body and decodes the answer. */
  async send<K extends Infno>(infno: K, body: { msgid: string; text: string }): Promise<CallResult<K>> {
    const res = await this.post('/fsi/api/rsfComIfsService/callService', body.text);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    const raw = parse(text) as { infcode?: unknown };
    const decoded = responseSchema(transactions[infno].output.nullish()).parse(raw);
    return {
      infcode: decoded.infcode,
      errMsg: decoded.err_msg ?? undefined,
      warnMsg: decoded.warn_msg ?? undefined,
      infRefmsgid: decoded.inf_refmsgid ?? undefined,
      output: (decoded.infcode === 0 ? decoded.output : undefined) as TxOutput<K> | undefined,
      msgid: body.msgid,
      text,
    };
  }

  async call<K extends Infno>(infno: K, input: TxInput<K>, options: CallOptions = {}): Promise<CallResult<K>> {
    return this.send(infno, this.body(infno, input, options));
  }

  /** Like call, but throws with the hub's err_msg unless infcode is 0. */
  async ok<K extends Infno>(infno: K, input: TxInput<K>, options: CallOptions = {}): Promise<TxOutput<K>> {
    const r = await this.call(infno, input, options);
    if (r.infcode !== 0) throw new Error(`${infno} refused: ${r.errMsg ?? ''}`);
    return r.output as TxOutput<K>;
  }

  async signIn(): Promise<string> {
    const out = await this.ok('9001', { signIn: { opter_no: 'sy01', mac: '', ip: '127.0.0.1' } });
    this.signNo = out.signinoutb.sign_no;
    return this.signNo;
  }

  async ecQuery(qrCode: string): Promise<EcQueryResponse> {
    const body = {
      orgId: this.institution.code,
      transType: 'ec.query',
      data: { orgId: this.institution.code, businessType: '01101', operatorId: 'sy01', operatorName: '王小红', officeId: '0101', officeName: '门诊收费处', ecQrCode: qrCode },
    };
    const res = await this.post(EC_QUERY_PATH, JSON.stringify(body));
    return EcQueryResponseSchema.parse(parse(await res.text()));
  }

  /** 9102: the file's bytes, or the hub's refusal as an Error. */
  async download(fileQuryNo: string, filename: string): Promise<Buffer> {
    const { text } = this.body('9102', { fsDownloadIn: { file_qury_no: fileQuryNo, filename, fixmedins_code: this.institution.code } });
    const res = await this.post('/fsi/api/rsfComIfsService/callService', text);
    const bytes = Buffer.from(await res.arrayBuffer());
    if ((res.headers.get('content-type') ?? '').startsWith('application/json')) throw new Error(`9102 refused: ${bytes.toString('utf8')}`);
    return bytes;
  }

  async admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
}
