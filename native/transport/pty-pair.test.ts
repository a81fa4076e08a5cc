// socat must never outlive the process that made the pair, however that process ends.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSocat, openPtyPair } from './pty-pair';
import { waitUntil } from './wait-until';

const socat = findSocat();
if (!socat) console.warn('pty-pair tests skipped: socat is not installed (apt-get install socat)');

describe.skipIf(!socat)('socat pty pairs', () => {
  it('creates two linked ends and removes them on close', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-pty-'));
    try {
      const pair = await openPtyPair({ dir, names: ['x', 'y'] });
      expect(existsSync(pair.a) && existsSync(pair.b)).toBe(true);
      expect(pair.running).toBe(true);
      await pair.close();
      await pair.close();
      expect(pair.running).toBe(false);
      expect(existsSync(pair.a) || existsSync(pair.b)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends socat when the owning process is killed outright (SIGKILL)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-pty-'));
    const repo = path.resolve(import.meta.dirname, '../..');
    const script = `import { openPtyPair } from '@native/transport/pty-pair'; const p = await openPtyPair({ dir: ${JSON.stringify(dir)} }); console.log(p.b); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await waitUntil(() => out.includes('\n'), { timeoutMs: 20_000, what: 'child pair' });
      const link = out.trim();
      expect(existsSync(link)).toBe(true);
      child.kill('SIGKILL');
      await waitUntil(() => !existsSync(link), { timeoutMs: 5000, what: 'socat gone after its owner was killed' });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
