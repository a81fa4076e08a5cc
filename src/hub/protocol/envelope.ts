// The envelope around every transaction (interface.md §1): request header fields in spec order,
// and the response header. `input`/`output` are typed per transaction (transactions/*.ts).
import { z } from 'zod';
import { anything, wire } from './codecs';
import { MSGID_PATTERN } from './msgid';

/** opter_type: 1 经办人, 2 自助终端, 3 移动终端. */
export const OPTER_TYPE = { operator: '1', selfService: '2', mobile: '3' } as const;

/** The request envelope without `input`. Field names and order as in the interface. */
export const RequestHeaderSchema = z.object({
  /** 交易编号 (4–6 characters; variants like 2203A exist). */
  infno: z.string().regex(/^[0-9]{4}[A-Z]?$/, 'infno must be 4 digits, optionally a letter'),
  /** 发送方报文ID: fixmedins_code(12) + yyyyMMddHHmmss + 4-digit sequence. */
  msgid: z.string().regex(MSGID_PATTERN, 'msgid must be fixmedins_code(12) + yyyyMMddHHmmss + 4 digits'),
  /** 就医地医保区划 (spelled admvs). */
  mdtrtarea_admvs: z.string().regex(/^\d{6}$/, 'mdtrtarea_admvs must be 6 digits'),
  /** 参保地医保区划 (spelled admdvs): required when the input carries psn_no; from 1101. */
  insuplc_admdvs: z.string().regex(/^(\d{6})?$/, 'insuplc_admdvs must be 6 digits or empty'),
  /** 接收方系统代码 */
  recer_sys_code: z.string().max(10),
  /** 设备编号 */
  dev_no: z.string().max(100).optional(),
  /** 设备安全信息 */
  dev_safe_info: z.string().max(2000).optional(),
  /** 数字签名信息 */
  cainfo: z.string().max(1024).optional(),
  /** 签名类型 (SM2, SM3 …) */
  signtype: z.string().max(10).optional(),
  /** 接口版本号 */
  infver: z.string().max(6),
  /** 经办人类别 */
  opter_type: z.enum(['1', '2', '3']),
  /** 经办人 (or terminal) code */
  opter: z.string().max(30),
  opter_name: z.string().max(50),
  /** 交易时间 yyyy-MM-dd HH:mm:ss */
  inf_time: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'inf_time must be yyyy-MM-dd HH:mm:ss'),
  /** 定点医药机构编号 */
  fixmedins_code: z.string().min(1).max(30),
  fixmedins_name: z.string().max(200),
  /** 交易签到流水号 from 9001 (empty for 9001 itself). */
  sign_no: z.string().max(30).optional(),
});
export type RequestHeader = z.output<typeof RequestHeaderSchema>;

/** The whole request for one transaction's input schema. */
export function requestSchema<I extends z.ZodType>(input: I) {
  return RequestHeaderSchema.extend({ input });
}

/** The request with an input not yet checked (the hub reads the header first to learn the infno). */
export const AnyRequestSchema = RequestHeaderSchema.extend({ input: anything });

/**
 * The response envelope without `output`. infcode 0 = success, -1 = failure (err_msg says why).
 * A real 2023 response also carries cainfo/signtype (null) and older ones enctype.
 */
export const ResponseHeaderSchema = z.object({
  infcode: wire.int,
  /** 接收方报文ID: area(6) + yyyyMMddHHmmss + 10-digit sequence. Required on success (checked by decodeResponse). */
  inf_refmsgid: wire.textOpt,
  /** yyyyMMddHHmmssSSS */
  refmsg_time: wire.textOpt,
  respond_time: wire.textOpt,
  err_msg: wire.textOpt,
  warn_msg: wire.textOpt,
  detail_msg: wire.textOpt,
  cainfo: wire.textOpt,
  signtype: wire.textOpt,
  enctype: wire.textOpt,
});
export type ResponseHeader = z.output<typeof ResponseHeaderSchema>;

export function responseSchema<O extends z.ZodType>(output: O) {
  return ResponseHeaderSchema.extend({ output });
}

/** infcode values. Any value other than SUCCESS is a failure the hub reports (see docs/hub-client.md). */
export const INFCODE = { success: 0, failure: -1 } as const;
