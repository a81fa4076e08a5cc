// Whole messages, both directions: what the client sends and reads, what the training hub reads
// and answers. JSON text is parsed and written with lossless-json so no amount ever passes
// through a binary float; the codecs turn wire numbers into integers (codecs.ts).
import { isLosslessNumber, parse, stringify } from 'lossless-json';
import type { z } from 'zod';
import { wire } from './codecs';
import { EcQueryRequestSchema, EcQueryResponseSchema, type EcQueryRequest, type EcQueryResponse } from './ec';
import { AnyRequestSchema, INFCODE, RequestHeaderSchema, ResponseHeaderSchema, type RequestHeader, type ResponseHeader } from './envelope';
import { isInfno, transactions, type Infno, type TransactionSpec, type TxInput, type TxOutput } from './transactions';

/** Parses wire JSON; numbers stay LosslessNumber. Throws SyntaxError on malformed text. */
export function parseWireJson(text: string): unknown {
  return parse(text);
}

/** Writes wire JSON (LosslessNumber written as its exact text). */
export function stringifyWire(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('value cannot be written as JSON');
  return text;
}

/**
 * Canonical JSON of a wire value: object keys sorted, numbers as their exact text. Two inputs with
 * the same content give the same text, whatever the key order; the journal hashes it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (isLosslessNumber(value)) return value.value;
  if (typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Zod issues as "path: message; …" — paths and messages only, never the values (patient data). */
export function describeIssues(error: z.ZodError, max = 5): string {
  const parts = error.issues.slice(0, max).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  if (error.issues.length > max) parts.push(`… ${error.issues.length - max} more`);
  return parts.join('; ');
}

/** A domain value that cannot be written to the wire (a float amount, a missing required field). */
export class WireEncodeError extends Error {
  constructor(
    readonly what: string,
    readonly issues: string,
  ) {
    super(`${what} cannot be encoded: ${issues}`);
    this.name = 'WireEncodeError';
  }
}

function encodeWith<S extends z.ZodType>(schema: S, value: z.output<S>, what: string): unknown {
  const result = schema.safeEncode(value as never);
  if (!result.success) throw new WireEncodeError(what, describeIssues(result.error));
  return result.data;
}

function specOf<K extends Infno>(infno: K): TransactionSpec {
  return transactions[infno] as unknown as TransactionSpec;
}

// ── Client side: requests out, responses in ───────────────────────────────────────────────────

export type RequestHeaderFields = Omit<RequestHeader, 'infno'>;

/** The wire form of a transaction's input (integers → decimals). Throws WireEncodeError. */
export function encodeInput<K extends Infno>(infno: K, input: TxInput<K>): unknown {
  return encodeWith(specOf(infno).input, input, `input of ${infno}`);
}

/** The request envelope as a wire object (header validated, input encoded). Throws WireEncodeError. */
export function encodeRequest<K extends Infno>(infno: K, header: RequestHeaderFields, input: TxInput<K>): Record<string, unknown> {
  const checked = RequestHeaderSchema.safeParse({ ...header, infno });
  if (!checked.success) throw new WireEncodeError(`envelope of ${infno}`, describeIssues(checked.error));
  return { ...checked.data, input: encodeInput(infno, input) };
}

export type DecodedResponse<O> =
  | { kind: 'success'; header: ResponseHeader; output: O }
  /** infcode ≠ 0: the hub refused; header.err_msg says why. */
  | { kind: 'failure'; header: ResponseHeader }
  /** Not a valid answer: the stage that failed and an English detail without patient data. */
  | { kind: 'malformed'; stage: 'json' | 'envelope' | 'output'; detail: string; header?: ResponseHeader };

