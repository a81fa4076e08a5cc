/// <reference lib="dom" />
// The catalogue screen in training mode: an IT admin opens it with F7, syncs from the embedded
// training hub with a progress bar (rows, %, rate) that ends at 100 %, and the reusable search
// box finds an item by pinyin initials, keyboard only.
import { expect, login, test } from './fixtures';

test.describe('the catalogue screen', () => {
  test('syncs the training catalogue with a progress bar and finds an item by pinyin initials', async ({ page, terminal }) => {
    // Two syncs of the training catalogue on a 2-core machine shared with other tests.
    test.setTimeout(180_000);
    await page.goto(terminal.url);
    await login(page, 'it01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F7');
    const screen = page.getByTestId('catalog-screen');
    await expect(screen.getByRole('heading', { name: '医保目录缓存' })).toBeVisible();
    await expect(page.getByTestId('catalog-table')).toBeVisible();

    // Training mode starts a first sync by itself a few seconds after start: wait for it to finish.
    const progress = page.getByTestId('catalog-progress');
    const bar = page.getByRole('progressbar');
    const syncButton = screen.getByRole('button', { name: /同步目录/ });
    await expect(page.getByTestId('catalog-summary')).toContainText(/共 [1-9]\d* 条/, { timeout: 120_000 });
    await expect(syncButton).toBeEnabled({ timeout: 30_000 });

    // A sync started from the keyboard: F5.
    await page.keyboard.press('F5');
    await expect(screen.getByText(/同步 #\d+ 已开始/)).toBeVisible();
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expect(progress).toContainText('100%');
    await expect(page.getByTestId('catalog-summary')).toContainText(/共 [1-9]\d* 条/);
    await expect(page.locator('[data-testid="catalog-table"] tr[data-infno="1301"] td.num')).not.toHaveText('0');
    await expect(page.getByTestId('catalog-last-run')).toContainText('成功');

    // The search component: pinyin initials of 阿莫西林, ↓ and Enter, keyboard only.
    const search = page.getByTestId('catalog-search').getByRole('combobox');
    await search.focus();
    await page.keyboard.type('amxl');
    const options = page.getByTestId('catalog-search').getByRole('option');
    await expect(options.first()).toContainText('阿莫西林');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('catalog-picked')).toContainText('阿莫西林');
    await expect(search).toHaveValue('');

    // Escape clears what was typed.
    await page.keyboard.type('莫西');
    await expect(options.first()).toContainText('莫西');
    await page.keyboard.press('Escape');
    await expect(search).toHaveValue('');
  });

  test('an integrity check from the keyboard reports a sound database', async ({ page, terminal }) => {
    await page.goto(terminal.url);
    await login(page, 'it01');
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    await page.keyboard.press('F7');
    await expect(page.getByTestId('catalog-screen')).toBeVisible();
    await page.keyboard.press('F6');
    await expect(page.getByTestId('catalog-integrity')).toContainText('完整性检查通过', { timeout: 30_000 });
  });
});
