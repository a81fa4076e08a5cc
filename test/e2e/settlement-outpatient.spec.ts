/// <reference lib="dom" />
// The outpatient counter in training mode (one terminal for the file; each test its own page):
// 张伟 settles with his ID card (the receipt equals the breakdown) and with his 社保卡 placed from
// the training panel; 王芳 settles as 门诊慢特病 (高血压) from her e-voucher; a scanner read into the
// ID-number field does not also submit the typed form; 陈刚 (no filing) and 孙磊 (expired filing)
// are refused with the reason and what to do next; a lost 2207 answer (drop after commit) and a
// 2207 the hub holds beyond the call timeout are resolved by the terminal and the hub's ledger
// shows one settlement; a refund from the history.
import { rmSync } from 'node:fs';
import { expect, login, startTerminal, test, type Terminal } from './fixtures';
import { call, figure, fenOf, PATIENTS, pickFromSearch, placeIdCard, showQr, stubPrint, trainingHubUrl, trustedWedgeScan, waitForCatalog } from './settlement-steps';
import type { Page } from '@playwright/test';

let terminal: Terminal;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  terminal = await startTerminal();
});

test.afterAll(async () => {
  await terminal?.stop();
  if (terminal) rmSync(terminal.dataDir, { recursive: true, force: true });
});

async function openOutpatient(page: Page): Promise<void> {
  await page.goto(terminal.url);
  await login(page, 'sy01');
  await expect(page.getByTestId('mode-badge')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('outpatient-screen')).toBeVisible();
  await waitForCatalog(page);
}

async function billOneVisit(page: Page, diagnosis: string, item: string): Promise<void> {
  await pickFromSearch(page, 'diagnosis-search', diagnosis);
  await expect(page.getByTestId('diagnoses')).toContainText(diagnosis);
  await page.keyboard.press('F7');
  await pickFromSearch(page, 'fee-search', item);
  const line = page.getByTestId('fee-line-0');
  await line.getByLabel('第1行数量').fill('2');
  await line.getByLabel('第1行单价').fill('18.5');
  await expect(page.getByTestId('fee-lines-total')).toHaveText('¥37.00');
}

test('张伟: ID card → lines → pre-settlement breakdown → confirm cash → settled → receipt equals the breakdown', async ({ page }) => {
  await openOutpatient(page);
  await placeIdCard(page, PATIENTS.zhangWei);
  const panel = page.getByTestId('patient-panel');
  await expect(panel.getByTestId('patient-name')).toHaveText('张伟');
  await expect(panel.getByTestId('patient-id')).toHaveText('320501********0018');
  await expect(panel.getByTestId('patient-area')).toContainText('320500');
  await expect(panel).toContainText('跨省异地');

  await billOneVisit(page, 'J06.900', '普通门诊诊查费');
  await page.keyboard.press('F8');
  const pre = page.getByTestId('pre-breakdown');
  await expect(pre).toBeVisible({ timeout: 20_000 });
  const medfee = await figure(page, 'pre-breakdown', 'medfee');
  const fund = await figure(page, 'pre-breakdown', 'fund');
  const acct = await figure(page, 'pre-breakdown', 'acct');
  const cash = await figure(page, 'pre-breakdown', 'cash');
  expect(medfee).toBe(3700);
  expect(fund + acct + cash).toBe(medfee);
  await expect(pre.getByTestId('breakdown-lines')).toContainText('普通门诊诊查费');
  await expect(page.getByTestId('identity-problem')).toHaveCount(0);

  // Confirm with F9: the dialog shows the cash to collect; Enter settles.
  await page.keyboard.press('F9');
  const confirm = page.getByTestId('confirm-settle');
  await expect(confirm).toBeVisible();
  expect(fenOf(await confirm.getByTestId('confirm-cash').innerText())).toBe(cash);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settle-outcome')).toHaveAttribute('data-outcome', 'settled', { timeout: 20_000 });

  // The receipt's figures are the breakdown's.
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  expect(Number(await receipt.getAttribute('data-medfee'))).toBe(medfee);
  expect(Number(await receipt.getAttribute('data-fund'))).toBe(fund);
  expect(Number(await receipt.getAttribute('data-acct'))).toBe(acct);
  expect(Number(await receipt.getAttribute('data-cash'))).toBe(cash);
  expect(await receipt.getAttribute('data-setl-id')).not.toBe('');
  await expect(receipt.locator('pre')).toContainText('37.00');

  // A5 lays the same figures out; printing in the browser shell goes through window.print().
  await page.getByLabel('票据纸张').selectOption('A5');
  await expect(receipt).toHaveAttribute('data-paper', 'A5');
  expect(fenOf(await receipt.getByTestId('receipt-cash').innerText())).toBe(cash);
  await stubPrint(page);
  await page.keyboard.press('F10');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const download = page.waitForEvent('download');
  await page.getByTestId('receipt-pdf').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  // Next patient: F6 clears the counter.
  await page.keyboard.press('F6');
  await expect(page.getByTestId('patient-waiting')).toBeVisible();
});

