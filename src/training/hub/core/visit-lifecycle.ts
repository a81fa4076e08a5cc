// A visit's life after registration/admission: cancelling it (2202, 2404, or 2601 of the
// registration) is refused while a settlement of it is in force.
import type { HubContext } from './hub-context';
import { refuse } from './hub-refusal';
import type { VisitRow } from './settlement-service';

/** Settlements in force on a visit (cancel/admission checks). */
export function settlementsInForce(ctx: HubContext, mdtrtId: string): number {
  return (ctx.db.prepare(`SELECT COUNT(*) AS n FROM settlements WHERE mdtrt_id = ? AND kind = 'settle' AND state = 'settled'`).get(mdtrtId) as { n: number }).n;
}

/** Cancels a visit: refused while a settlement is in force; unsettled lines go with it. */
export function cancelVisit(ctx: HubContext, visit: VisitRow): void {
  if (settlementsInForce(ctx, visit.mdtrt_id) > 0) refuse(`就诊ID${visit.mdtrt_id}已有结算，请先撤销结算后再撤销${visit.kind === 'inpatient' ? '入院' : '挂号'}`);
  ctx.db.prepare('DELETE FROM fee_lines WHERE mdtrt_id = ? AND setl_id IS NULL').run(visit.mdtrt_id);
  ctx.db.prepare("UPDATE visits SET state = 'cancelled' WHERE mdtrt_id = ?").run(visit.mdtrt_id);
}
