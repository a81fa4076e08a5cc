// npm start [-- options]: builds, then starts the terminal in training mode (unless configured live).
// Electron where an Electron runtime is installed; otherwise the browser shell (prints the address
// and opens Chromium when there is a display). Options are passed on: --browser (force the browser
// shell), --pharmacy (play the training pharmacy), --mode live, --config file.json, --data-dir dir, --port n.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (!existsSync(path.join(root, 'node_modules', 'better-sqlite3'))) {
  console.error('依赖尚未安装：请先运行 npm run setup（安装系统软件包和 npm 依赖并启动）。');
  process.exit(1);
}

const { buildAll } = await import('./build.mjs');
await buildAll();

const forceBrowser = args.includes('--browser');
const passOn = args.filter((a) => a !== '--browser');
const electron = forceBrowser ? undefined : electronBinary();

let child;
if (electron) {
  console.log('启动 Electron 外壳… starting the Electron shell');
  const electronArgs = [path.join(root, 'dist', 'main', 'main.cjs'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  child = spawn(electron, electronArgs, { stdio: 'inherit', cwd: root, env: { ...process.env, YIKATONG_ARGS: JSON.stringify(passOn) } });
} else {
  if (!forceBrowser) console.log('未找到 Electron 运行时（本机无法下载），改用浏览器外壳。No Electron runtime installed: using the browser shell.');
  child = spawn(process.execPath, [path.join(root, 'dist', 'host', 'browser-shell.mjs'), ...passOn], { stdio: 'inherit', cwd: root });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
