// The Electron shell launches the same renderer with the sandboxed preload and the host in-process.
// Runs wherever an Electron binary is installed; elsewhere it says plainly that it was skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-runtime.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const binary = electronBinary();
const SKIP_REASON = 'SKIPPED: no Electron binary is installed on this machine (its download is disabled by allowScripts); the browser-shell e2e tests cover the same renderer and contract.';

test('Electron shell: a cashier signs in and sees the status bar', async () => {
  if (!binary) console.warn(`[electron launch test] ${SKIP_REASON}`);
  test.skip(!binary, SKIP_REASON);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yk-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.join(repoRoot, 'dist', 'main', 'main.cjs'), '--no-sandbox', '--data-dir', dataDir],
    env: { ...process.env, YIKATONG_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await page.getByLabel('工号').fill('sy01');
    await page.getByLabel('密码').fill('train1234');
    await page.getByRole('button', { name: /登录/ }).click();
    await expect(page.getByTestId('statusbar')).toContainText('医保中心');
    // The page has no Node: only the contract's bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { yikatong?: { session?: unknown } }).yikatong?.session)).toBe('object');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
