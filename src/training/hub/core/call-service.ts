// The callService pipeline: one envelope in, one answer out.
//
//   parse (lossless JSON) → header → replay a known msgid → institution, msgid, area, sign-in →
//   decode input with the protocol module's schema → handler inside one IMMEDIATE transaction
//   that also stores the answer under the msgid → encode output → envelope.
//
// Storing the answer in the same transaction as the effects is what makes a repeated msgid safe:
// either both happened or neither did, so a resend after a lost answer gets the first answer and
// never settles twice. Concurrent duplicates wait for the first (in-flight map).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse, stringify } from 'lossless-json';
import type { z } from 'zod';
import { AnyRequestSchema, INFCODE, type RequestHeader } from '@src/hub/protocol/envelope';
import { buildInfRefmsgid, parseMsgid } from '@src/hub/protocol/msgid';
import { formatRespondTime, formatStamp, parseStamp } from '@src/hub/protocol/time';
import { transactionSpec, type Infno } from '@src/hub/protocol/transactions';
import { logger } from '@src/platform/logger';
import type { Db } from '@src/platform/db/open';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import type { HubClock } from '../hub-clock';
import { hubInstitution, type HubInstitution } from '../training-institutions';
import { HANDLERS } from '../transactions';
import type { Handler } from '../transactions/handler';
import { openDownload } from '../transactions/files';
import type { Effect, HubContext, HubSettings } from './hub-context';
import { HubRefusal } from './hub-refusal';
import { nextRefSequence } from './ids';

const log = logger('training-hub');

/** What goes back over HTTP. */
export type Answer = { kind: 'json'; body: string; infno: string; infcode: number } | { kind: 'file'; filename: string; stream: Readable | Buffer };

export interface HubCore {
  db: Db;
  clock: HubClock;
  catalog: TrainingCatalog;
  settings: HubSettings;
}

/** The area in inf_refmsgid when the request names no known institution. */
const DEFAULT_AREA = '310000';

const HEADER_FIELD_NAMES: Record<string, string> = {
  infno: '交易编号infno',
  msgid: '发送方报文ID msgid（定点医药机构编号12位+yyyyMMddHHmmss+4位顺序号）',
  mdtrtarea_admvs: '就医地医保区划mdtrtarea_admvs',
  insuplc_admdvs: '参保地医保区划insuplc_admdvs',
  recer_sys_code: '接收方系统代码recer_sys_code',
  infver: '接口版本号infver',
  opter_type: '经办人类别opter_type',
  opter: '经办人opter',
  opter_name: '经办人姓名opter_name',
  inf_time: '交易时间inf_time（yyyy-MM-dd HH:mm:ss）',
  fixmedins_code: '定点医药机构编号fixmedins_code',
  fixmedins_name: '定点医药机构名称fixmedins_name',
  sign_no: '交易签到流水号sign_no',
};

function describeIssues(error: z.ZodError, where: 'header' | 'input'): string {
  const parts = error.issues.slice(0, 3).map((i) => {
    const path = i.path.map(String).join('.');
    if (where === 'header') return `${HEADER_FIELD_NAMES[path] ?? path}缺失或格式不正确`;
    return `${path === '' ? 'input' : `input.${path}`}：${i.code === 'invalid_type' ? '缺失或类型不正确' : i.message}`;
  });
  return parts.join('；');
}

/** The psn_no an input names, wherever the transaction puts it. */
function psnNoOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const o = input as Record<string, unknown>;
  for (const node of ['data', 'mdtrtinfo', 'druginfo', 'dscginfo']) {
    const v = o[node];
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'object' && first !== null && typeof (first as Record<string, unknown>).psn_no === 'string') return (first as Record<string, string>).psn_no;
  }
  const fee = o.feedetail;
  if (Array.isArray(fee) && typeof fee[0]?.psn_no === 'string') return fee[0].psn_no as string;
  return undefined;
}

export class CallService {
  private readonly inflight = new Map<string, Promise<Answer>>();

  constructor(private readonly core: HubCore) {}

