// IPC for the Electron shell: one channel per contract method (`yk:<method>`), each call checked
// for its sender (our own page, main frame, from our file:// or app origin) before it reaches the host.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { methodNames, type CallResult } from '@src/contract';
import type { Host } from '@src/host/host';

const REFUSED: CallResult<never> = {
  ok: false,
  error: { code: 'BRIDGE_UNAUTHENTICATED', message: '请求来源未通过终端校验', hint: '请只在终端程序窗口中操作。' },
};

/** True when the message comes from the main frame of a page the terminal itself loaded. */
export function isTrustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    const expected = new URL(rendererUrl);
    return url.protocol === expected.protocol && url.host === expected.host && url.pathname === expected.pathname;
  } catch {
    return false;
  }
}

export function registerBridge(host: Host, rendererUrl: string, onRejected: (method: string, url: string) => void): void {
  for (const method of methodNames) {
    ipcMain.handle(`yk:${method}`, async (event, input: unknown) => {
      if (!isTrustedSender(event, rendererUrl)) {
        onRejected(method, event.senderFrame?.url ?? '(none)');
        return REFUSED;
      }
      return host.invoke(method, input, { clientId: `electron-${event.sender.id}`, shell: 'electron' });
    });
  }
}

/** Forwards host events to one window; returns the detach function. */
export function forwardEvents(host: Host, contents: WebContents): () => void {
  return host.attachClient(`electron-${contents.id}`, (event, payload) => {
    if (!contents.isDestroyed()) contents.send('yk:event', event, payload);
  });
}
