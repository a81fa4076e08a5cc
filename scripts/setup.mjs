// npm run setup: one command on a fresh machine — system packages (Debian/Ubuntu, when allowed),
// npm dependencies (native modules build from source), a build, then `npm start` in training mode.
// `npm run setup -- --no-start` stops after installing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const APT_PACKAGES = ['chromium', 'socat', 'udev', 'libusb-1.0-0', 'pcscd', 'libpcsclite-dev', 'vsmartcard-vpcd', 'pcsc-tools', 'fonts-wqy-microhei', 'python3', 'make', 'g++'];

function sh(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status === 0;
}

function haveCommand(c) {
  return spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0;
}

if (process.platform === 'linux' && haveCommand('apt-get')) {
  const root_ = process.getuid?.() === 0;
  const sudo = !root_ && haveCommand('sudo') ? ['sudo', '-n'] : [];
  if (root_ || sudo.length) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const [c, ...pre] = sudo.length ? sudo : ['env'];
    if (!(sh(c, [...pre, 'apt-get', 'update', '-qq'], { env }) && sh(c, [...pre, 'apt-get', 'install', '-y', '-qq', ...APT_PACKAGES], { env }))) {
      console.warn('系统软件包安装失败：读卡器、打印和浏览器测试可能不可用。Continuing with npm dependencies.');
    }
  } else {
    console.warn(`无权限安装系统软件包，请让管理员运行：sudo apt-get install ${APT_PACKAGES.join(' ')}`);
  }
}

const install = existsSync(path.join(root, 'package-lock.json')) ? ['ci'] : ['install'];
if (!sh('npm', install)) {
  console.error('npm 依赖安装失败（见上方输出）。');
  process.exit(1);
}
if (process.argv.includes('--no-start')) process.exit(0);
const ok = sh('npm', ['start', '--', ...process.argv.slice(2).filter((a) => a !== '--no-start')]);
process.exit(ok ? 0 : 1);
