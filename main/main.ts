// Electron main process: thin. Starts the host in-process, opens one hardened window on the built
// renderer, wires the IPC bridge, and shuts the host down cleanly (its journal and queue are durable
// regardless). Everything else lives in src/.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { startHost, type Host, type KeyWrapper } from '@src/host/host';
import { electronReceiptPrinter } from './receipt-printer';
import { forwardEvents, registerBridge } from './bridge-ipc';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let host: Host | undefined;

/** Options from the command line or from `npm start -- …` (passed as YIKATONG_ARGS). */
function launchOptions(): { dataDir?: string; mode?: string; config?: string; pharmacy?: boolean } {
  const fromStart = process.env.YIKATONG_ARGS ? (JSON.parse(process.env.YIKATONG_ARGS) as string[]) : [];
  const { values } = parseArgs({
    args: [...fromStart, ...process.argv.slice(app.isPackaged ? 1 : 2)],
    options: { 'data-dir': { type: 'string' }, mode: { type: 'string' }, config: { type: 'string' }, pharmacy: { type: 'boolean' } },
    strict: false,
  });
  return {
    ...(typeof values['data-dir'] === 'string' ? { dataDir: values['data-dir'] } : {}),
    ...(typeof values.mode === 'string' ? { mode: values.mode } : {}),
    ...(typeof values.config === 'string' ? { config: values.config } : {}),
    ...(values.pharmacy === true ? { pharmacy: true } : {}),
  };
}

function dataRoot(explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  if (process.env.YIKATONG_DATA_DIR) return process.env.YIKATONG_DATA_DIR;
  return app.isPackaged ? app.getPath('userData') : undefined;
}

function createWindow(h: Host): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    title: '一卡通结算终端',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const detach = forwardEvents(h, win.webContents);
  win.on('closed', () => detach());
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(rendererUrl)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
  return win;
}

/** Wraps the data key with the OS key store when one is available (DPAPI, libsecret, Keychain). */
function osKeyWrapper(): KeyWrapper | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    name: 'electron-safeStorage',
    wrap: (key) => safeStorage.encryptString(key.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  try {
    const options = launchOptions();
    const root = dataRoot(options.dataDir);
    host = await startHost({
      ...(root ? { dataRoot: root } : {}),
      ...(options.mode === 'live' || options.mode === 'training' ? { mode: options.mode } : {}),
      ...(options.config ? { configFile: options.config } : {}),
      ...(options.pharmacy ? { trainingInstitution: 'pharmacy' as const } : {}),
      logToFiles: true,
      receiptPrinter: electronReceiptPrinter(),
      ...(osKeyWrapper() ? { keyWrapper: osKeyWrapper()! } : {}),
    });
  } catch (e) {
    dialog.showErrorBox('一卡通结算终端无法启动', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  const h = host;
  registerBridge(h, rendererUrl, (method, url) => h.reportRejectedCall(method, url));
  let win = createWindow(h);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow(h);
  });
}

let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !host) return;
  e.preventDefault();
  quitting = true;
  void host.close().finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());

void main();
