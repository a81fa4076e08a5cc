// 5203 结算信息查询.
//
// The spec requires setl_id. The terminal also sends 5203 *without* setl_id (psn_no + mdtrt_id)
// to learn whether a settlement whose answer was lost went through: the hub then returns the
// visit's latest settlement (or no setlinfo), and setlinfo.medins_setl_id tells which msgid made
// it. That use is an extension the training hub implements; a real hub may refuse it, and the
// client then falls back to 2601 (docs/hub-client.md, "Resolving unknown outcomes").
import { z } from 'zod';
import { list, wire } from '../codecs';
import { SetlDetailSchema, SetlInfoSchema } from '../settlement';

export const SettlementQueryInputSchema = z.object({
  data: z.object({
    psn_no: wire.text,
    setl_id: wire.textOpt,
    mdtrt_id: wire.text,
  }),
});
export const SettlementQueryOutputSchema = z.object({
  /** null/absent: no settlement for that visit. */
  setlinfo: SetlInfoSchema.nullish(),
  setldetail: list(SetlDetailSchema),
});
