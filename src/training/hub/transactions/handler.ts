// How a transaction handler is typed: the protocol module's decoded input in, its output out
// (integers for amounts); the call pipeline decodes and encodes with the same schemas.
import type { Infno, TxInput, TxOutput } from '@src/hub/protocol/transactions';
import type { HubContext } from '../core/hub-context';

export type Handler<K extends Infno> = (ctx: HubContext, input: TxInput<K>) => TxOutput<K>;
export type HandlerMap = { [K in Infno]?: Handler<K> };

/** yyyy-MM-dd of a yyyy-MM-dd HH:mm:ss (or date) text, refusing anything else. */
export function dateOf(text: string, field: string, refuse: (m: string) => never): string {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(t)) refuse(`${field}格式应为yyyy-MM-dd HH:mm:ss`);
  return t.slice(0, 10);
}
