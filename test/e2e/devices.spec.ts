/// <reference lib="dom" />
// The device screen in training mode: status per device, the training panel (place a card, show an
// e-voucher, scan a drug code), a keyboard-wedge scan, reconnect.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, login, test } from './fixtures';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
if (!hasSocat) console.warn('devices e2e: socat is not installed, so the "configure a reader on a serial port" test is skipped (apt-get install socat)');

/**
 * A GA 467 reader on a serial port, as far as the terminal can tell: the virtual SAM_V reader on
 * one end of a socat pty pair (in a child process, like a device outside the terminal), with a card
 * on it. Resolves to the port path the terminal should open.
 */
async function readerOnPty(dir: string): Promise<{ port: string; stop(): void }> {
  const script = `
    import { openPtyPair } from '@native/transport/pty-pair';
    import { SerialByteTransport } from '@native/transport/serial-transport';
    import { VirtualSamvReader } from '@native/virtual/virtual-samv-reader';
    const pair = await openPtyPair({ dir: ${JSON.stringify(dir)}, names: ['device', 'reader'] });
    const reader = new VirtualSamvReader(new SerialByteTransport({ path: pair.a }), { paceBaud: 115200 });
    await reader.start();
    reader.placeCard({ text: { name: '王芳', gender: '1', nation: '01', birthDate: '1955-06-07', address: '四川省成都市锦江区红星路二段20号', idNumber: '510101195506070036', authority: '成都市公安局锦江分局', validFrom: '2015-07-01', validTo: '长期' } });
    console.log(pair.b);
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const started = Date.now();
  while (!out.includes('\n')) {
    if (child.exitCode !== null) throw new Error(`virtual reader exited early (${child.exitCode})`);
    if (Date.now() - started > 30_000) throw new Error('virtual reader did not start within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port: out.trim(), stop: () => child.kill('SIGTERM') };
}

/**
 * A USB keyboard-wedge scanner reading `code`: keydown events a few microseconds apart, each character
 * inserted into the focused text field as the browser would, then Enter. Dispatched in one task in the
 * page because Playwright's keyboard.type takes a round trip per key: on a loaded 2-core machine its
 * gaps exceed a scanner's and the test would measure the machine, not the detector. (Slow typing, whose
 * gaps only grow under load, still goes through the real keyboard below.) Untrusted events do not
 * submit forms, so whatever is recognised comes from the wedge path alone.
 */
async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (const key of [...text, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      if (key !== 'Enter' && target instanceof HTMLInputElement) {
        setValue.call(target, target.value + key);
        target.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
  }, code);
}

test.describe('devices in training mode', () => {
  test('an IT admin sees the virtual devices connected and reconnects one', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'it01');
    await page.getByRole('navigation').getByText('设备').click();
    const table = page.getByTestId('devices-table');
    await expect(table.getByTestId('device-training-idcard')).toHaveAttribute('data-state', 'connected');
    await expect(table.getByTestId('device-training-scanner')).toHaveAttribute('data-state', 'connected');
    await expect(table.getByTestId('device-keyboard-wedge')).toContainText('已连接');
    await table.getByTestId('device-training-idcard').getByRole('button', { name: '重新连接' }).click();
    await expect(page.getByRole('status')).toContainText('身份证读卡器（培训）：已连接');
    await expect(page.getByTestId('status-devices')).toContainText('3/3'); // issue 5: + the training 社保卡 reader
  });

  test('a trainee places an ID card, scans a drug code and shows an e-voucher, keyboard first', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F9');
    const panel = page.getByTestId('training-panel');
    const zhangWei = panel.getByTestId('training-patient-320501197203150018');
    await zhangWei.getByRole('button', { name: '放身份证' }).focus();
    await page.keyboard.press('Enter');
    const recent = page.getByTestId('devices-recent');
    await expect(recent).toContainText('身份证：张* 320501********0018');
    await expect(zhangWei.getByRole('button', { name: '拿走身份证' })).toBeVisible();
    await expect(page.getByTestId('device-training-idcard')).toContainText('身份证 张* 320501********0018');
    await zhangWei.getByRole('button', { name: '拿走身份证' }).click();
    await expect(zhangWei.getByRole('button', { name: '放身份证' })).toBeVisible();

    await panel.getByRole('button', { name: /扫描：阿莫西林胶囊 0.25g/ }).click();
    await expect(recent).toContainText('药品条码：6901234567892');

    await zhangWei.getByRole('button', { name: '出示电子凭证' }).click();
    // Resolved through the hub client's ec.query against the embedded training hub: identity + ecToken.
    await expect(recent).toContainText('医保电子凭证：张* 320501********0018');
  });

  test('a keyboard-wedge scan on another screen reaches the terminal (capture is shell-wide)', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    // Still on the home screen, nothing focused: a wired scanner reads a drug code.
    await wedgeScan(page, '6934567890122');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('devices-recent')).toContainText('药品条码：6934567890122');
  });

  test('on the device screen F6 refreshes and F5 still opens 结算记录 (each key does one thing)', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F9');
    const table = page.getByTestId('devices-table');
    await expect(table).toBeVisible();
    await expect(page.getByRole('button', { name: '刷新（F6）' })).toBeVisible();
    await page.keyboard.press('F6');
    await expect(table.getByTestId('device-training-idcard')).toBeVisible();
    await expect(page.getByTestId('history-screen')).toHaveCount(0);
    await page.keyboard.press('F5');
    await expect(page.getByTestId('history-screen')).toBeVisible();
    await expect(table).toHaveCount(0);
  });

  test('a keyboard-wedge scan is recognised and does not stay in the text field', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F9');
    const field = page.getByLabel('其他条码');
    await field.focus();
    // A scanner types a code within microseconds per key and ends it with Enter.
    await wedgeScan(page, '6934567890122');
    await expect(page.getByTestId('devices-recent')).toContainText('药品条码：6934567890122');
    await expect(field).toHaveValue('');
    // A person typing slowly keeps what they typed.
    await field.pressSequentially('ABC', { delay: 150 });
    await page.waitForTimeout(400);
    await expect(field).toHaveValue('ABC');
  });

  test('an IT admin adds a reader on a serial port from the device screen: it connects and reads the card; then removes it', async ({ page, terminal }) => {
    test.skip(!hasSocat, 'socat is not installed');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yk-e2e-reader-'));
    const reader = await readerOnPty(dir);
    try {
      await page.goto(terminal.url);
      await login(page, 'it01');
      await expect(page.getByTestId('mode-badge')).toBeVisible();
      await page.keyboard.press('F9');
      const config = page.getByTestId('device-config');
      // A wrong id is refused with the rule, and nothing is saved.
      await config.getByLabel('设备编号').fill('Counter 1');
      await config.getByLabel('端口路径').fill(reader.port);
      await config.getByRole('button', { name: '添加并连接' }).click();
      await expect(config.getByRole('alert')).toContainText('设备编号为1–32位小写字母');
      await expect(page.getByTestId('device-counter-1')).toHaveCount(0);

      await config.getByLabel('设备编号').fill('counter-1');
      await config.getByRole('button', { name: '添加并连接' }).click();
      await expect(config.getByRole('status')).toContainText('已添加设备 counter-1');
      const row = page.getByTestId('devices-table').getByTestId('device-counter-1');
      await expect(row).toHaveAttribute('data-state', 'connected');
      await expect(row).toContainText(reader.port);
      // The card on the reader is read at once: a medium for the work screens, masked here.
      await expect(page.getByTestId('devices-recent')).toContainText('身份证：王* 510101********0036');
      await expect(row).toContainText('身份证 王* 510101********0036');

      await config.getByTestId('device-config-counter-1').getByRole('button', { name: '删除' }).click();
      await expect(config.getByRole('status')).toContainText('已删除');
      await expect(page.getByTestId('devices-table').getByTestId('device-counter-1')).toHaveCount(0);
    } finally {
      reader.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
