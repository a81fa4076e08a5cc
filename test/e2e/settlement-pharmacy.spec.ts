/// <reference lib="dom" />
// The pharmacy counter (the terminal started as the training pharmacy, --pharmacy): 李娜 shows her
// ID card, the pharmacist scans drug package barcodes (a second scan counts one more), pre-settles
// and settles on one screen, the receipt equals the breakdown, then refunds (2103) with a reason.
import { rmSync } from 'node:fs';
import { expect, login, startTerminal, test, type Terminal } from './fixtures';
import { gs1CheckDigit, trainingBarcodeFor } from '../../src/catalog/local/training-lists';
import { call, figure, PATIENTS, placeIdCard, scanCode, trustedWedgeScan, waitForCatalog, wedgeScan } from './settlement-steps';

let terminal: Terminal;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  terminal = await startTerminal({ args: ['--pharmacy'] });
});

test.afterAll(async () => {
  await terminal?.stop();
  if (terminal) rmSync(terminal.dataDir, { recursive: true, force: true });
});

test('李娜: scan → quantities → pre-settle → settle → receipt → refund', async ({ page }) => {
  await page.goto(terminal.url);
  await login(page, 'yf01');
  await expect(page.getByTestId('mode-badge')).toBeVisible();
  await page.keyboard.press('F3');
  const screen = page.getByTestId('pharmacy-screen');
  await expect(screen).toBeVisible();
  await waitForCatalog(page);

  await placeIdCard(page, PATIENTS.liNa);
  await expect(page.getByTestId('patient-name')).toHaveText('李娜', { timeout: 15_000 });

  // A code the catalogue does not know is named, with what to do instead.
  const unknown = `692468013579${gs1CheckDigit('692468013579')}`;
  await scanCode(page, unknown);
  await expect(page.getByRole('alert')).toContainText(`条码 ${unknown} 在目录中没有对应的药品`);

  // The training pharmacy's barcodes are derived from the national codes (src/catalog/local).
  const found = await call<{ items: { code: string; name: string }[] }>(page, 'catalog.search', { text: '阿莫西林', group: 'drug', limit: 5 });
  const drug = found.items[0]!;
  const barcode = trainingBarcodeFor(drug.code);
  // Two scans of the same package: one line, quantity 2.
  await scanCode(page, barcode);
  await expect(page.getByTestId('scanned')).toContainText(drug.name);
  // The device layer ignores the same code again within 1.5 s (a scanner's double read).
  await page.waitForTimeout(1600);
  await scanCode(page, barcode);
  const line = page.getByTestId('fee-line-0');
  await expect(line.getByLabel('第1行数量')).toHaveValue('2');
  await line.getByLabel('第1行单价').fill('15.8');
  await expect(page.getByTestId('fee-lines-total')).toHaveText('¥31.60');

  await page.keyboard.press('F8');
  await expect(page.getByTestId('pre-breakdown')).toBeVisible({ timeout: 20_000 });
  const medfee = await figure(page, 'pre-breakdown', 'medfee');
  const cash = await figure(page, 'pre-breakdown', 'cash');
  expect(medfee).toBe(3160);

  await page.keyboard.press('F9');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settle-outcome')).toHaveAttribute('data-outcome', 'settled', { timeout: 20_000 });
  const receipt = page.getByTestId('receipt');
  expect(Number(await receipt.getAttribute('data-medfee'))).toBe(medfee);
  expect(Number(await receipt.getAttribute('data-cash'))).toBe(cash);

  await page.getByTestId('settle-refund').click();
  const dialog = page.getByTestId('reason-dialog');
  await dialog.getByLabel('原因').selectOption({ index: 0 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-done')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('receipt')).toBeVisible();
});

test('a keyboard-wedge scanner typing into the drug search adds the drug, and the digits leave the box', async ({ page }) => {
  await page.goto(terminal.url);
  await login(page, 'yf01');
  await expect(page.getByTestId('mode-badge')).toBeVisible();
  await page.keyboard.press('F3');
  await waitForCatalog(page);
  await page.getByTestId('next-patient').click();
  const found = await call<{ items: { code: string; name: string }[] }>(page, 'catalog.search', { text: '硝苯地平', group: 'drug', limit: 5 });
  const drug = found.items[0]!;
  const box = page.getByTestId('drug-search').getByRole('combobox');
  await box.focus();
  await wedgeScan(page, trainingBarcodeFor(drug.code));
  await expect(page.getByTestId('scanned')).toContainText(drug.name);
  await expect(page.getByTestId('fee-line-0')).toContainText(drug.name);
  await expect(box).toHaveValue('');
  // The scanner's Enter ended the scan only: it did not also pick a search answer (the same drug
  // again, which would make the quantity 2).
  await page.waitForTimeout(1000);
  await expect(page.locator('[data-testid^="fee-line-"]')).toHaveCount(1);
  await expect(page.getByTestId('fee-line-0').getByLabel('第1行数量')).toHaveValue('1');

  // The same with trusted key events (a real Enter): one line, quantity 2 (after the device
  // layer's 1.5 s double-read window).
  await page.waitForTimeout(600);
  await box.focus();
  await trustedWedgeScan(page, trainingBarcodeFor(drug.code));
  await expect(page.getByTestId('fee-line-0').getByLabel('第1行数量')).toHaveValue('2');
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('fee-line-0').getByLabel('第1行数量')).toHaveValue('2');
  await expect(page.locator('[data-testid^="fee-line-"]')).toHaveCount(1);
  await expect(box).toHaveValue('');
});