test('张伟: the training panel places his 社保卡 (03, card number + 卡识别码) → the cashier settles', async ({ page }) => {
  await page.goto(terminal.url);
  await login(page, 'sy01');
  await expect(page.getByTestId('mode-badge')).toBeVisible();
  // The trainee places the card on the device screen (F9), then opens the counter (F2): the
  // counter takes the card read before it opened.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('device-training-sscard')).toHaveAttribute('data-state', 'connected');
  const zhangWei = page.getByTestId('training-panel').getByTestId(`training-patient-${PATIENTS.zhangWei}`);
  await zhangWei.getByRole('button', { name: '放社保卡' }).click();
  await expect(page.getByTestId('devices-recent')).toContainText(/社保卡：张\*/);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('outpatient-screen')).toBeVisible();
  await waitForCatalog(page);
  const panel = page.getByTestId('patient-panel');
  await expect(panel.getByTestId('patient-name')).toHaveText('张伟', { timeout: 15_000 });
  await expect(panel).toContainText('社保卡');

  await billOneVisit(page, 'J06.900', '普通门诊诊查费');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('pre-breakdown')).toBeVisible({ timeout: 20_000 });
  const mdtrtId = await page.getByText(/就诊ID/).innerText().then((s) => /就诊ID (\S+?)。/.exec(s)?.[1]);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('confirm-settle')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settle-outcome')).toHaveAttribute('data-outcome', 'settled', { timeout: 20_000 });
  const ledger = (await (await fetch(`${trainingHubUrl(terminal)}/admin/ledger?mdtrt_id=${encodeURIComponent(mdtrtId!)}`)).json()) as { entries: { event: string; setlId: string | null }[] };
  const settles = ledger.entries.filter((e) => e.event === 'settle');
  expect(settles).toHaveLength(1);
  expect(await page.getByTestId('receipt').getAttribute('data-setl-id')).toBe(settles[0]!.setlId);
  await call(page, 'devices.removeTrainingCard', { medium: 'ssCard' });
});

test('王芳: e-voucher → 门诊慢特病 高血压 (med_type 14) settles', async ({ page }) => {
  await openOutpatient(page);
  await showQr(page, PATIENTS.wangFang);
  const panel = page.getByTestId('patient-panel');
  await expect(panel.getByTestId('patient-name')).toHaveText('王芳', { timeout: 15_000 });
  await expect(panel.getByTestId('patient-chronic')).toContainText('高血压');
  await page.getByLabel('医疗类别').selectOption('14');
  await page.getByLabel('慢特病病种').selectOption({ index: 1 });
  await expect(page.getByLabel('慢特病病种')).toHaveValue('M03900');
  await billOneVisit(page, 'I10.x00', '硝苯地平');
  await page.getByRole('button', { name: /预结算/ }).click();
  await expect(page.getByTestId('pre-breakdown')).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('confirm-settle-ok').click();
  await expect(page.getByTestId('settle-outcome')).toHaveAttribute('data-outcome', 'settled', { timeout: 20_000 });
});

test('a scanner read into the ID-number field identifies the e-voucher and does not also submit the typed form', async ({ page }) => {
  await openOutpatient(page);
  await page.getByTestId('patient-type').click();
  const idField = page.getByLabel('身份证号');
  await idField.focus();
  const typedLookups: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/patient.identify') && (r.postData() ?? '').includes('"certType":"02"')) typedLookups.push(r.postData() ?? '');
  });
  await trustedWedgeScan(page, 'EC0132050020261123ZW00000000001');
  const panel = page.getByTestId('patient-panel');
  await expect(panel.getByTestId('patient-name')).toHaveText('张伟', { timeout: 15_000 });
  await expect(panel).toContainText('医保电子凭证');
  // The scanner's Enter did not send the scanned characters as a typed ID number.
  await page.waitForTimeout(1000);
  expect(typedLookups).toEqual([]);
  await expect(page.getByText('身份证号码有误')).toHaveCount(0);
  await expect(panel).not.toContainText('手工输入');
  // The typed form closed with the patient; the next patient starts from waiting, not from the
  // scanned characters left in the field.
  await page.keyboard.press('F6');
  await expect(page.getByTestId('patient-waiting')).toBeVisible();
});

