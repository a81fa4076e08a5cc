// `yikatong catalog …` against the embedded training hub (training mode, a fresh data folder):
// a sync through the real hub client (terminal sign-in, 13xx, 9102), then search, lookup,
// barcodes, status and the integrity check, as IT staff would run them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '@src/cli/main';

describe('yikatong catalog', () => {
  let dir: string;
  let out = '';
  let err = '';
  const cli = async (...args: string[]): Promise<number> => {
    out = '';
    err = '';
    return runCli(['--data-dir', dir, '--mode', 'training', 'catalog', ...args]);
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yk-catalog-cli-'));
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs the chosen catalogues from the training hub with progress, then searches them', async () => {
    expect(await cli('sync', '--only', '1301,1307')).toBe(0);
    expect(out).toMatch(/开始同步 #1/);
    expect(out).toMatch(/同步完成：2 个目录，读入 \d+ 行，无效 0 行/);
    expect(err).toMatch(/\d+%/);

    expect(await cli('search', 'amxl', '--limit', '5', '--json')).toBe(0);
    const found = JSON.parse(out) as { items: { name: string; match: string; code: string }[] };
    expect(found.items).toHaveLength(5);
    expect(found.items[0]).toMatchObject({ name: expect.stringContaining('阿莫西林'), match: 'pinyinInitials' });

    expect(await cli('lookup', found.items[0]!.code.toLowerCase())).toBe(0);
    expect(out).toContain(found.items[0]!.code);
    expect(await cli('search', '糖尿病', '--group', 'diagnosis', '--json')).toBe(0);
    expect((JSON.parse(out) as { items: { infno: string }[] }).items.every((i) => i.infno === '1307')).toBe(true);
  });

  it('reports the status and a sound integrity check', async () => {
    expect(await cli('status', '--json')).toBe(0);
    const status = JSON.parse(out) as { totalRows: number; lastRun: { state: string }; catalogs: { infno: string; rows: number }[] };
    expect(status.lastRun.state).toBe('applied');
    expect(status.catalogs.find((c) => c.infno === '1301')!.rows).toBeGreaterThan(0);
    expect(status.catalogs.find((c) => c.infno === '1305')!.rows).toBe(0);
    expect(await cli('check')).toBe(0);
    expect(out).toContain('目录数据库完整');
  });

  it('imports a barcode list and finds the drug by its barcode; a file with bad lines is refused, naming them', async () => {
    expect(await cli('search', '阿莫西林', '--limit', '1', '--json')).toBe(0);
    const code = (JSON.parse(out) as { items: { code: string }[] }).items[0]!.code;
    const file = path.join(dir, 'barcodes.csv');
    writeFileSync(file, `条形码,医保目录编码\n6901234567892,${code}\n`);
    expect(await cli('import', 'barcodes', file)).toBe(0);
    expect(out).toContain('已导入');
    expect(await cli('barcode', '6901234567892', '--json')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ code, match: 'barcode' });

    writeFileSync(file, `条形码,医保目录编码\n12,${code}\n`);
    expect(await cli('import', 'barcodes', file)).toBe(1);
    expect(out).toContain('第 2 行');
    expect(await cli('sync', '--only', '9999')).toBe(1);
    expect(err).toContain('不认识的目录编号');
  });
});
