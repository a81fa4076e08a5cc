// 1101 人员信息获取 (interface.md §2).
import { z } from 'zod';
import { anything, list, wire } from '../codecs';

export const PersonInfoInputSchema = z.object({
  data: z.object({
    /** 就诊凭证类型: 01 电子凭证令牌, 02 身份证号, 03 社会保障卡 (needs card_sn). */
    mdtrt_cert_type: wire.text,
    /** ecToken, ID number or card number, per mdtrt_cert_type. */
    mdtrt_cert_no: wire.text,
    /** 卡识别码: required when mdtrt_cert_type = 03. */
    card_sn: wire.textOpt,
    /** yyyy-MM-dd HH:mm:ss: the time the insurance status is checked for. */
    begntime: wire.textOpt,
    psn_cert_type: wire.textOpt,
    certno: wire.textOpt,
    psn_name: wire.textOpt,
  }),
});

export const BaseInfoSchema = z.object({
  psn_no: wire.text,
  psn_cert_type: wire.textOpt,
  certno: wire.textOpt,
  psn_name: wire.textOpt,
  gend: wire.textOpt,
  naty: wire.textOpt,
  brdy: wire.textOpt,
  age: wire.ageOpt,
  exp_content: anything.optional(),
});

export const InsuInfoSchema = z.object({
  /** 余额 (personal account) */
  balc: wire.moneyOr0,
  insutype: wire.text,
  psn_type: wire.textOpt,
  /** 人员参保状态 */
  psn_insu_stas: wire.textOpt,
  psn_insu_date: wire.textOpt,
  paus_insu_date: wire.textOpt,
  cvlserv_flag: wire.textOpt,
  /** 参保地医保区划: goes into insuplc_admdvs of later envelopes for this insutype. */
  insuplc_admdvs: wire.text,
  emp_name: wire.textOpt,
});

export const IdetInfoSchema = z.object({
  psn_idet_type: wire.textOpt,
  psn_type_lv: wire.textOpt,
  memo: wire.textOpt,
  begntime: wire.textOpt,
  endtime: wire.textOpt,
});

export const PersonInfoOutputSchema = z.object({
  baseinfo: BaseInfoSchema,
  insuinfo: list(InsuInfoSchema),
  idetinfo: list(IdetInfoSchema),
});
export type PersonInfo = z.output<typeof PersonInfoOutputSchema>;