test('陈刚 (typed ID number, no filing) is refused with the reason and the next steps', async ({ page }) => {
  await openOutpatient(page);
  await page.getByTestId('patient-type').click();
  await page.getByLabel('身份证号').fill(PATIENTS.chenGang);
  await page.getByLabel('手工输入原因').selectOption('noCard');
  await page.getByRole('button', { name: '查询参保信息' }).click();
  await expect(page.getByTestId('patient-name')).toHaveText('陈刚', { timeout: 15_000 });
  await billOneVisit(page, 'J06.900', '普通门诊诊查费');
  await page.keyboard.press('F8');
  const refusal = page.getByTestId('filing-refusal');
  await expect(refusal).toBeVisible({ timeout: 20_000 });
  await expect(refusal).toHaveAttribute('data-kind', 'missing');
  await expect(refusal).toContainText('未办理跨省异地就医备案');
  await expect(refusal).toContainText('国家医保服务平台');
  await expect(refusal).toContainText('自费');
  await expect(page.getByTestId('pre-breakdown')).toHaveCount(0);
});

test('孙磊 (ID card, expired filing) is refused with the reason and the next steps', async ({ page }) => {
  await openOutpatient(page);
  await placeIdCard(page, PATIENTS.sunLei);
  await expect(page.getByTestId('patient-name')).toHaveText('孙磊', { timeout: 15_000 });
  await billOneVisit(page, 'J06.900', '普通门诊诊查费');
  await page.keyboard.press('F8');
  const refusal = page.getByTestId('filing-refusal');
  await expect(refusal).toBeVisible({ timeout: 20_000 });
  await expect(refusal).toHaveAttribute('data-kind', 'expired');
  await expect(refusal).toContainText('过期');
  await expect(refusal).toContainText('重新办理');
});

test('a registered visit is cancelled before settling (F6, with a reason)', async ({ page }) => {
  await openOutpatient(page);
  await placeIdCard(page, PATIENTS.zhangWei);
  await expect(page.getByTestId('patient-name')).toHaveText('张伟');
  await billOneVisit(page, 'J06.900', '普通门诊诊查费');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('pre-breakdown')).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('F6');
  const dialog = page.getByTestId('reason-dialog');
  await expect(dialog).toContainText('撤销本次就诊');
  await dialog.getByLabel('原因').press('Enter');
  await expect(page.getByTestId('patient-waiting')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('pre-breakdown')).toHaveCount(0);
});

