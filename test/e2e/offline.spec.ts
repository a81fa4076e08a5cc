/// <reference lib="dom" />
// Offline mode end to end (issue 8): the hub goes down (training hub fault injection: every call
// answers HTTP 503), the cashier serves 张伟 with a 延时结算 (estimate, provisional receipt with a
// queue number; the patient read from his 社保卡), the hub comes back, IT flushes the queue from its screen, and the cashier sees
// the 差额 (collected in full, so a refund is due) and settles it with a receipt.
import type { Page } from '@playwright/test';
import { expect, login, test } from './fixtures';
import { call, PATIENTS, trainingHubUrl, waitForCatalog, waitForFirstSync } from './settlement-steps';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('工号')).toBeVisible();
}

async function open(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'menu' }).getByRole('button', { name: title }).click();
}

test('go offline, serve 张伟 offline, come back, flush from the IT screen, see the 差额', async ({ page, terminal }) => {
  test.setTimeout(180_000);
  await waitForFirstSync(terminal);
  const hub = trainingHubUrl(terminal);

  // IT enables 延时结算 for the hospital (collect the full amount now).
  await page.goto(terminal.url);
  await login(page, 'it01');
  await waitForCatalog(page);
  await call(page, 'offline.setPolicy', { enabled: true, collect: 'full', limits: { perSettlementFen: 500_000, outstandingAmountFen: 2_000_000, outstandingCount: 20 } });
  const found = await call<{ items: { code: string; chargeClass: string; priceCap: number | null }[] }>(page, 'catalog.search', { text: '阿莫西林', catalogs: ['1301'] });
  const item = found.items.find((i) => i.chargeClass === '01') ?? found.items[0]!;
  await signOut(page);

  // The hub goes down: every call is answered with HTTP 503.
  const down = await fetch(`${hub}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'http-error', infno: '*', status: 503 }) });
  expect(down.ok).toBe(true);

  await login(page, 'sy01');
  await open(page, '延时结算（离线）');
  // 张伟 places his 社保卡 on the (training) reader while the screen is open: the patient is filled.
  await call(page, 'devices.placeTrainingCard', { idNumber: PATIENTS.zhangWei, medium: 'ssCard' });
  await expect(page.getByTestId('offline-card-read')).toContainText('社会保障卡', { timeout: 15_000 });
  await expect(page.getByTestId('offline-cert')).not.toHaveValue('');
  await expect(page.getByTestId('offline-card-read')).not.toContainText(PATIENTS.zhangWei);
  await page.getByTestId('offline-area').fill('320500');
  await page.getByTestId('offline-code-0').fill(item.code);
  await page.getByTestId('offline-price-0').fill('12.50');
  await page.getByTestId('offline-qty-0').fill('4');
  await page.keyboard.press('F6');
  await expect(page.getByTestId('offline-estimate')).toContainText('估算');
  await expect(page.getByTestId('offline-estimate')).toContainText('苏州市');
  await page.keyboard.press('F8');
  const receipt = page.getByTestId('offline-receipt');
  await expect(receipt).toContainText('延时结算临时收据');
  await expect(receipt).toContainText(/LX-/);
  await expect(receipt).not.toContainText(PATIENTS.zhangWei);
  await expect(page.getByTestId('status-queue')).toContainText('1');

  await signOut(page);

  // IT opens the queue screen; the hub comes back and IT flushes at once (F8).
  await login(page, 'it01');
  await open(page, '离线队列');
  await expect(page.getByTestId('queue-items')).toContainText('门诊延时结算');
  await expect(page.getByTestId('queue-items').locator('tr[data-state="queued"]')).toHaveCount(1);
  const up = await fetch(`${hub}/admin/faults`, { method: 'DELETE' });
  expect(up.ok).toBe(true);
  await page.keyboard.press('F8');
  await expect(page.getByTestId('queue-items').locator('tr[data-state="done"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('queue-items')).toContainText('结算ID');
  await expect(page.getByTestId('queue-summary')).toContainText('已上传 1 笔');
  await signOut(page);

  // The cashier sees the 差额: collected the full bill, the fund paid part of it — refund due.
  await login(page, 'sy01');
  await open(page, '差额处理');
  const row = page.getByTestId('differences').locator('tr[data-kind="refund"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('退还患者');
  await row.getByRole('button').click();
  await expect(page.getByTestId('offline-receipt')).toContainText('差额退款凭证');
});
