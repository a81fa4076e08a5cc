// The browser shell's local channel: only this start's page may call the host.
import http from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '@src/host/browser-shell/browser-shell-server';
import { rootLoggerOptions, setRootLogger } from '@src/platform/logger';
import { startTestHost, type TestHost } from '../helpers/test-host';

describe('browser shell channel', () => {
  let host: TestHost;
  let shell: BrowserShell;
  const logged: string[] = [];
  const base = (): string => `http://127.0.0.1:${shell.port}`;
  const call = (method: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${base()}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${shell.secret}`, 'x-client-id': 'client-0001', 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    setRootLogger(pino({ ...rootLoggerOptions(), level: 'info' }, { write: (l: string) => void logged.push(l) }));
    host = await startTestHost();
    shell = await startBrowserShell({ host, staticDir: '/nonexistent' });
  });
  afterAll(async () => {
    await shell.close();
    await host.close();
    setRootLogger(pino({ level: 'silent' }));
  });

  it('hands the secret to the page in the URL fragment only', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=[A-Za-z0-9_-]{40,}$/);
  });

  it('answers a call that carries the secret', async () => {
    const res = await call('system.info', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { mode: 'training' } });
  });

  it('rejects and logs a call without the secret', async () => {
    const res = await call('system.info', {}, { authorization: '' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNAUTHENTICATED' } });
    expect(logged.join('')).toContain('missing or wrong secret');
  });

  it('rejects a wrong secret of the same length', async () => {
    const wrong = shell.secret.replace(/./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await call('system.info', {}, { authorization: `Bearer ${wrong}` })).status).toBe(401);
  });

  it('rejects an unknown method and a malformed payload', async () => {
    expect(await (await call('system.shutdownHospital', {})).json()).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNKNOWN_METHOD' } });
    expect(await (await call('session.login', '{not json')).json()).toMatchObject({ ok: false, error: { code: 'BRIDGE_BAD_INPUT' } });
    expect(await (await call('session.login', { username: 42 })).json()).toMatchObject({ ok: false, error: { code: 'BRIDGE_BAD_INPUT' } });
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    // fetch cannot set Host; a raw request can, as a rebinding attacker's page effectively does.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: shell.port, path: '/api/system.info', method: 'POST', headers: { host: 'evil.example', authorization: `Bearer ${shell.secret}`, 'x-client-id': 'client-0001' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
    const foreign = await call('system.info', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(logged.join('')).toContain('foreign Origin');
  });

  it('streams events to a window that holds the secret', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base()}/events`, { headers: { authorization: `Bearer ${shell.secret}`, 'x-client-id': 'client-0001' }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await host.signIn('client-0001', 'sy01');
    host.services.status.setQueue({ depth: 3, amountFen: 1200, flushing: false });
    let text = '';
    while (!text.includes('event: status.changed')) text += (await reader.read()).value ?? '';
    expect(text).toContain('"depth":3');
    ctrl.abort();
  });

  it('refuses the event stream without the secret', async () => {
    expect((await fetch(`${base()}/events`, { headers: { 'x-client-id': 'client-0001' } })).status).toBe(401);
  });

  it('serves no file outside the renderer folder', async () => {
    const res = await fetch(`${base()}/..%2f..%2fetc%2fpasswd`);
    expect([403, 404, 503]).toContain(res.status);
  });
});