  /** Handles one callService body. `delayMs` (latency fault) is spent while the msgid is in flight. */
  async call(text: string, delayMs = 0): Promise<Answer> {
    const receivedAt = this.core.clock.now();
    let raw: unknown;
    try {
      raw = parse(text);
    } catch {
      return this.refusalAnswer(DEFAULT_AREA, receivedAt, '?', '报文格式错误：请求体不是有效的JSON');
    }
    const parsed = AnyRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const infno = typeof (raw as { infno?: unknown })?.infno === 'string' ? (raw as { infno: string }).infno : '?';
      return this.refusalAnswer(DEFAULT_AREA, receivedAt, infno, `报文头校验失败：${describeIssues(parsed.error, 'header')}`);
    }
    const header = parsed.data as RequestHeader & { input: unknown };
    const msgid = header.msgid;
    const pending = this.inflight.get(msgid);
    if (pending) return pending;
    const work = (async () => {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      return this.process(header, (raw as { input?: unknown }).input, receivedAt);
    })();
    this.inflight.set(msgid, work);
    try {
      return await work;
    } finally {
      this.inflight.delete(msgid);
    }
  }

  /** An infcode -1 answer that is not stored (transport-level problems and injected business errors). */
  refusalAnswer(area: string, receivedAt: Date, infno: string, errMsg: string): Answer {
    const body = stringify(this.envelope(area, receivedAt, INFCODE.failure, null, errMsg, [])) ?? '';
    return { kind: 'json', body, infno, infcode: INFCODE.failure };
  }

  private envelope(area: string, receivedAt: Date, infcode: number, output: unknown, errMsg: string | null, warnings: string[]): Record<string, unknown> {
    const respondAt = this.core.clock.now();
    return {
      infcode,
      inf_refmsgid: buildInfRefmsgid(area, formatStamp(respondAt), nextRefSequence(this.core.db)),
      refmsg_time: formatRespondTime(receivedAt),
      respond_time: formatRespondTime(respondAt),
      err_msg: errMsg,
      warn_msg: warnings.length > 0 ? warnings.join('；') : null,
      cainfo: null,
      signtype: null,
      output,
    };
  }

  private digest(input: unknown): string {
    return createHash('sha256').update(stringify(input ?? null) ?? '').digest('hex');
  }

  private process(header: RequestHeader, rawInput: unknown, receivedAt: Date): Answer {
    const db = this.core.db;
    const institution = hubInstitution(header.fixmedins_code);
    const area = institution?.admdvs ?? DEFAULT_AREA;
    const digest = this.digest(rawInput);

    const seen = db.prepare('SELECT infno, fixmedins_code, input_digest, infcode, response FROM messages WHERE msgid = ?').get(header.msgid) as
      | { infno: string; fixmedins_code: string; input_digest: string; infcode: number; response: string }
      | undefined;
    if (seen) {
      if (seen.infno !== header.infno || seen.fixmedins_code !== header.fixmedins_code || seen.input_digest !== digest) {
        return this.refusalAnswer(area, receivedAt, header.infno, `报文ID${header.msgid}已被使用，且本次报文内容与原报文不一致；新的交易请使用新的报文ID`);
      }
      return { kind: 'json', body: seen.response, infno: seen.infno, infcode: seen.infcode };
    }

    // Problems found before a handler runs are answered and stored like any refusal.
    const refuseAndStore = (errMsg: string): Answer => this.store(header, digest, receivedAt, area, { infcode: INFCODE.failure, output: null, errMsg, warnings: [], effect: null });

    if (!institution) return refuseAndStore(`定点医药机构编号${header.fixmedins_code}不存在或未开通跨省异地就医直接结算`);
    const parts = parseMsgid(header.msgid);
    if (!parts || parts.fixmedinsCode !== header.fixmedins_code) return refuseAndStore('发送方报文ID的前12位应为定点医药机构编号');
    try {
      parseStamp(parts.stamp);
    } catch {
      return refuseAndStore('发送方报文ID中的时间yyyyMMddHHmmss不是有效时间');
    }
    if (header.mdtrtarea_admvs !== institution.admdvs) return refuseAndStore(`就医地医保区划${header.mdtrtarea_admvs}与定点医药机构所在地${institution.admdvs}不符`);
    if (db.prepare('SELECT 1 FROM reversed_unknown WHERE omsgid = ?').get(header.msgid)) return refuseAndStore('该报文已被冲正【2601】，医保中心不再受理；如需办理请使用新的报文ID重新发起');
    const spec = transactionSpec(header.infno);
    const handler = HANDLERS[header.infno as Infno] as Handler<Infno> | undefined;
    if (!spec || (!handler && header.infno !== '9102')) return refuseAndStore(`交易编号${header.infno}不存在或未开通`);
    if (header.infno !== '9001') {
      const sign = header.sign_no?.trim() ?? '';
      if (sign === '') return refuseAndStore('交易签到流水号sign_no为空，请先签到【9001】');
      const row = db.prepare('SELECT fixmedins_code, signed_out_at FROM sign_ins WHERE sign_no = ?').get(sign) as { fixmedins_code: string; signed_out_at: string | null } | undefined;
      if (!row || row.fixmedins_code !== institution.code) return refuseAndStore('交易签到流水号sign_no无效，请重新签到【9001】');
      if (row.signed_out_at !== null) return refuseAndStore('该签到已签退，请重新签到【9001】');
    }
    const decoded = spec.input.safeParse(rawInput);
    if (!decoded.success) return refuseAndStore(`交易输入校验失败：${describeIssues(decoded.error, 'input')}`);
    const psnNo = psnNoOf(decoded.data);
    if (psnNo !== undefined) {
      const person = db.prepare('SELECT insuplc_admdvs FROM persons WHERE psn_no = ?').get(psnNo) as { insuplc_admdvs: string } | undefined;
      if (person && header.insuplc_admdvs !== person.insuplc_admdvs) {
        return refuseAndStore(`参保地医保区划insuplc_admdvs应为参保人的参保地${person.insuplc_admdvs}（由【1101】人员信息获取），本次传入“${header.insuplc_admdvs}”`);
      }
    }

    if (header.infno === '9102') return this.download(header, decoded.data, area, receivedAt, institution);

    let effect: Effect | null = null;
    const warnings: string[] = [];
    const ctx: HubContext = {
      db,
      clock: this.core.clock,
      catalog: this.core.catalog,
      settings: this.core.settings,
      header,
      institution,
      now: receivedAt,
      recordEffect: (e) => {
        effect = e;
      },
      warn: (t) => void warnings.push(t),
    };
    try {
      return db
        .transaction(() => {
          const output = (handler as Handler<Infno>)(ctx, decoded.data as never);
          const wireOutput = (spec.output as z.ZodType).encode(output as never);
          return this.store(header, digest, receivedAt, area, { infcode: INFCODE.success, output: wireOutput, errMsg: null, warnings, effect });
        })
        .immediate();
    } catch (e) {
      if (e instanceof HubRefusal) return refuseAndStore(e.errMsg);
      log.error({ err: e, infno: header.infno, msgid: header.msgid }, 'training hub handler failed');
      return this.refusalAnswer(area, receivedAt, header.infno, '医保中心系统内部错误，请稍后重试');
    }
  }

  private store(
    header: RequestHeader,
    digest: string,
    receivedAt: Date,
    area: string,
    a: { infcode: number; output: unknown; errMsg: string | null; warnings: string[]; effect: Effect | null },
  ): Answer {
    const body = stringify(this.envelope(area, receivedAt, a.infcode, a.output, a.errMsg, a.warnings)) ?? '';
    this.core.db
      .prepare('INSERT INTO messages (msgid, infno, fixmedins_code, input_digest, infcode, received_at, response, effect) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(header.msgid, header.infno, header.fixmedins_code, digest, a.infcode, formatRespondTime(receivedAt), body, a.effect === null ? null : JSON.stringify(a.effect));
    return { kind: 'json', body, infno: header.infno, infcode: a.infcode };
  }

  private download(header: RequestHeader, input: unknown, area: string, receivedAt: Date, institution: HubInstitution): Answer {
    const d = (input as { fsDownloadIn: { file_qury_no: string; filename: string; fixmedins_code: string } }).fsDownloadIn;
    try {
      if (d.fixmedins_code !== institution.code) throw new HubRefusal('文件下载的定点医药机构编号与报文头不符');
      return { kind: 'file', ...openDownload(this.core.db, this.core.catalog, { fileQuryNo: d.file_qury_no, filename: d.filename, fixmedinsCode: institution.code, now: receivedAt }) };
    } catch (e) {
      if (e instanceof HubRefusal) return this.refusalAnswer(area, receivedAt, header.infno, e.errMsg);
      throw e;
    }
  }
}
