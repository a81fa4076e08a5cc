// Sandboxed preload: exposes exactly the contract's methods, one function per operation, and
// event subscription limited to the contract's event names. No ipcRenderer, no Node, reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { eventNames, methodNames, splitMethodName } from '@src/contract';

const bridge: Record<string, unknown> = {};
for (const name of methodNames) {
  const [domain, action] = splitMethodName(name);
  const group = (bridge[domain] ??= {}) as Record<string, unknown>;
  group[action] = (input: unknown) => ipcRenderer.invoke(`yk:${name}`, input ?? {});
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
ipcRenderer.on('yk:event', (_event, name: string, payload: unknown) => {
  for (const l of listeners.get(name) ?? []) l(payload);
});

bridge.subscribe = (event: string, listener: (payload: unknown) => void) => {
  if (!(eventNames as string[]).includes(event)) throw new Error(`unknown event ${event}`);
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
};

contextBridge.exposeInMainWorld('yikatong', bridge);
