/// <reference lib="dom" />
// The 社保卡 on the device screen in training mode: a trainee places a training patient's 3.00 card
// (read through the virtual reader with PSAM + SM4 authentication) and sees it identified; an IT
// admin adds a PC/SC 社保卡 reader that is not plugged in and sees why it does not connect.
import { expect, login, test } from './fixtures';

test.describe('社保卡 in training mode', () => {
  test('a trainee places a 社保卡 from the training panel, keyboard first, and it is identified', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F9');
    await expect(page.getByTestId('device-training-sscard')).toHaveAttribute('data-state', 'connected');
    const zhangWei = page.getByTestId('training-panel').getByTestId('training-patient-320501197203150018');
    await zhangWei.getByRole('button', { name: '放社保卡' }).focus();
    await page.keyboard.press('Enter');
    // Masked: name and card number never appear in full on this screen.
    await expect(page.getByTestId('devices-recent')).toContainText(/社保卡：张\* E3\S+/);
    await expect(page.getByTestId('devices-recent')).not.toContainText('E32050001');
    await zhangWei.getByRole('button', { name: '拿走社保卡' }).click();
    await expect(zhangWei.getByRole('button', { name: '放社保卡' })).toBeVisible();
  });

  test('an IT admin adds a PC/SC 社保卡 reader; a reader that is not there shows the reason', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'it01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F9');
    const form = page.getByTestId('sscard-config');
    await form.getByLabel('连接方式').selectOption('pcsc');
    await form.getByLabel('设备编号').fill('sscard-1');
    await form.getByLabel('PC/SC 读卡器名称').fill('No Such Reader 00 00');
    await form.getByRole('button', { name: '添加社保卡读卡器' }).click();
    await expect(form.getByRole('status')).toContainText('已添加社保卡读卡器 sscard-1');
    await expect(page.getByTestId('device-config-sscard-1')).toContainText('pcsc');
    const row = page.getByTestId('device-sscard-1');
    await expect(row).toHaveAttribute('data-state', 'error');
    await expect(row).toContainText(/未找到读卡器|智能卡服务|PC\/SC/);
  });
});
