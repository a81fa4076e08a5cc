/// <reference lib="dom" />
// Reconciliation and reports from the UI: an IT admin reconciles the day (F6), sees an orphan and
// a changed amount, reverses the orphan (2601) and acknowledges the other; the cashier opens the
// shift hand-over with the cash to hand over, and hands the shift over (F10); the IT admin then
// picks that cashier and today's window and sees the shift's totals.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, login, startTerminal, test, type Terminal } from './fixtures';

const repoRoot = path.resolve(import.meta.dirname, '../..');

test.describe('end-of-day reconciliation and the shift report', () => {
  let terminal: Terminal;
  let dataDir: string;
  let seeded: { orphanMsgid: string; amountChangedSetlId: string };

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'yk-e2e-reconcile-'));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/e2e/reconcile-seed.ts', dataDir], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, YIKATONG_LOG_LEVEL: 'warn' } });
    seeded = JSON.parse(out.trim().split('\n').pop()!) as typeof seeded;
    terminal = await startTerminal({ dataDir });
  });
  test.afterAll(async () => {
    await terminal?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('an IT admin reconciles the day, then reverses the orphan and acknowledges the changed amount', async ({ page }) => {
    await page.goto(terminal.url);
    await login(page, 'it01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.getByRole('navigation').getByText('对账与清算').click();
    await page.keyboard.press('F6');
    const result = page.getByTestId('reconcile-result');
    await expect(result).toHaveAttribute('data-state', 'disagreed');
    const rows = page.getByTestId('mismatches').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    const orphan = rows.filter({ hasText: seeded.orphanMsgid });
    await expect(orphan).toHaveAttribute('data-kind', 'hub_only');
    await expect(orphan).toContainText('仅医保中心有');

    await orphan.getByRole('button', { name: '处理' }).click();
    // The drill's orphan has another terminal's msgid slot: the dialog says so and wants a note.
    await expect(page.getByTestId('resolve-dialog')).toContainText('不是本终端发出');
    await page.getByTestId('resolve-note').fill('本院只有一台终端，确认非本院结算');
    await page.getByTestId('resolve-reverse').click();
    await expect(orphan).toHaveAttribute('data-state', 'resolved');
    await expect(orphan).toContainText('已冲正');

    const changed = rows.filter({ hasText: seeded.amountChangedSetlId });
    await expect(changed).toContainText('金额不一致');
    await changed.getByRole('button', { name: '处理' }).click();
    await page.getByTestId('resolve-acknowledge').click();
    await expect(page.getByTestId('resolve-dialog').getByRole('alert')).toContainText('请填写处理说明');
    await page.getByTestId('resolve-note').fill('医保中心确认以院内金额为准');
    await page.getByTestId('resolve-acknowledge').click();
    await expect(changed).toContainText('已确认：医保中心确认以院内金额为准');

    // Reconciling again: the orphan is gone at the hub.
    await page.keyboard.press('F6');
    await expect(page.getByTestId('mismatches').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('mismatches')).not.toContainText(seeded.orphanMsgid);

    // The day summary with its charts: 上海 and 江苏 (张伟 is insured in 苏州).
    await page.getByRole('navigation').getByText('报表').click();
    await page.getByTestId('summary-load').click();
    const chart = page.getByTestId('chart-province');
    await expect(chart).toContainText('上海');
    await expect(chart).toContainText('江苏');
  });

  test('the cashier opens the shift hand-over', async ({ page }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.getByRole('navigation').getByText('报表').click();
    const shift = page.getByTestId('shift-report');
    await expect(shift).toContainText('王小红');
    await expect(shift.locator('tbody tr')).toHaveCount(3 + 2);
    await expect(page.getByTestId('cash-to-hand-over')).toContainText('¥');
    // The summary is for IT admins only.
    await expect(page.getByTestId('summary-report')).toHaveCount(0);
    // 交班 (F10): recorded; the next shift starts empty.
    await page.keyboard.press('F10');
    await expect(shift).toContainText('已交班');
    await expect(shift).toContainText('该期间没有结算');
  });

  test('an IT admin picks a cashier and a window, and sees that shift\'s totals', async ({ page }) => {
    await page.goto(terminal.url);
    await login(page, 'it01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.getByRole('navigation').getByText('报表').click();
    const shift = page.getByTestId('shift-report');
    // The own shift is shown first, with 交班 available as for any cashier.
    await expect(shift).toContainText('（it01）');
    await expect(page.getByTestId('hand-over')).toBeEnabled();

    // A window that ends before it starts is refused in Chinese, and nothing is asked of the host.
    await page.getByLabel('查看谁的班次').selectOption('sy01');
    await page.getByLabel('开始时间').fill('2026-01-02T10:00');
    await page.getByLabel('结束时间').fill('2026-01-02T09:00');
    await page.getByLabel('结束时间').press('Enter');
    await expect(shift.getByRole('alert')).toContainText('开始时间必须早于结束时间');

    // 今天全天 (keyboard only), then F6: sy01's whole day, even after sy01 handed over.
    await page.getByTestId('shift-today').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('结束时间')).toHaveValue('');
    await page.keyboard.press('F6');
    await expect(shift.getByRole('alert')).toHaveCount(0);
    await expect(shift).toContainText('王小红（sy01）');
    await expect(shift).toContainText('正在查看 王小红 的班次');
    await expect(shift.locator('tbody tr')).toHaveCount(3 + 2);
    await expect(page.getByTestId('cash-to-hand-over')).toContainText('¥');
    // Someone else's shift cannot be handed over by the admin.
    await expect(page.getByTestId('hand-over')).toBeDisabled();
  });
});
