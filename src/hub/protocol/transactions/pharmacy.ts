// Pharmacy: 2101 预结算, 2102 结算, 2103 撤销 (interface.md §2). No registration or upload step:
// the drug lines travel with the settlement call.
import { z } from 'zod';
import { anything, list, wire } from '../codecs';
import { FeeResultSchema, PreSetlInfoSchema, SetlDetailSchema, SetlInfoSchema } from '../settlement';
import { billingDoctorFields, chargedItemFields, dosageFields } from './fee-line-fields';
import { CancelSettlementOutputSchema } from './outpatient';

export const PharmacyDrugInfoSchema = z.object({
  psn_no: wire.text,
  mdtrt_cert_type: wire.text,
  mdtrt_cert_no: wire.text,
  begntime: wire.text,
  medfee_sumamt: wire.money,
  invono: wire.textOpt,
  insutype: wire.text,
  dise_codg: wire.textOpt,
  dise_name: wire.textOpt,
  acct_used_flag: wire.text,
  /** 41 定点药店购药 */
  med_type: wire.text,
  exp_content: anything.optional(),
});

export const PharmacyDrugLineSchema = z.object({
  feedetl_sn: wire.text,
  rxno: wire.textOpt,
  rx_circ_flag: wire.textOpt,
  ...chargedItemFields,
  ...dosageFields,
  ...billingDoctorFields,
  tcmdrug_used_way: wire.textOpt,
});

/** 2101 and 2102 take the same input. */
export const PharmacySettleInputSchema = z.object({
  druginfo: PharmacyDrugInfoSchema,
  drugdetail: z.array(PharmacyDrugLineSchema),
});

export const PharmacyPreSettlementOutputSchema = z.object({
  setlinfo: PreSetlInfoSchema,
  setldetail: list(SetlDetailSchema),
  detlcutinfo: list(FeeResultSchema),
});
export const PharmacySettlementOutputSchema = z.object({
  setlinfo: SetlInfoSchema,
  setldetail: list(SetlDetailSchema),
  detlcutinfo: list(FeeResultSchema),
});

export const CancelPharmacySettlementInputSchema = z.object({
  data: z.object({ setl_id: wire.text, mdtrt_id: wire.text, psn_no: wire.text, exp_content: anything.optional() }),
});
export const CancelPharmacySettlementOutputSchema = CancelSettlementOutputSchema;
