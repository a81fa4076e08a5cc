import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTerminalDb } from '@src/database/terminal-db';
import { OperatorAccounts } from '@src/operators/operator-accounts';
import { OperatorSessions } from '@src/operators/operator-sessions';
import { AuditLog } from '@src/audit/audit-log';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import { StatusBoard } from '@src/status/status-board';
import { answerOk, startFakeHub, type FakeHub } from '../../test/integration/hub-client-fake-hub';
import { createTestHub, testConfig, type TestHub } from '../../test/integration/hub-client-test-kit';
import { insuplcAdmdvsOf } from './hub';
import { startHubServices } from './hub-wiring';

let fake: FakeHub | undefined;
let t: TestHub | undefined;
afterEach(async () => {
  t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

describe('the hub service', () => {
  it('routes each typed function to its transaction', async () => {
    fake = await startFakeHub((req, res) => answerOk(res, req.infno as '1312', { data: [{ hilist_code: 'X01', pric_uplmt_amt: '12.5' }], pageNum: 1 }));
    t = createTestHub(fake.url);
    const page = await t.hub.catalogPage('1316', { data: { updt_time: '2024-01-01 00:00:00', page_num: 1, page_size: 100 } });
    expect(page.output.data[0]).toEqual({ hilist_code: 'X01', pric_uplmt_amt: '12.5' });
    fake.handle((req, res) => answerOk(res, '1301', { file_qury_no: 'F-1', filename: 'plc', data_cnt: 3 }));
    const file = await t.hub.catalogFile('1305', '0');
    expect(file.output).toMatchObject({ file_qury_no: 'F-1', data_cnt: 3 });
    expect(fake.requests.map((r) => r.infno)).toEqual(['1316', '1305']);
  });

  it('gives a settlement budget from the configuration', () => {
    t = createTestHub('http://127.0.0.1:9/x', { config: { timeouts: { settlementBudgetMs: 7000 } } });
    expect(t.hub.settlementBudget().totalMs).toBe(7000);
  });

  it('finds insuplc_admdvs for the chosen insutype in a 1101 answer', () => {
    const person = { baseinfo: { psn_no: 'P1' }, insuinfo: [{ insutype: '390', insuplc_admdvs: '340100', balc: 0 }, { insutype: '310', insuplc_admdvs: '320500', balc: 0 }], idetinfo: [] };
    expect(insuplcAdmdvsOf(person, '310')).toBe('320500');
    expect(insuplcAdmdvsOf(person, '340')).toBeUndefined();
  });

  it('is wired into the host: sign-in for sessions, status from the monitor, recovery at start', async () => {
    fake = await startFakeHub((req, res) => answerOk(res, '9001', { signinoutb: { sign_no: 'SIGN-9' } }));
    const db = openTerminalDb(':memory:');
    const config = testConfig(fake.url);
    const audit = new AuditLog(db, () => 'T07');
    const accounts = new OperatorAccounts(db, audit);
    const sessions = new OperatorSessions(accounts, audit, () => ({ ...config.security }));
    const status = new StatusBoard('training');
    const closers: (() => unknown)[] = [];
    const box = new SealedBox(randomBytes(32));
    const { hub } = startHubServices({ db, config: () => config, sealed: () => box, sessions, status, monitor: true, onClose: (fn) => void closers.push(fn) });
    await accounts.create({ username: 'sy01', displayName: '王小红', role: 'cashier', password: 'train1234' }, 'test');
    const state = await sessions.login('w1', 'sy01', 'train1234');
    expect(state.hubSignedIn).toBe(true);
    expect(hub.client.signNoOf('sy01')).toBe('SIGN-9');
    const end = Date.now() + 2000;
    while (status.get().hub.state === 'unknown' && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(status.get().hub.state).toBe('online');
    for (const c of closers.reverse()) await c();
    db.close();
  });
});
