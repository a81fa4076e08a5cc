// The national interface's wire format, in one place: every field name, the envelope, the input
// and output schema of each transaction, and the conversion of amounts to integers.
// Used by the terminal's hub client (src/hub/) and by the training hub (src/training/hub/).
//
// How to use it
// - Values in code are integers: money in fen, quantities ×10⁴, prices ×10⁶, ratios ×10⁴, age
//   in tenths. Field names are the interface's own (snake_case), so `setlinfo.medfee_sumamt` is
//   the same word in code, logs and the spec.
// - Client side: `encodeRequest(infno, header, input)` → wire object; `stringifyWire(obj)` → body.
//   `decodeResponse(infno, text)` → { kind: 'success', output } | { kind: 'failure', header }
//   | { kind: 'malformed', stage, detail }.
// - Hub side: `decodeRequest(text)` → { ok, infno, header, input, spec } (input decoded to
//   integers), then `encodeResponse(infno, { infcode, inf_refmsgid, refmsg_time, respond_time,
//   err_msg?, warn_msg?, output })` → text. Use `buildInfRefmsgid` and `formatRespondTime`.
// - ec.query: `encodeEcRequest`/`decodeEcRequest`/`encodeEcResponse`/`decodeEcResponse`
//   (POST EC_QUERY_PATH, not an envelope).
// - `transactions[infno]` gives `{ name, kind, reversible, queryable, binaryOutput, input, output }`;
//   `TxInput<'2207'>` / `TxOutput<'2207'>` are the types.
// - `checkSettlementIdentities(setlinfo)` lists the broken identities (empty = consistent).
// - Single schemas can be used directly: `Schema.decode(parseWireJson(text))` (wire → integers)
//   and `Schema.encode(value)` (integers → wire; numbers become LosslessNumber with exactly the
//   field's places, written unquoted by `stringifyWire`).
// - Times are China time: formatInfTime / formatStamp / formatRespondTime (time.ts).
export * from './codecs';
export * from './codes';
export * from './ec';
export * from './envelope';
export * from './msgid';
export * from './settlement';
export * from './time';
export * from './transactions';
export * from './wire';

/** The single entry point of the national platform (callService style). */
export const CALL_SERVICE_PATH = '/fsi/api/rsfComIfsService/callService';
