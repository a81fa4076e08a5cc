// ec.query (医保电子凭证 QR decoding) at POST /localcfc/api/hsecfc/localQrCodeQuery: the QR payload
// the scanner read → the patient's identity and an ecToken, valid for settings.ecTokenTtlMs, that
// serves as mdtrt_cert_no with mdtrt_cert_type 01.
import { randomBytes } from 'node:crypto';
import { parse, stringify } from 'lossless-json';
import { EcQueryRequestSchema, EcQueryResponseSchema, type EcQueryResponse } from '@src/hub/protocol/ec';
import { hubInstitution } from '../training-institutions';
import type { HubCore } from './call-service';
import type { PersonRow } from './persons';

function answer(r: EcQueryResponse): string {
  return stringify(EcQueryResponseSchema.encode(r)) ?? '';
}

function refusal(message: string): string {
  return answer({ code: -1, message, data: null });
}

export function ecQuery(core: HubCore, text: string): string {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch {
    return refusal('请求不是有效的JSON');
  }
  const req = EcQueryRequestSchema.safeParse(raw);
  if (!req.success) return refusal(`请求格式不正确：${req.error.issues.slice(0, 3).map((i) => i.path.join('.')).join('、')}缺失或格式不正确`);
  const d = req.data.data;
  if (!hubInstitution(d.orgId) || d.orgId !== req.data.orgId) return refusal(`机构编号${d.orgId}未开通医保电子凭证业务`);
  const payload = d.ecQrCode.trim();
  const person = core.db.prepare('SELECT * FROM persons WHERE ec_payload = ?').get(payload) as PersonRow | undefined;
  if (!person) return refusal('医保电子凭证二维码无效或已过期，请参保人刷新二维码后重新扫码');
  const now = core.clock.nowMs();
  const token = `${person.insuplc_admdvs}${randomBytes(16).toString('hex')}`;
  core.db.prepare('INSERT INTO ec_tokens (token, psn_no, issued_at_ms, expires_at_ms) VALUES (?, ?, ?, ?)').run(token, person.psn_no, now, now + core.settings.ecTokenTtlMs);
  return answer({
    code: 0,
    message: '成功',
    data: {
      idNo: person.certno,
      idType: '01',
      userName: person.psn_name,
      ecToken: token,
      insuOrg: person.insuplc_admdvs,
      ecIndexNo: `EI${person.psn_no}`,
      gender: person.gend,
      birthday: person.brdy,
      nationality: 'CHN',
      email: '',
    },
  });
}
