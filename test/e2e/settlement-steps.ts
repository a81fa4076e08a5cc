/// <reference lib="dom" />
// Steps shared by the settlement e2e specs (test/e2e/settlement-*.spec.ts): training-mode helpers
// that a trainee would do on the device screen (place a card, show a QR code, scan a drug code),
// done through the same bridge the training panel uses, plus the counter's keyboard steps.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Terminal } from './fixtures';

export const PATIENTS = {
  zhangWei: '320501197203150018',
  liNa: '340101198809210026',
  wangFang: '510101195506070036',
  chenGang: '330401199001120043',
  zhaoMin: '500103194811030061',
  sunLei: '110105199307260071',
} as const;

type Bridge = Record<string, Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>>>;

/** Calls the host through the page's bridge (as the training panel does); throws on failure. */
export async function call<T = unknown>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const r = await page.evaluate(
    async ([m, i]) => {
      const [domain, action] = (m as string).split('.') as [string, string];
      const bridge = (window as unknown as { yikatong: Bridge }).yikatong;
      return bridge[domain]![action]!(i);
    },
    [method, input] as const,
  );
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value as T;
}

/** Training mode syncs the catalogue by itself a few seconds after start; wait until it is usable. */
export async function waitForCatalog(page: Page): Promise<void> {
  await expect(async () => {
    const s = await call<{ totalRows: number; syncing: boolean; barcodes: number }>(page, 'catalog.status');
    expect(s.syncing).toBe(false);
    expect(s.totalRows).toBeGreaterThan(0);
  }).toPass({ timeout: 90_000, intervals: [500] });
}

export async function placeIdCard(page: Page, idNumber: string): Promise<void> {
  await call(page, 'devices.removeTrainingCard', { medium: 'idCard' }).catch(() => undefined);
  await call(page, 'devices.placeTrainingCard', { idNumber, medium: 'idCard' });
}

export async function placeSsCard(page: Page, idNumber: string): Promise<void> {
  await call(page, 'devices.removeTrainingCard', { medium: 'ssCard' }).catch(() => undefined);
  await call(page, 'devices.placeTrainingCard', { idNumber, medium: 'ssCard' });
}

export async function showQr(page: Page, idNumber: string): Promise<void> {
  await call(page, 'devices.showTrainingCode', { idNumber });
}

export async function scanCode(page: Page, code: string): Promise<void> {
  await call(page, 'devices.showTrainingCode', { code });
}

/**
 * A keyboard-wedge scanner: the keys of the code and Enter arrive within microseconds, into the
 * focused field (Playwright's own typing is too slow and uneven on a loaded machine to look like one).
 */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (const key of [...text, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      if (key !== 'Enter' && target instanceof HTMLInputElement) {
        setValue.call(target, target.value + key);
        target.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
  }, code);
}

/**
 * A keyboard-wedge scanner as the browser sees a real one: trusted key events (so Enter does what a
 * real Enter does, e.g. submit the focused form), sent back to back through the DevTools protocol
 * without waiting between them, so they arrive within a few milliseconds of each other.
 */
export async function trustedWedgeScan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const keys = [...code].map((ch) => cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch }));
    keys.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r' }));
    keys.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }));
    await Promise.all(keys);
  } finally {
    await cdp.detach();
  }
}

/** Types into a catalogue search box (by its test id) and picks the first answer with Enter. */
export async function pickFromSearch(page: Page, testId: string, text: string, expectText: string | RegExp = text): Promise<void> {
  const box = page.getByTestId(testId).getByRole('combobox');
  await box.focus();
  await box.fill(text);
  await expect(page.getByTestId(testId).getByRole('option').first()).toContainText(expectText);
  await box.press('Enter');
  await expect(box).toHaveValue('');
}

/** Amounts as the screen shows them: "¥1,234.56" → 123456 fen. */
export function fenOf(text: string): number {
  const m = /(-?)¥([\d,]+)\.(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in ${JSON.stringify(text)}`);
  return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
}

export async function figure(page: Page, scope: string, name: 'medfee' | 'fund' | 'acct' | 'cash'): Promise<number> {
  return Number(await page.getByTestId(scope).getByTestId(`fig-${name}`).getAttribute('data-fen'));
}

/** The embedded training hub's address, from the terminal's log ("training hub listening"). */
export function trainingHubUrl(terminal: Terminal): string {
  for (const line of logLines(terminal)) {
    if (!line.includes('training hub listening')) continue;
    const port = (JSON.parse(line) as { port?: number }).port;
    if (port) return `http://127.0.0.1:${port}`;
  }
  throw new Error(`training hub address not found in the log of ${terminal.dataDir}`);
}

function logLines(terminal: Terminal): string[] {
  const dir = path.join(terminal.dataDir, 'training', 'logs');
  let lines: string[] = [];
  try {
    for (const f of readdirSync(dir)) lines = lines.concat(readFileSync(path.join(dir, f), 'utf8').split('\n'));
  } catch {
    return [];
  }
  return lines;
}

/**
 * Waits for the training terminal's own first catalogue sync (it starts a few seconds after the
 * host), from its log. The settlement specs no longer need it before signing in: the refused 1301
 * was the catalogue source sending no sign_no (fixed; test/integration/hub-sign-in-race.test.ts),
 * and `waitForCatalog` waits for the items a counter needs.
 */
export async function waitForFirstSync(terminal: Terminal): Promise<void> {
  const started = Date.now();
  for (;;) {
    const lines = logLines(terminal);
    if (lines.some((l) => l.includes('"catalogue synced"'))) return;
    if (lines.some((l) => l.includes('catalogue sync did not complete'))) throw new Error('the training catalogue sync failed; see the terminal log in ' + terminal.dataDir);
    if (Date.now() - started > 90_000) throw new Error('the training catalogue did not sync within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Replaces window.print (the browser shell's print path) with a counter the test can read. */
export async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
}