/** Decodes a hub answer for `infno`: JSON, then envelope, then (on success) the output schema. */
export function decodeResponse<K extends Infno>(infno: K, text: string): DecodedResponse<TxOutput<K>> {
  let raw: unknown;
  try {
    raw = parseWireJson(text);
  } catch (e) {
    return { kind: 'malformed', stage: 'json', detail: `not JSON: ${(e as Error).message.slice(0, 120)}` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'malformed', stage: 'json', detail: 'answer is not a JSON object' };
  const headerResult = ResponseHeaderSchema.safeDecode(raw as never);
  if (!headerResult.success) return { kind: 'malformed', stage: 'envelope', detail: describeIssues(headerResult.error) };
  const header = headerResult.data;
  if (header.infcode !== INFCODE.success) return { kind: 'failure', header };
  if (!header.inf_refmsgid) return { kind: 'malformed', stage: 'envelope', detail: 'inf_refmsgid missing on a successful answer', header };
  const outputResult = specOf(infno).output.safeDecode((raw as { output?: unknown }).output as never);
  if (!outputResult.success) return { kind: 'malformed', stage: 'output', detail: describeIssues(outputResult.error), header };
  return { kind: 'success', header, output: outputResult.data as TxOutput<K> };
}

// ── Hub side: requests in, responses out ──────────────────────────────────────────────────────

export type DecodedRequest =
  | { ok: true; infno: Infno; header: RequestHeader; input: TxInput<Infno>; spec: TransactionSpec }
  | { ok: false; stage: 'json' | 'envelope' | 'infno' | 'input'; detail: string; header?: RequestHeader };

/** Decodes a request envelope (the training hub's entry point). */
export function decodeRequest(text: string): DecodedRequest {
  let raw: unknown;
  try {
    raw = parseWireJson(text);
  } catch (e) {
    return { ok: false, stage: 'json', detail: `not JSON: ${(e as Error).message.slice(0, 120)}` };
  }
  const envelope = AnyRequestSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, stage: 'envelope', detail: describeIssues(envelope.error) };
  const { input: rawInput, ...header } = envelope.data;
  if (!isInfno(header.infno)) return { ok: false, stage: 'infno', detail: `unknown infno ${header.infno}`, header };
  const spec = specOf(header.infno);
  const input = spec.input.safeDecode(rawInput as never);
  if (!input.success) return { ok: false, stage: 'input', detail: describeIssues(input.error), header };
  return { ok: true, infno: header.infno, header, input: input.data as TxInput<Infno>, spec };
}

export interface ResponseFields<O> {
  /** 0 success, -1 failure. */
  infcode: number;
  inf_refmsgid: string;
  refmsg_time: string;
  respond_time: string;
  err_msg?: string;
  warn_msg?: string;
  /** Required when infcode is 0 (for transactions with an output node). */
  output?: O;
}

/** The answer as wire JSON text. Throws WireEncodeError when `output` does not fit the schema. */
export function encodeResponse<K extends Infno>(infno: K, response: ResponseFields<TxOutput<K>>): string {
  const output = response.infcode === INFCODE.success && response.output !== undefined ? encodeWith(specOf(infno).output, response.output, `output of ${infno}`) : null;
  return stringifyWire({
    infcode: wire.int.encode(response.infcode),
    inf_refmsgid: response.inf_refmsgid,
    refmsg_time: response.refmsg_time,
    respond_time: response.respond_time,
    err_msg: response.err_msg ?? null,
    warn_msg: response.warn_msg ?? null,
    cainfo: null,
    signtype: null,
    output,
  });
}

// ── ec.query ──────────────────────────────────────────────────────────────────────────────────

export function encodeEcRequest(request: EcQueryRequest): string {
  return stringifyWire(encodeWith(EcQueryRequestSchema, request, 'ec.query request'));
}

export function decodeEcRequest(text: string): { ok: true; request: EcQueryRequest } | { ok: false; detail: string } {
  let raw: unknown;
  try {
    raw = parseWireJson(text);
  } catch (e) {
    return { ok: false, detail: `not JSON: ${(e as Error).message.slice(0, 120)}` };
  }
  const r = EcQueryRequestSchema.safeDecode(raw as never);
  return r.success ? { ok: true, request: r.data } : { ok: false, detail: describeIssues(r.error) };
}

export function encodeEcResponse(response: EcQueryResponse): string {
  return stringifyWire(encodeWith(EcQueryResponseSchema, response, 'ec.query response'));
}

export function decodeEcResponse(text: string): { ok: true; response: EcQueryResponse } | { ok: false; stage: 'json' | 'shape'; detail: string } {
  let raw: unknown;
  try {
    raw = parseWireJson(text);
  } catch (e) {
    return { ok: false, stage: 'json', detail: `not JSON: ${(e as Error).message.slice(0, 120)}` };
  }
  const r = EcQueryResponseSchema.safeDecode(raw as never);
  return r.success ? { ok: true, response: r.data } : { ok: false, stage: 'shape', detail: describeIssues(r.error) };
}
