// E2E fixtures: each test gets its own terminal (browser shell, training mode, fresh data folder)
// started as a child process exactly as `npm start` would, and a page opened at its address.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface Terminal {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the terminal printed (stdout + stderr). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  args?: string[];
  dataDir?: string;
  env?: Record<string, string>;
}

/** Starts a terminal (browser shell) and waits for its address. */
export async function startTerminal(options: StartOptions = {}): Promise<Terminal> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'yk-e2e-'));
  const urlFile = path.join(dataDir, `url-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/browser-shell/main.ts', '--data-dir', dataDir, '--no-open', '--url-file', urlFile, ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, YIKATONG_LOG_LEVEL: process.env.YIKATONG_LOG_LEVEL ?? 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const started = Date.now();
  while (!existsSync(urlFile)) {
    if (child.exitCode !== null) throw new Error(`terminal exited early (${child.exitCode}):\n${out}`);
    if (Date.now() - started > 60_000) throw new Error(`terminal did not start within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = readFileSync(urlFile, 'utf8').trim();
  return {
    url,
    dataDir,
    process: child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export const TRAINING_PASSWORD = 'train1234';

/** Signs in through the login form. */
export async function login(page: Page, username: string, password = TRAINING_PASSWORD): Promise<void> {
  await page.getByLabel('工号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登录/ }).click();
}

export const test = base.extend<{ terminal: Terminal }>({
  terminal: async ({}, use) => {
    const terminal = await startTerminal();
    await use(terminal);
    await terminal.stop();
    rmSync(terminal.dataDir, { recursive: true, force: true });
  },
});

export { expect };
