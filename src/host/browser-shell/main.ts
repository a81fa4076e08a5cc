// Entry of the browser shell: `npm start` runs this where no Electron runtime is installed.
// Starts the host (training mode unless configured otherwise), serves the renderer on 127.0.0.1,
// prints the address and opens Chromium in app mode when a display and a Chromium exist.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isAppError } from '@src/common/errors';
import { startHost } from '../host';
import { startBrowserShell } from './browser-shell-server';

/** The folder holding package.json: works from src/ (tsx) and from dist/ (bundled). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function openChromium(url: string, dataDir: string): boolean {
  const bin = process.env.YIKATONG_CHROMIUM ?? CHROMIUM_CANDIDATES.find((c) => existsSync(c));
  if (!bin || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)) return false;
  const profile = path.join(dataDir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const child = spawn(bin, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1366,800'], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  return true;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      mode: { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string', default: '0' },
      pharmacy: { type: 'boolean', default: false },
      open: { type: 'boolean', default: true },
      'no-open': { type: 'boolean', default: false },
      'url-file': { type: 'string' },
      'static-dir': { type: 'string' },
    },
    allowPositionals: false,
  });
  const mode = values.mode === 'live' || values.mode === 'training' ? values.mode : undefined;
  const host = await startHost({
    ...(values['data-dir'] ? { dataRoot: values['data-dir'] } : {}),
    ...(mode ? { mode } : {}),
    ...(values.config ? { configFile: values.config } : {}),
    ...(values.pharmacy ? { trainingInstitution: 'pharmacy' as const } : {}),
    logToFiles: true,
    echoWarnings: true,
  });
  const shell = await startBrowserShell({
    host,
    staticDir: values['static-dir'] ?? path.join(projectRoot(), 'dist', 'renderer'),
    port: Number(values.port),
  });

  const { services } = host;
  console.log(`一卡通结算终端 (${services.mode === 'training' ? '培训模式 training mode' : '正式模式 live mode'})`);
  console.log(`数据目录 data: ${services.paths.dir}`);
  for (const m of services.missing) console.log(`尚不可用 missing: ${m.capability} — ${m.reason}`);
  console.log(`YIKATONG_URL=${shell.url}`);
  if (values['url-file']) writeFileSync(values['url-file'], shell.url);
  const opened = values.open && !values['no-open'] && openChromium(shell.url, services.paths.dir);
  console.log(opened ? '已在 Chromium 中打开。Opened in Chromium.' : '请在浏览器中打开上面的地址。Open the address above in Chromium or Chrome.');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在安全退出… stopping`);
    await shell.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (isAppError(e)) console.error(`启动失败：${e.message}${e.hint ? `\n${e.hint}` : ''}`);
  else console.error('启动失败 start failed:', e);
  process.exit(1);
});
