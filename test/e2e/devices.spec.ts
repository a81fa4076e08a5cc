/// <reference lib="dom" />
// The device screen in training mode: status per device, the training panel (place a card, show an
// e-voucher, scan a drug code), a keyboard-wedge scan, reconnect.
import { expect, login, test } from './fixtures';

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
    await expect(page.getByTestId('status-devices')).toContainText('2/2');
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
    // Resolved through ec.query when the hub client is connected; otherwise explained.
    await expect(recent.getByText(/医保电子凭证|暂时无法识别医保电子凭证/).first()).toBeVisible();
  });

  test('a keyboard-wedge scan is recognised and does not stay in the text field', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F9');
    const field = page.getByLabel('其他条码');
    await field.focus();
    // A scanner types a code within a few milliseconds per key and ends it with Enter.
    await page.keyboard.type('6934567890122', { delay: 2 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('devices-recent')).toContainText('药品条码：6934567890122');
    await expect(field).toHaveValue('');
    // A person typing slowly keeps what they typed.
    await field.pressSequentially('ABC', { delay: 150 });
    await page.waitForTimeout(400);
    await expect(field).toHaveValue('ABC');
  });
});
