// Resolving a scanned 医保电子凭证 payload into the patient's identity and ecToken (ec.query,
// interface.md §7). The device layer only needs this small interface; the hub client (src/hub)
// does the call. hubEcResolver adapts anything with the hub client's ecQuery() shape.
export interface EcQueryInput {
  payload: string;
  /** 01301 门诊结算, 02121 药店购药 … */
  businessType: string;
  operatorId: string;
  operatorName: string;
}

export interface EcResolution {
  /** 电子凭证令牌 → mdtrt_cert_no with mdtrt_cert_type 01. */
  ecToken: string;
  idNumber: string;
  idType: string;
  name: string;
  /** 参保地医保区划 (insuOrg). */
  insuredArea: string;
  gender?: string;
  birthDate?: string;
}

export interface EcResolver {
  /** Throws an AppError (Chinese message) when the hub refuses or cannot be reached. */
  resolveEVoucher(input: EcQueryInput): Promise<EcResolution>;
}

/** The request shape of ec.query (src/hub/protocol/ec.ts). */
export interface EcQueryRequestLike {
  orgId: string;
  transType: 'ec.query';
  data: { orgId: string; businessType: string; operatorId: string; operatorName: string; officeId: string; officeName: string; ecQrCode: string; deviceType?: string };
}

export interface EcIdentityLike {
  idNo: string;
  idType: string;
  userName: string;
  ecToken: string;
  insuOrg: string;
  gender?: string | undefined;
  birthday?: string | undefined;
}

export interface EcQueryClient {
  ecQuery(request: EcQueryRequestLike): Promise<EcIdentityLike>;
}

/** ec.query through the hub client; `institution` names the 定点机构 (orgId) and office. */
export function hubEcResolver(client: EcQueryClient, institution: () => { code: string; name: string }): EcResolver {
  return {
    async resolveEVoucher(input) {
      const inst = institution();
      const identity = await client.ecQuery({
        orgId: inst.code,
        transType: 'ec.query',
        data: { orgId: inst.code, businessType: input.businessType, operatorId: input.operatorId, operatorName: input.operatorName, officeId: inst.code, officeName: inst.name, ecQrCode: input.payload },
      });
      return {
        ecToken: identity.ecToken,
        idNumber: identity.idNo,
        idType: identity.idType,
        name: identity.userName,
        insuredArea: identity.insuOrg,
        ...(identity.gender ? { gender: identity.gender } : {}),
        ...(identity.birthday ? { birthDate: identity.birthday } : {}),
      };
    },
  };
}
