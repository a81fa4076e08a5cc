// Filing queries: 5301 人员慢特病备案查询, 5304 转院信息查询 (interface.md §2, "Filings").
// 5301's output fields come from [OH] (which models `feedetail` as one object; the decoder accepts
// one object or a list). 5304's fields are not published; its output reuses 2501's refmedin
// names (uncertain, see docs/hub-client.md).
import { z } from 'zod';
import { list, listOrOne, wire } from '../codecs';

export const PersonFilingQueryInputSchema = z.object({
  data: z.object({
    psn_no: wire.text,
    begntime: wire.textOpt,
    endtime: wire.textOpt,
  }),
});

export const ChronicFilingSchema = z.object({
  /** 门慢门特病种目录代码 */
  opsp_dise_code: wire.text,
  opsp_dise_name: wire.text,
  begndate: wire.text,
  enddate: wire.textOpt,
});
export const ChronicFilingsOutputSchema = z.object({ feedetail: listOrOne(ChronicFilingSchema) });

export const ReferralFilingSchema = z.object({
  /** 待遇申报明细流水号 */
  trt_dcla_detl_sn: wire.text,
  psn_no: wire.textOpt,
  insutype: wire.textOpt,
  diag_code: wire.textOpt,
  diag_name: wire.textOpt,
  reflin_medins_no: wire.textOpt,
  reflin_medins_name: wire.textOpt,
  /** 就医地行政区划 (spelled admdvs here, unlike the envelope) */
  mdtrtarea_admdvs: wire.textOpt,
  hosp_agre_refl_flag: wire.textOpt,
  /** 转院类型 */
  refl_type: wire.textOpt,
  refl_date: wire.textOpt,
  refl_rea: wire.textOpt,
  refl_opnn: wire.textOpt,
  begndate: wire.text,
  enddate: wire.textOpt,
  refl_used_flag: wire.textOpt,
});
export const ReferralFilingsOutputSchema = z.object({ refmedin: list(ReferralFilingSchema) });
