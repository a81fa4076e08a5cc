// Running the `yikatong` bin as IT staff do: a child process of this Node, from the repository
// root, with the test's environment on top of ours, collecting stdout and stderr.
//
// Why shared: the CLI tests of the device drivers (ID card, 社保卡) must start the bin the same
// way, so a difference in their results is the driver's, never the harness's.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const yikatongBin = path.join(repoRoot, 'bin/yikatong.mjs');

export interface BinResult {
  /** Exit code; -1 when killed by a signal. */
  code: number;
  stdout: string;
  stderr: string;
}

export function yikatong(args: string[], env: Record<string, string> = {}): Promise<BinResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [yikatongBin, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
