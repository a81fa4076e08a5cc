// Test helper: a private pcscd with vsmartcard's vpcd driver, isolated from any system pcscd.
//
// pcscd's socket path is compiled in (/run/pcscd/pcscd.comm) and it has no option to move it, so
// the daemon runs in its own mount namespace (`unshare --mount`) where /run/pcscd is bind-mounted
// from a temp folder; clients reach it through PCSCLITE_CSOCK_NAME=<temp>/pcscd.comm, which
// libpcsclite honours. Its reader configuration (-c) names vpcd on free TCP ports. So parallel test
// runs, another engineer's pcscd and the machine's own service never meet.
//
// When something is missing (pcscd, the vpcd driver, unshare, permission for a mount namespace)
// `startIsolatedPcscd` returns the reason instead, and the test prints it and skips.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PCSCD = '/usr/sbin/pcscd';
export const VPCD_DRIVER = ['/usr/lib/pcsc/drivers/serial/libifdvpcd.so', '/usr/lib/x86_64-linux-gnu/pcsc/drivers/serial/libifdvpcd.so'];

export interface VirtualReaderSpec {
  /** FRIENDLYNAME; pcscd appends " NN 00" / " NN 01" (vpcd has two slots per entry). */
  name: string;
}

export interface IsolatedPcscd {
  /** Give this to libpcsclite as PCSCLITE_CSOCK_NAME. */
  socket: string;
  /** vpcd port of each reader entry's first slot (its second slot is port + 1). */
  ports: number[];
  pid: number;
  /** pcscd's own log (kept in the temp folder until stop). */
  log(): string;
  dir: string;
  stop(): Promise<void>;
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '0.0.0.0', () => s.close(() => resolve(true)));
  });
}

async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = await new Promise<number>((resolve, reject) => {
      const s = net.createServer();
      s.once('error', reject);
      s.listen(0, '0.0.0.0', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    if (base + count > 65535) continue;
    let ok = true;
    for (let i = 0; i < count && ok; i++) ok = await canBind(base + i);
    if (ok) return base;
  }
  throw new Error(`no run of ${count} free TCP ports`);
}

/** Why an isolated pcscd cannot run here, or null when it can. */
export function pcscdUnavailableReason(): string | null {
  if (process.platform !== 'linux') return 'pcscd/vpcd isolation needs Linux';
  if (!existsSync(PCSCD)) return `pcscd not installed (${PCSCD}); apt-get install pcscd`;
  if (!VPCD_DRIVER.some((p) => existsSync(p))) return 'vsmartcard vpcd driver not installed (libifdvpcd.so); apt-get install vsmartcard-vpcd';
  const probe = spawnSync('unshare', ['--mount', 'true'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return 'cannot create a private mount namespace (unshare --mount needs root or CAP_SYS_ADMIN)';
  return null;
}

export async function startIsolatedPcscd(readers: VirtualReaderSpec[], options: { debug?: boolean } = {}): Promise<IsolatedPcscd> {
  const driver = VPCD_DRIVER.find((p) => existsSync(p))!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-pcscd-'));
  const conf = path.join(dir, 'reader.conf.d');
  const run = path.join(dir, 'run');
  mkdirSync(conf);
  mkdirSync(run);
  const base = await freePortRun(readers.length * 2);
  const ports = readers.map((_, i) => base + i * 2);
  readers.forEach((r, i) => {
    const channel = `0x${ports[i]!.toString(16).toUpperCase()}`;
    writeFileSync(path.join(conf, `vpcd-${i}`), `FRIENDLYNAME "${r.name}"\nDEVICENAME   /dev/null:${channel}\nLIBPATH      ${driver}\nCHANNELID    ${channel}\n`);
  });
  // pcscd logs to a file, not a pipe: a test blocked in a synchronous PC/SC call cannot drain a pipe.
  const logFile = path.join(dir, 'pcscd.log');
  const script = `mkdir -p /run/pcscd && mount --bind '${run}' /run/pcscd && exec ${PCSCD} --foreground --auto-exit ${options.debug ? '--debug --apdu ' : ''}--config '${conf}' >'${logFile}' 2>&1`;
  const child: ChildProcess = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script], { stdio: 'ignore' });
  const output = (): string => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const socket = path.join(run, 'pcscd.comm');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const listening = await Promise.all(ports.map((p) => canBind(p).then((free) => !free)));
    if (existsSync(socket) && listening.every(Boolean)) break;
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`pcscd did not start: ${output().slice(-800)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    socket,
    ports,
    pid: child.pid ?? -1,
    dir,
    log: output,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
