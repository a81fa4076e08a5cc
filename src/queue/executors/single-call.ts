// Items that are one journaled call: a reversal (2601) that could not be delivered, a refund
// (2208 outpatient, 2103 pharmacy, 2305 inpatient cancellation) or inpatient fee upload (2301) made
// while the hub was unreachable.
import type { TxInput } from '@src/hub/protocol';
import type { ReversalPayload, SingleCallPayload } from '../queue-payloads';
import type { ExecContext, Executor } from './executor';

export const sendReversal: Executor = async (ctx: ExecContext) => {
  const p = ctx.payload as ReversalPayload;
  // The resolver's convention, so it sees this 2601 as the reversal of the original.
  const out = await ctx.effect('2601', () => ({ data: { psn_no: p.psnNo, omsgid: p.omsgid, oinfno: p.oinfno } }), { operator: p.operator, insuplcAdmdvs: p.insuplcAdmdvs, context: `reversal:${p.omsgid}` });
  return { omsgid: p.omsgid, output: out };
};

export const sendSingleCall: Executor = async (ctx: ExecContext) => {
  const p = ctx.payload as SingleCallPayload;
  const out = await ctx.effect(p.infno, () => p.input as TxInput<typeof p.infno>, { operator: p.operator, insuplcAdmdvs: p.insuplcAdmdvs });
  return { infno: p.infno, output: out };
};
