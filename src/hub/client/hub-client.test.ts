import { afterEach, describe, expect, it } from 'vitest';
import { EC_QUERY_PATH, encodeEcResponse } from '@src/hub/protocol';
import { HubBusinessError, HubProtocolError } from '../errors';
import { sm3Available, sm3DigestSigner } from '../signing/envelope-signer';
import { answerOk, answerRefusal, startFakeHub, type FakeHub } from '../../../test/integration/hub-client-fake-hub';
import { createTestHub, type TestHub } from '../../../test/integration/hub-client-test-kit';

let fake: FakeHub | undefined;
let t: TestHub | undefined;
afterEach(async () => {
  t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const dict = { list: [{ label: '职工基本医疗保险', value: '310', sort: 1 }] };

describe('hub client', () => {
  it('sends to a runtime endpoint override without storing it, and back to the configured URL', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '1901', dict));
    t = createTestHub('http://127.0.0.1:9/fsi/api/rsfComIfsService/callService');
    t.hub.setEndpointOverride(fake.origin);
    expect(t.hub.endpoint()).toBe(fake.url);
    expect(t.hub.client.ecEndpoint()).toBe(fake.origin + EC_QUERY_PATH);
    const r = await t.hub.dictionary({ data: { type: 'insutype' } });
    expect(r.output.list[0]).toMatchObject({ value: '310', sort: 1 });
    t.hub.setEndpointOverride(undefined);
    expect(t.hub.endpoint()).toBe('http://127.0.0.1:9/fsi/api/rsfComIfsService/callService');
  });

  it('uses config.hub.ecUrl unless overridden', () => {
    t = createTestHub('https://hsa.example/fsi/api/rsfComIfsService/callService', { config: { hub: { ecUrl: 'https://ec.example/localcfc/api/hsecfc/localQrCodeQuery' } } });
    expect(t.hub.client.ecEndpoint()).toBe('https://ec.example/localcfc/api/hsecfc/localQrCodeQuery');
    t.hub.setEndpointOverride('http://127.0.0.1:5555');
    expect(t.hub.client.ecEndpoint()).toBe('http://127.0.0.1:5555' + EC_QUERY_PATH);
  });

  it('remembers each operator\'s sign_no and puts it in their envelopes', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '1901', dict));
    t = createTestHub(fake.url);
    t.hub.client.rememberSignIn('sy01', 'SIGN-1');
    await t.hub.dictionary({ data: { type: 'x' } }, { operator: { code: 'sy01', name: '王小红' } });
    await t.hub.dictionary({ data: { type: 'x' } });
    expect(JSON.parse(fake.requests[0]!.body)).toMatchObject({ opter: 'sy01', sign_no: 'SIGN-1' });
    expect(JSON.parse(fake.requests[1]!.body)).toMatchObject({ opter: 'T07', opter_name: '终端T07', sign_no: '' });
    t.hub.client.forgetSignIn('sy01', 'OTHER');
    expect(t.hub.client.signNoOf('sy01')).toBe('SIGN-1');
    t.hub.client.forgetSignIn('sy01', 'SIGN-1');
    expect(t.hub.client.signNoOf('sy01')).toBeUndefined();
  });

  it('fills signtype/cainfo from the configuration, or from a signer hook', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '1901', dict));
    t = createTestHub(fake.url, { config: { hub: { signtype: 'SM2', cainfo: 'CA-CONFIGURED' } } });
    await t.hub.dictionary({ data: { type: 'x' } });
    expect(JSON.parse(fake.requests[0]!.body)).toMatchObject({ signtype: 'SM2', cainfo: 'CA-CONFIGURED' });
    if (!sm3Available()) {
      console.warn('skipping the SM3 signer part: this Node build has no SM3');
      return;
    }
    t.hub.setEnvelopeSigner(sm3DigestSigner());
    await t.hub.dictionary({ data: { type: 'x' } });
    expect(JSON.parse(fake.requests[1]!.body)).toMatchObject({ signtype: 'SM3', cainfo: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses input that cannot be written to the wire, before anything is sent', async () => {
    fake = await startFakeHub((_req, res) => answerOk(res, '1901', dict));
    t = createTestHub(fake.url);
    await expect(t.hub.settleOutpatient({ data: { psn_no: 'P1' } } as never, { insuplcAdmdvs: '320500' })).rejects.toMatchObject({ code: 'HUB_BAD_INPUT' });
    expect(fake.requests).toHaveLength(0);
    expect(t.db.prepare('SELECT count(*) AS n FROM hub_journal').get()).toEqual({ n: 0 });
  });

  it('downloads a file as a stream, and reports a refusal sent instead of a file', async () => {
    const zip = Buffer.from('PK\u0003\u0004 training catalogue');
    fake = await startFakeHub((req, res) => {
      const input = JSON.parse(req.body).input;
      if (input.fsDownloadIn.file_qury_no === 'missing') return answerRefusal(res, '9102', '文件不存在或已过期');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(zip.length) }).end(zip);
    });
    t = createTestHub(fake.url);
    const d = await t.hub.download({ fsDownloadIn: { file_qury_no: 'F1', filename: 'plc', fixmedins_code: 'H31010100001' } });
    expect(d.bytes).toBe(zip.length);
    const chunks: Buffer[] = [];
    for await (const c of d.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(zip);
    await expect(t.hub.download({ fsDownloadIn: { file_qury_no: 'missing', filename: 'plc', fixmedins_code: 'H31010100001' } })).rejects.toBeInstanceOf(HubBusinessError);
  });

  it('decodes an e-voucher QR with ec.query, and reports its refusals', async () => {
    fake = await startFakeHub((req, res) => {
      const body = JSON.parse(req.body);
      expect(req.path).toBe(EC_QUERY_PATH);
      const answer = body.data.ecQrCode === 'expired' ? { code: 1001, message: '电子凭证二维码已过期，请刷新' } : { code: 0, data: { idNo: '320501197203150018', idType: '01', userName: '张伟', ecToken: 'TOKEN-1', insuOrg: '320500' } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(encodeEcResponse(answer));
    });
    t = createTestHub(fake.url);
    const request = { orgId: 'H31010100001', transType: 'ec.query' as const, data: { orgId: 'H31010100001', businessType: '01301', operatorId: 'sy01', operatorName: '王小红', officeId: 'MZ', officeName: '门诊收费', ecQrCode: 'QR-1' } };
    expect(await t.hub.ecQuery(request)).toMatchObject({ ecToken: 'TOKEN-1', insuOrg: '320500' });
    await expect(t.hub.ecQuery({ ...request, data: { ...request.data, ecQrCode: 'expired' } })).rejects.toMatchObject({ message: '电子凭证二维码已过期，请刷新' });
    fake.handle((_req, res) => void res.writeHead(200).end('{"code":0}'));
    await expect(t.hub.ecQuery(request)).rejects.toBeInstanceOf(HubProtocolError);
  });
});
