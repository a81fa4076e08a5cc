/// <reference lib="dom" />
// The terminal's house, as a cashier and an IT admin meet it.
import { expect, login, test } from './fixtures';

test.describe('starting in training mode and signing in', () => {
  test('a cashier signs in and sees the status bar', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await expect(page.getByText('培训账号')).toBeVisible();
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toHaveText('培训模式');
    const bar = page.getByTestId('statusbar');
    await expect(bar.getByTestId('status-hub')).toContainText('医保中心');
    await expect(bar.getByTestId('status-devices')).toContainText('读卡器');
    await expect(bar.getByTestId('status-catalog')).toContainText('目录版本');
    await expect(bar.getByTestId('status-queue')).toContainText('待上传');
    await expect(bar).toContainText('王小红');
  });

  test('a wrong password is refused with a clear message', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01', 'wrong-password');
    await expect(page.getByRole('alert')).toContainText('工号或密码不正确');
    await expect(page.getByRole('alert')).toContainText('再错 4 次账号将被锁定');
    await expect(page.getByTestId('statusbar')).toHaveCount(0);
  });

  test('an IT-only screen is refused to a cashier', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await expect(page.getByRole('navigation').getByText('系统设置')).toHaveCount(0);
    await page.evaluate(() => (location.hash = '#/settings'));
    await expect(page.getByTestId('forbidden')).toContainText('无权访问');
    // The host refuses the call too, whatever the page does.
    const result = await page.evaluate(() => (window as unknown as { yikatong: { config: { get(i: object): Promise<{ ok: boolean; error?: { code: string } }> } } }).yikatong.config.get({}));
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('AUTH_FORBIDDEN');
  });

  test('an IT admin opens settings and a bad value is refused with the field named', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'it01');
    await page.getByRole('navigation').getByText('系统设置').click();
    const code = page.getByLabel('定点医药机构编号 fixmedins_code');
    await expect(code).toHaveValue('H31010100001');
    await code.fill('BAD');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('alert')).toContainText('定点医药机构编号');
  });

  test('Ctrl+L locks the screen and only the password unlocks it', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'sy01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('Control+l');
    const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
    await expect(lock).toBeVisible();
    await lock.getByLabel('密码').fill('train1234');
    await lock.getByRole('button', { name: '解锁' }).click();
    await expect(lock).toHaveCount(0);
  });
});

test('a page opened without the start secret cannot call the host', async ({ page, terminal }) => {
  const bare = terminal.url.replace(/#.*$/, '');
  await page.goto(bare);
  await expect(page.getByRole('alert')).toContainText('此页面未经终端授权');
});
