import { afterEach, describe, expect, it } from 'vitest';
import { answerOk, startFakeHub, type FakeHub } from '../../../test/integration/hub-client-fake-hub';
import { createTestHub, type TestHub } from '../../../test/integration/hub-client-test-kit';

let fake: FakeHub | undefined;
let t: TestHub | undefined;
afterEach(async () => {
  t?.close();
  await fake?.close();
});

const operator = { id: 1, username: 'sy01', displayName: '王小红', role: 'cashier' as const };

describe('operator hub sign-in (9001/9002)', () => {
  it('signs in with the operator\'s code, keeps sign_no for their envelopes, and signs out with it', async () => {
    fake = await startFakeHub((req, res) => {
      if (req.infno === '9001') return answerOk(res, '9001', { signinoutb: { sign_time: '2024-03-01 08:30:05', sign_no: 'SIGN-0001' } });
      if (req.infno === '9002') return answerOk(res, '9002', { signoutoutb: { sign_time: '2024-03-01 17:00:00' } });
      return answerOk(res, '1901', { list: [] });
    });
    t = createTestHub(fake.url, { config: { terminal: { mac: '00:11:22:33:44:55', ip: '10.0.0.7' } } });
    expect(await t.hub.signIn.signIn(operator)).toEqual({ signNo: 'SIGN-0001' });
    const signIn = JSON.parse(fake.requests[0]!.body);
    expect(signIn).toMatchObject({ infno: '9001', opter: 'sy01', opter_name: '王小红', sign_no: '', input: { signIn: { opter_no: 'sy01', mac: '00:11:22:33:44:55', ip: '10.0.0.7' } } });
    await t.hub.dictionary({ data: { type: 'x' } }, { operator: { code: 'sy01', name: '王小红' } });
    expect(JSON.parse(fake.requests[1]!.body).sign_no).toBe('SIGN-0001');
    await t.hub.signIn.signOut(operator, 'SIGN-0001');
    expect(JSON.parse(fake.requests[2]!.body)).toMatchObject({ infno: '9002', sign_no: 'SIGN-0001', input: { signOut: { sign_no: 'SIGN-0001', opter_no: 'sy01' } } });
    expect(t.hub.client.signNoOf('sy01')).toBeUndefined();
  });

  it('forgets the sign_no even when 9002 fails', async () => {
    fake = await startFakeHub((req, res) => (req.infno === '9001' ? answerOk(res, '9001', { signinoutb: { sign_no: 'S2' } }) : void res.writeHead(503).end()));
    t = createTestHub(fake.url);
    await t.hub.signIn.signIn(operator);
    await expect(t.hub.signIn.signOut(operator, 'S2')).rejects.toMatchObject({ code: 'HUB_PROTOCOL' });
    expect(t.hub.client.signNoOf('sy01')).toBeUndefined();
  });
});
