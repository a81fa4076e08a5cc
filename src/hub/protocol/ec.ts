// 医保电子凭证 (EC) QR decoding: `ec.query` (interface.md §7).
//
// Not part of the callService envelope: the EC SDK posts its own JSON to the EC endpoint
// (`…/localcfc/api/hsecfc/localQrCodeQuery`; the training hub serves it on its own port). The
// answer carries the ecToken used as mdtrt_cert_no with mdtrt_cert_type 01 in 1101/2201/2207.
import { z } from 'zod';
import { anything, wire } from './codecs';

export const EC_QUERY_PATH = '/localcfc/api/hsecfc/localQrCodeQuery';
export const EC_TRANS_TYPE = 'ec.query';

/** businessType values (江苏医保电子凭证解码接口规范). */
export const EC_BUSINESS_TYPE = {
  register: '01101',
  inpatientFile: '01102',
  admission: '01103',
  deposit: '01104',
  outpatientSettlement: '01301',
  dispensing: '01302',
  pharmacyPurchase: '02121',
  externalPrescription: '02122',
} as const;

export const EcQueryRequestSchema = z.object({
  orgId: wire.text,
  transType: z.literal(EC_TRANS_TYPE),
  data: z.object({
    /** 定点医药机构编号 */
    orgId: wire.text,
    businessType: wire.text,
    operatorId: wire.text,
    operatorName: wire.text,
    officeId: wire.text,
    officeName: wire.text,
    /** The QR payload the scanner read. */
    ecQrCode: wire.text,
    ecQrChannel: wire.textOpt,
    deviceType: wire.textOpt,
  }),
});

export const EcIdentitySchema = z.object({
  idNo: wire.text,
  /** 01 居民身份证 */
  idType: wire.text,
  userName: wire.text,
  /** 电子凭证令牌 → mdtrt_cert_no with mdtrt_cert_type 01. */
  ecToken: wire.text,
  /** 参保地 (6 digits) */
  insuOrg: wire.text,
  ecIndexNo: wire.textOpt,
  gender: wire.textOpt,
  birthday: wire.textOpt,
  nationality: wire.textOpt,
  email: wire.textOpt,
  extra: anything.optional(),
});

/** code 0 = success; anything else is a refusal with `message`. */
export const EcQueryResponseSchema = z.object({
  code: wire.int,
  message: wire.textOpt,
  data: EcIdentitySchema.nullish(),
});
export type EcQueryRequest = z.output<typeof EcQueryRequestSchema>;
export type EcIdentity = z.output<typeof EcIdentitySchema>;
export type EcQueryResponse = z.output<typeof EcQueryResponseSchema>;
