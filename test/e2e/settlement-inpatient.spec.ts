/// <reference lib="dom" />
// The inpatient counter: 赵敏 (异地转诊 filing) is admitted, fees are uploaded on two "days" (one
// batch cancelled with a reason), a mid-stay settlement, discharge, the final settlement, and the
// receipts equal the breakdowns.
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, login, startTerminal, test, type Terminal } from './fixtures';
import { figure, PATIENTS, pickFromSearch, placeIdCard, waitForCatalog } from './settlement-steps';

let terminal: Terminal;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  terminal = await startTerminal();
});

test.afterAll(async () => {
  await terminal?.stop();
  if (terminal) rmSync(terminal.dataDir, { recursive: true, force: true });
});

async function uploadLine(page: Page, item: string, qty: string, price: string): Promise<void> {
  await pickFromSearch(page, 'fee-search', item);
  const line = page.getByTestId('fee-line-0');
  await line.getByLabel('第1行数量').fill(qty);
  await line.getByLabel('第1行单价').fill(price);
  await page.getByTestId('upload-fees').click();
  await expect(page.getByTestId('stay-notice')).toContainText('已上传 1 条费用', { timeout: 20_000 });
}

async function settleAndCheckReceipt(page: Page): Promise<void> {
  await page.getByTestId('pre-settle').click();
  await expect(page.getByTestId('pre-breakdown')).toBeVisible({ timeout: 20_000 });
  const medfee = await figure(page, 'pre-breakdown', 'medfee');
  const fund = await figure(page, 'pre-breakdown', 'fund');
  const acct = await figure(page, 'pre-breakdown', 'acct');
  const cash = await figure(page, 'pre-breakdown', 'cash');
  expect(fund + acct + cash).toBe(medfee);
  await page.keyboard.press('F9');
  await page.getByTestId('confirm-settle-ok').press('Enter');
  await expect(page.getByTestId('settle-outcome')).toHaveAttribute('data-outcome', 'settled', { timeout: 20_000 });
  const receipt = page.getByTestId('receipt');
  expect(Number(await receipt.getAttribute('data-medfee'))).toBe(medfee);
  expect(Number(await receipt.getAttribute('data-fund'))).toBe(fund);
  expect(Number(await receipt.getAttribute('data-acct'))).toBe(acct);
  expect(Number(await receipt.getAttribute('data-cash'))).toBe(cash);
}

test('赵敏: admission → fee uploads and a cancellation → mid-stay settlement → discharge → final settlement', async ({ page }) => {
  await page.goto(terminal.url);
  await login(page, 'sy01');
  await expect(page.getByTestId('mode-badge')).toBeVisible();
  await page.keyboard.press('F4');
  await expect(page.getByTestId('inpatient-screen')).toBeVisible();
  await waitForCatalog(page);

  // Admission.
  await placeIdCard(page, PATIENTS.zhaoMin);
  const form = page.getByTestId('admission-form');
  await expect(form.getByTestId('patient-name')).toHaveText('赵敏', { timeout: 15_000 });
  await form.getByLabel('床号').fill('12-3');
  await pickFromSearch(page, 'diagnosis-search', 'I63.900');
  await page.getByTestId('admit').click();
  const stay = page.getByTestId('stay-view');
  await expect(stay).toHaveAttribute('data-state', 'admitted', { timeout: 20_000 });

  // Day 1: a batch uploaded in error is cancelled with a reason, then the right one.
  await uploadLine(page, '住院诊查费', '1', '20');
  await page.getByTestId('cancel-fees').click();
  await page.getByTestId('reason-dialog').getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('stay-notice')).toContainText('已完成', { timeout: 20_000 });
  await expect(page.getByTestId('stay-lines')).toContainText('已撤销');
  await uploadLine(page, '住院诊查费', '3', '20');

  // A mid-stay settlement: the stay stays open.
  await page.getByTestId('mid-stay').check();
  await settleAndCheckReceipt(page);
  await page.getByTestId('settle-next').click();
  await page.getByTestId('stays').getByRole('button', { name: '打开' }).first().click();
  await expect(stay).toHaveAttribute('data-state', 'admitted');

  // Day 2, discharge (the admission diagnosis is offered again), final settlement.
  await uploadLine(page, '住院诊查费', '2', '20');
  await page.getByTestId('discharge').click();
  await expect(page.getByTestId('stay-state')).toHaveText('已出院待结算', { timeout: 20_000 });
  await settleAndCheckReceipt(page);
});

test('admission and discharge cancellations (2404/2405) with a reason', async ({ page }) => {
  await page.goto(terminal.url);
  await login(page, 'sy01');
  await expect(page.getByTestId('mode-badge')).toBeVisible();
  await page.keyboard.press('F4');
  await waitForCatalog(page);
  await placeIdCard(page, PATIENTS.zhaoMin);
  const form = page.getByTestId('admission-form');
  await expect(form.getByTestId('patient-name')).toHaveText('赵敏', { timeout: 15_000 });
  await pickFromSearch(page, 'diagnosis-search', 'I63.900');
  await page.getByTestId('admit').click();
  const stay = page.getByTestId('stay-view');
  await expect(stay).toHaveAttribute('data-state', 'admitted', { timeout: 20_000 });

  await page.getByTestId('discharge').click();
  await expect(stay).toHaveAttribute('data-state', 'discharged', { timeout: 20_000 });
  await page.getByTestId('cancel-discharge').click();
  await page.getByTestId('reason-dialog').getByRole('button', { name: '确认' }).click();
  await expect(stay).toHaveAttribute('data-state', 'admitted', { timeout: 20_000 });

  await page.getByTestId('cancel-admission').click();
  await page.getByTestId('reason-dialog').getByLabel('原因').press('Enter');
  await expect(stay).toHaveAttribute('data-state', 'cancelled', { timeout: 20_000 });
});