test('a lost 2207 answer (dropped after the hub committed) is resolved and the hub holds one settlement', async ({ page }) => {
  await openOutpatient(page);
  const hub = trainingHubUrl(terminal);
  await placeIdCard(page, PATIENTS.zhangWei);
  await expect(page.getByTestId('patient-name')).toHaveText('张伟');
  await billOneVisit(page, 'J06.900', '普通门诊诊查费');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('pre-breakdown')).toBeVisible({ timeout: 20_000 });
  const mdtrtId = await page.getByText(/就诊ID/).innerText().then((s) => /就诊ID (\S+?)。/.exec(s)?.[1]);
  expect(mdtrtId).toBeTruthy();

  const fault = await fetch(`${hub}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'drop-after-commit', infno: '2207', count: 1 }) });
  expect(fault.ok).toBe(true);
  await page.keyboard.press('F9');
  await page.keyboard.press('Enter');
  const outcome = page.getByTestId('settle-outcome');
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  // Whatever the terminal chose (resend → settled, or reverse → nothing charged), it says so.
  const kind = await outcome.getAttribute('data-outcome');
  expect(['settled', 'reversed']).toContain(kind);
  await expect(outcome).not.toBeEmpty();

  const ledger = (await (await fetch(`${hub}/admin/ledger?mdtrt_id=${encodeURIComponent(mdtrtId!)}`)).json()) as {
    summary: { msgidsSettledTwice: unknown[]; visitsSettledTwice: unknown[] };
    entries: { event: string; state: string | null; setlId: string | null }[];
  };
  expect(ledger.summary.msgidsSettledTwice).toEqual([]);
  expect(ledger.summary.visitsSettledTwice).toEqual([]);
  // Exactly one net settlement when the screen says settled (and it is the receipt's), none when reversed.
  const inForce = ledger.entries.filter((e) => e.event === 'settle' && e.state === 'settled');
  expect(inForce).toHaveLength(kind === 'settled' ? 1 : 0);
  if (kind === 'settled') expect(await page.getByTestId('receipt').getAttribute('data-setl-id')).toBe(inForce[0]!.setlId);
  await fetch(`${hub}/admin/faults`, { method: 'DELETE' });
});

test('a 2207 held by the hub beyond the call timeout (before it commits) is settled exactly once after resolution', async ({ page }) => {
  test.setTimeout(90_000);
  await openOutpatient(page);
  const hub = trainingHubUrl(terminal);
  await placeIdCard(page, PATIENTS.zhangWei);
  await expect(page.getByTestId('patient-name')).toHaveText('张伟');
  await billOneVisit(page, 'J06.900', '普通门诊诊查费');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('pre-breakdown')).toBeVisible({ timeout: 20_000 });
  const mdtrtId = await page.getByText(/就诊ID/).innerText().then((s) => /就诊ID (\S+?)。/.exec(s)?.[1]);
  expect(mdtrtId).toBeTruthy();

  // The first 2207 waits 9 s at the hub, longer than the settle call may wait (budget − 2.5 s).
  const fault = await fetch(`${hub}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'latency', infno: '2207', count: 1, ms: 9000 }) });
  expect(fault.ok).toBe(true);
  await page.keyboard.press('F9');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('budget-progress')).toBeVisible();
  const outcome = page.getByTestId('settle-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'settled', { timeout: 30_000 });

  const ledger = (await (await fetch(`${hub}/admin/ledger?mdtrt_id=${encodeURIComponent(mdtrtId!)}`)).json()) as {
    summary: { msgidsSettledTwice: unknown[]; visitsSettledTwice: unknown[] };
    entries: { event: string; state: string | null; setlId: string | null }[];
  };
  expect(ledger.summary).toMatchObject({ msgidsSettledTwice: [], visitsSettledTwice: [] });
  const settles = ledger.entries.filter((e) => e.event === 'settle');
  expect(settles.map((e) => e.state)).toEqual(['settled']);
  expect(ledger.entries.filter((e) => e.event === 'reversal')).toEqual([]);
  expect(await page.getByTestId('receipt').getAttribute('data-setl-id')).toBe(settles[0]!.setlId);
  await fetch(`${hub}/admin/faults`, { method: 'DELETE' });
});

test('a settlement is found in the history by name and refunded with a reason', async ({ page }) => {
  await openOutpatient(page);
  await page.keyboard.press('F5');
  await expect(page.getByTestId('history-screen')).toBeVisible();
  await page.getByLabel('患者姓名（完整）').fill('王芳');
  await page.keyboard.press('F8');
  const table = page.getByTestId('history-table');
  const row = table.locator('tr[data-state="settled"]').first();
  await expect(row).toContainText('王芳');
  await row.getByRole('button', { name: '详情' }).click();
  const detail = page.getByTestId('history-detail');
  await expect(detail.getByTestId('history-breakdown')).toBeVisible();
  await detail.getByTestId('history-reprint').click();
  await expect(detail.getByTestId('receipt')).toBeVisible();
  await detail.getByTestId('history-refund').click();
  const dialog = page.getByTestId('reason-dialog');
  await dialog.getByRole('button', { name: '确认退费' }).click();
  await expect(detail.getByTestId('refund-done')).toBeVisible({ timeout: 20_000 });
  await expect(detail.getByTestId('history-refund-receipt')).toBeVisible();
  await expect(table.locator('tr[data-state="refunded"]').first()).toContainText('王芳');
  const refunded = await call<{ rows: { state: string }[] }>(page, 'settlements.search', { from: '2000-01-01', to: '2099-12-31', patientName: '王芳', state: 'refunded' });
  expect(refunded.rows.length).toBeGreaterThan(0);
});
