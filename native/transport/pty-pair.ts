// A connected pair of pseudo-terminals, made by socat: a virtual device runs on one end, the
// terminal opens the other through the real serial stack (serialport, termios). Used by training
// mode (virtual ID-card reader and scanner) and by the serial tests.
//
// Closing the pair (killing socat) is what an unplugged USB-serial reader looks like to the
// terminal: reads fail with EIO and the port closes with an error.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';

const log = logger('pty-pair');
const SH = '/bin/sh';

/** The socat executable on PATH, or null when it is not installed. */
export function findSocat(envPath = process.env.PATH ?? ''): string | null {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, process.platform === 'win32' ? 'socat.exe' : 'socat');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export interface PtyPairOptions {
  /** Folder for the two links (use a mkdtemp folder in tests). */
  dir: string;
  /** Link names inside dir; default ['a', 'b']. */
  names?: readonly [string, string];
  /** How long to wait for socat to create the links. Default 5000 ms. */
  timeoutMs?: number;
}

export interface PtyPair {
  /** Path of the first end (symlink to /dev/pts/N). */
  readonly a: string;
  /** Path of the second end. */
  readonly b: string;
  readonly pid: number;
  readonly running: boolean;
  /** Kills socat and waits for it to exit; the links disappear. Safe to call twice. */
  close(): Promise<void>;
}

function removeStaleLink(file: string): void {
  try {
    if (lstatSync(file).isSymbolicLink()) rmSync(file, { force: true });
  } catch {
    // absent: fine
  }
}

export async function openPtyPair(options: PtyPairOptions): Promise<PtyPair> {
  const socat = findSocat();
  if (!socat) {
    throw new AppError({ code: 'DEVICE_SOCAT_MISSING', message: '未安装 socat，无法创建虚拟串口', hint: '请安装 socat（Debian/Ubuntu：apt-get install socat）。', detail: 'socat not found on PATH' });
  }
  const [nameA, nameB] = options.names ?? ['a', 'b'];
  const a = path.join(options.dir, nameA);
  const b = path.join(options.dir, nameB);
  removeStaleLink(a);
  removeStaleLink(b);
  const socatArgs = ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`];
  // socat outlives a parent killed by a signal (no 'exit' handler runs then) and keeps the ptys.
  // Where a POSIX shell exists, a guard holds socat: it reads our stdin pipe, which the kernel
  // closes however this process ends, and then stops socat. close() ends the pipe the same way.
  const guarded = existsSync(SH);
  const child: ChildProcess = guarded
    ? spawn(SH, ['-c', 'socat "$@" & pid=$!; cat >/dev/null; kill $pid 2>/dev/null; wait $pid', 'socat-guard', ...socatArgs], {
        stdio: ['pipe', 'ignore', 'pipe'],
        env: { ...process.env, PATH: `${path.dirname(socat)}${path.delimiter}${process.env.PATH ?? ''}` },
      })
    : spawn(socat, socatArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString('utf8');
  });
  let exited = false;
  /** Asks socat to stop (it removes its links when it does). */
  const stop = (): void => {
    if (guarded) child.stdin?.end();
    else child.kill('SIGTERM');
  };
  // Without the guard, at least a normal exit of this process takes socat along.
  const killOnExit = (): void => {
    if (!exited && !guarded) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      process.off('exit', killOnExit);
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });

  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  while (!(existsSync(a) && existsSync(b) && stderr.includes('starting data transfer loop'))) {
    if (exited || Date.now() > deadline) {
      if (!exited) stop();
      throw new AppError({ code: 'DEVICE_PTY_FAILED', message: '无法创建虚拟串口', hint: '请检查 socat 是否可用、目录是否可写。', detail: `socat did not create ${a} / ${b}: ${stderr.slice(0, 500)}` });
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  log.debug({ a, b, pid: child.pid }, 'pty pair ready');

  return {
    a,
    b,
    pid: child.pid ?? -1,
    get running() {
      return !exited;
    },
    async close() {
      if (!exited) {
        stop();
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        await exit;
        clearTimeout(timer);
      }
      removeStaleLink(a);
      removeStaleLink(b);
    },
  };
}
