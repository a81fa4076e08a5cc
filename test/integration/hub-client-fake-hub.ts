// A small fake national hub for the hub client's tests: a real HTTP server on 127.0.0.1:0 whose
// behaviour each test sets. It speaks the wire format through src/hub/protocol (so envelopes are
// checked exactly as the training hub checks them) and records every request it receives.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CALL_SERVICE_PATH, decodeRequest, encodeResponse, formatRespondTime, buildInfRefmsgid, formatStamp, type DecodedRequest, type Infno, type TxOutput } from '@src/hub/protocol';

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  decoded: DecodedRequest;
  /** The msgid, when the envelope had one. */
  msgid?: string;
  infno?: string;
}

export type FakeHandler = (req: ReceivedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface FakeHub {
  /** callService URL. */
  url: string;
  origin: string;
  requests: ReceivedRequest[];
  /** Sets the behaviour for the next requests. */
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
}

let refSeq = 0;

/** Writes a successful envelope for `infno`. */
export function answerOk<K extends Infno>(res: ServerResponse, infno: K, output: TxOutput<K>, extra: { warn_msg?: string } = {}): void {
  const now = new Date();
  const body = encodeResponse(infno, {
    infcode: 0,
    inf_refmsgid: buildInfRefmsgid('310000', formatStamp(now), ++refSeq),
    refmsg_time: formatRespondTime(now),
    respond_time: formatRespondTime(now),
    output,
    ...extra,
  });
  res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' }).end(body);
}

/** Writes a refusal (infcode −1) with err_msg. */
export function answerRefusal(res: ServerResponse, infno: Infno, errMsg: string): void {
  const now = new Date();
  const body = encodeResponse(infno, { infcode: -1, inf_refmsgid: buildInfRefmsgid('310000', formatStamp(now), ++refSeq), refmsg_time: formatRespondTime(now), respond_time: formatRespondTime(now), err_msg: errMsg });
  res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' }).end(body);
}

export async function startFakeHub(handler?: FakeHandler): Promise<FakeHub> {
  const requests: ReceivedRequest[] = [];
  let current: FakeHandler = handler ?? ((_req, res) => void res.writeHead(500).end('no handler'));
  const sockets = new Set<Socket>();
  const server = http.createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const decoded = raw.url === CALL_SERVICE_PATH ? decodeRequest(body) : ({ ok: false, stage: 'json', detail: 'not callService' } as DecodedRequest);
      const header = decoded.header;
      const req: ReceivedRequest = { path: raw.url ?? '', headers: raw.headers, body, decoded, ...(header ? { msgid: header.msgid, infno: header.infno } : {}) };
      requests.push(req);
      Promise.resolve(current(req, res, raw)).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(e));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + CALL_SERVICE_PATH,
    origin,
    requests,
    handle(h) {
      current = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A consistent 2207 answer for tests (identities hold). */
export function settlementOutput(msgid: string, overrides: { setl_id?: string; mdtrt_id?: string; psn_no?: string } = {}): TxOutput<'2207'> {
  return {
    setlinfo: {
      mdtrt_id: overrides.mdtrt_id ?? 'M0001',
      setl_id: overrides.setl_id ?? 'S0001',
      psn_no: overrides.psn_no ?? 'P320500000001',
      medfee_sumamt: 12345,
      fulamt_ownpay_amt: 0,
      overlmt_selfpay: 0,
      preselfpay_amt: 345,
      inscp_scp_amt: 12000,
      act_pay_dedc: 0,
      hifp_pay: 8000,
      cvlserv_pay: 0,
      hifes_pay: 0,
      hifmi_pay: 0,
      hifob_pay: 0,
      maf_pay: 0,
      oth_pay: 0,
      hifdm_pay: 0,
      fund_pay_sumamt: 8000,
      psn_part_amt: 4345,
      acct_pay: 4000,
      psn_cash_pay: 345,
      hosp_part_amt: 0,
      acct_mulaid_pay: 0,
      medins_setl_id: msgid,
    },
    setldetail: [{ fund_pay_type: '310100', inscp_scp_amt: 12000, fund_payamt: 8000 }],
  };
}
