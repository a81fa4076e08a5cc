// The browser shell's "preload": gives the page the same window.yikatong that Electron's preload
// exposes, carried over the local HTTP channel. It does nothing under Electron (window.yikatong is
// already there). The per-start secret arrives in the URL fragment (never sent to any server); it is
// kept in sessionStorage for reloads and removed from the address bar at once.
import { eventNames, methodNames, splitMethodName, type CallResult } from '@src/contract';

declare global {
  interface Window {
    yikatong?: unknown;
  }
}

const SECRET_KEY = 'yikatong.secret';
const CLIENT_KEY = 'yikatong.client';

function takeSecret(): string | null {
  const m = /(?:^#|&)k=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(SECRET_KEY, m[1]);
    history.replaceState(null, '', location.pathname + location.search + '#/');
  }
  return sessionStorage.getItem(SECRET_KEY);
}

function clientId(): string {
  let id = sessionStorage.getItem(CLIENT_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(CLIENT_KEY, id);
  }
  return id;
}

const NO_SECRET: CallResult<never> = {
  ok: false,
  error: { code: 'BRIDGE_UNAUTHENTICATED', message: '此页面未经终端授权', hint: '请从终端程序启动时打印的地址（含 #k=…）打开界面。' },
};
const OFFLINE_HOST: CallResult<never> = {
  ok: false,
  error: { code: 'BRIDGE_HOST_UNREACHABLE', message: '无法连接终端服务', hint: '终端服务可能已退出：请重新启动终端程序。' },
};

function install(): void {
  const secret = takeSecret();
  const client = clientId();
  const headers = (): Record<string, string> => ({ authorization: `Bearer ${secret ?? ''}`, 'x-client-id': client, 'content-type': 'application/json' });

  async function call(method: string, input: unknown): Promise<CallResult> {
    if (!secret) return NO_SECRET;
    try {
      const res = await fetch(`/api/${encodeURIComponent(method)}`, { method: 'POST', headers: headers(), body: JSON.stringify(input ?? {}) });
      return (await res.json()) as CallResult;
    } catch {
      return OFFLINE_HOST;
    }
  }

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function stream(): Promise<void> {
    if (streaming || !secret) return;
    streaming = true;
    for (;;) {
      try {
        const res = await fetch('/events', { headers: headers() });
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data !== undefined) for (const l of listeners.get(event) ?? []) l(JSON.parse(data));
          }
        }
      } catch {
        // The host restarted or the network blipped: reconnect shortly.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  const bridge: Record<string, unknown> = {};
  for (const name of methodNames) {
    const [domain, action] = splitMethodName(name);
    const group = (bridge[domain] ??= {}) as Record<string, unknown>;
    group[action] = (input: unknown) => call(name, input);
  }
  bridge.subscribe = (event: string, listener: (payload: unknown) => void) => {
    if (!(eventNames as string[]).includes(event)) throw new Error(`unknown event ${event}`);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    void stream();
    return () => set.delete(listener);
  };
  window.yikatong = Object.freeze(bridge);
}

if (!window.yikatong) install();
