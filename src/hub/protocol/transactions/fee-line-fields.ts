// The field groups a 费用明细 (fee line) carries in every transaction that uploads one: 2204 门诊,
// 2301 住院 and 2101/2102 药店 (interface.md §2).
//
// Why groups and not one base schema: the interface defines each transaction's line separately
// (outpatient adds 收费批次号, inpatient 医嘱号 and refund links, pharmacy drops departments), but
// the item, dosage, ordering and flag fields mean the same everywhere. Each transaction spreads the
// groups it carries into its own z.object, in the interface's field order (encoded wire JSON keeps
// that order), so a fix to one field's codec reaches all three.
import { wire } from '../codecs';

/** What was charged: 费用发生时间, the catalogue codes, the amount and count × price. */
export const chargedItemFields = {
  fee_ocur_time: wire.text,
  /** 医疗目录编码 (national code) */
  med_list_codg: wire.text,
  medins_list_codg: wire.text,
  det_item_fee_sumamt: wire.money,
  /** negative on refund lines */
  cnt: wire.quantity,
  pric: wire.price,
};

/** How a prescribed drug is taken: 单次剂量, 频次, 周期天数, 用药途径. */
export const dosageFields = {
  sin_dos_dscr: wire.textOpt,
  used_frqu_dscr: wire.textOpt,
  prd_days: wire.intOpt,
  medc_way_dscr: wire.textOpt,
};

/** 开单 (billing) doctor. */
export const billingDoctorFields = {
  bilg_dr_codg: wire.textOpt,
  bilg_dr_name: wire.textOpt,
};

/** Who ordered and who carried out the item: 开单/受单 departments and doctors (hospital lines only). */
export const orderingFields = {
  bilg_dept_codg: wire.textOpt,
  bilg_dept_name: wire.textOpt,
  ...billingDoctorFields,
  acord_dept_codg: wire.textOpt,
  acord_dept_name: wire.textOpt,
  orders_dr_code: wire.textOpt,
  orders_dr_name: wire.textOpt,
};

/** Per-line flags of hospital fee lines: 医院审批, 中药使用方式, 外检, 出院带药, 生育费用. */
export const hospitalLineFlagFields = {
  /** 医院审批标志 */
  hosp_appr_flag: wire.textOpt,
  tcmdrug_used_way: wire.textOpt,
  etip_flag: wire.textOpt,
  etip_hosp_code: wire.textOpt,
  dscg_tkdrug_flag: wire.textOpt,
  matn_fee_flag: wire.textOpt,
};
