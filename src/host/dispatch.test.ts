import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rootLoggerOptions, setRootLogger } from '@src/platform/logger';
import { startTestHost, type TestHost } from '../../test/helpers/test-host';

describe('the bridge dispatcher', () => {
  let host: TestHost;
  let logged: string[];
  beforeEach(async () => {
    logged = [];
    setRootLogger(pino({ ...rootLoggerOptions(), level: 'info' }, { write: (line: string) => void logged.push(line) }));
    host = await startTestHost();
  });
  afterEach(async () => {
    await host.close();
    setRootLogger(pino({ level: 'silent' }));
  });

  it('rejects an unknown method and logs it', async () => {
    const r = await host.callAs('c1', 'system.formatDisk', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNKNOWN_METHOD' } });
    expect(logged.join('')).toContain('rejected unknown method');
  });

  it('rejects a malformed payload with the field named in Chinese, and logs it without the values', async () => {
    const r = await host.callAs('c1', 'session.login', { username: 'sy01', password: '', extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BRIDGE_BAD_INPUT');
      expect(r.error.message).toContain('输入不正确');
    }
    expect(logged.join('')).toContain('rejected malformed input');
    expect(logged.join('')).not.toContain('train1234');
  });

  it('requires a signed-in operator for non-public methods', async () => {
    expect(await host.callAs('c1', 'system.status')).toMatchObject({ ok: false, error: { code: 'AUTH_NOT_SIGNED_IN' } });
  });

  it('refuses an IT method to a cashier, and allows it to an IT admin', async () => {
    await host.signIn('cashier', 'sy01');
    await host.signIn('admin', 'it01');
    expect(await host.callAs('cashier', 'config.get')).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });
    expect(await host.callAs('admin', 'config.get')).toMatchObject({ ok: true });
    expect(logged.join('')).toContain('refused by role');
  });

  it('keeps sessions apart per window', async () => {
    await host.signIn('w1', 'sy01');
    expect(await host.callAs('w1', 'session.state')).toMatchObject({ ok: true, value: { signedIn: true } });
    expect(await host.callAs('w2', 'session.state')).toMatchObject({ ok: true, value: { signedIn: false } });
  });

  it('blocks work while locked but allows status and unlock', async () => {
    await host.signIn('w1', 'it01');
    await host.callAs('w1', 'session.lock');
    expect(await host.callAs('w1', 'operators.list')).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED' } });
    expect(await host.callAs('w1', 'system.status')).toMatchObject({ ok: true });
    expect(await host.callAs('w1', 'session.unlock', { password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'AUTH_BAD_CREDENTIALS' } });
    expect(await host.callAs('w1', 'session.unlock', { password: 'train1234' })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await host.callAs('w1', 'operators.list')).toMatchObject({ ok: true });
  });

  it('audits sign-in and sign-out', async () => {
    await host.signIn('w1', 'sy01');
    await host.callAs('w1', 'session.logout');
    const actions = host.services.audit.list().map((e) => e.action);
    expect(actions).toContain('operator.signIn');
    expect(actions).toContain('operator.signOut');
  });
});
