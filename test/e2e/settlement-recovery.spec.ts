/// <reference lib="dom" />
// A crash between journal steps: the terminal is killed while its 2207 is in flight (held by the
// training hub's latency fault), started again on the same data folder, and the next cashier is
// told what the restart recovery did with that settlement — on the home screen right after sign-in
// and on the counter screen — until they acknowledge it.
import { rmSync } from 'node:fs';
import { expect, login, startTerminal, test } from './fixtures';
import { PATIENTS, pickFromSearch, placeIdCard, trainingHubUrl, waitForCatalog } from './settlement-steps';

test('a settlement interrupted by a crash is resolved at restart and the cashier is shown what happened', async ({ page }) => {
  test.setTimeout(180_000);
  const first = await startTerminal();
  const dataDir = first.dataDir;
  try {
    await page.goto(first.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F2');
    await waitForCatalog(page);
    await placeIdCard(page, PATIENTS.zhangWei);
    await expect(page.getByTestId('patient-name')).toHaveText('张伟');
    await pickFromSearch(page, 'diagnosis-search', 'J06.900');
    await pickFromSearch(page, 'fee-search', '普通门诊诊查费');
    await page.getByTestId('fee-line-0').getByLabel('第1行单价').fill('20');
    await page.keyboard.press('F8');
    await expect(page.getByTestId('pre-breakdown')).toBeVisible({ timeout: 20_000 });

    // The hub holds the 2207 for 30 s; the terminal dies while it waits.
    const hub = trainingHubUrl(first);
    const fault = await fetch(`${hub}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'latency', infno: '2207', ms: 30_000 }) });
    expect(fault.ok).toBe(true);
    await page.keyboard.press('F9');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('budget-progress')).toBeVisible();
    await page.waitForTimeout(1500);
    await first.stop('SIGKILL');
  } catch (e) {
    await first.stop('SIGKILL');
    throw e;
  }

  const second = await startTerminal({ dataDir });
  try {
    await page.goto(second.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    // The home screen, right after sign-in: the recovery ran before any window existed, so its
    // event was not seen; the notice comes from settlements.recovery.
    const home = page.locator('.home-screen');
    await expect(home).toBeVisible();
    const notice = page.getByTestId('recovery-notice');
    await expect(home.getByTestId('recovery-notice')).toContainText('程序重启后处理了', { timeout: 60_000 });
    // The outcome's message (its first line; the hint follows on the next).
    const outcome = (await notice.locator('li').first().innerText()).split('\n')[0]!.trim();
    expect(outcome).toMatch(/冲正|结算/);
    // The counter screen says the same until someone acknowledges it…
    await page.keyboard.press('F2');
    await expect(page.getByTestId('outpatient-screen')).toBeVisible();
    await expect(notice.locator('li').first()).toContainText(outcome);
    // …and acknowledging on the home screen clears it everywhere.
    await page.keyboard.press('F1');
    await expect(home).toBeVisible();
    await home.getByTestId('recovery-ack').click();
    await expect(notice).toHaveCount(0);
    await page.keyboard.press('F2');
    await expect(page.getByTestId('outpatient-screen')).toBeVisible();
    await expect(notice).toHaveCount(0);
  } finally {
    await second.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
