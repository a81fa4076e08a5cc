import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './main';

describe('the yikatong CLI', () => {
  let dir: string;
  let out: string;
  let err: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yk-cli-'));
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = (...args: string[]) => runCli(['--data-dir', dir, ...args]);

  it('prints its version and help', async () => {
    expect(await runCli(['--version'])).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+/);
    out = '';
    expect(await runCli(['--help'])).toBe(0);
    expect(out).toContain('doctor');
  });

  it('shows and sets configuration, refusing bad values with a clear message and exit code 1', async () => {
    expect(await cli('config', 'set', 'timeouts.settlementBudgetMs=8000')).toBe(0);
    expect(out).toContain('已保存');
    out = '';
    expect(await cli('config', 'show', '--json')).toBe(0);
    expect(JSON.parse(out).config.timeouts.settlementBudgetMs).toBe(8000);
    expect(await cli('config', 'set', 'institution.code=XYZ')).toBe(1);
    expect(err).toContain('定点医药机构编号');
  });

  it('runs doctor and reports every check', async () => {
    expect(await cli('doctor', '--json')).toBe(0);
    const report = JSON.parse(out.trim().split('\n').pop()!) as { check: string }[];
    expect(report.map((r) => r.check)).toEqual(expect.arrayContaining(['终端数据库', '终端配置', '操作员账号', '审计日志']));
  });

  it('manages operators', async () => {
    expect(await cli('operators', 'add', '--username', 'sy09', '--name', '钱九', '--role', 'cashier', '--password', 'longenough')).toBe(0);
    expect(await cli('operators', 'list', '--json')).toBe(0);
    expect(out).toContain('sy09');
    expect(await cli('operators', 'add', '--username', 'sy10', '--name', 'x', '--role', 'boss', '--password', 'longenough')).toBe(2);
  });

  it('verifies the audit chain and names the first broken link after tampering', async () => {
    await cli('config', 'set', 'terminal.terminalId=T02');
    out = '';
    expect(await cli('audit', 'verify')).toBe(0);
    expect(out).toContain('审计链完整');
    const db = new Database(path.join(dir, 'training', 'terminal.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET operator = 'someone-else' WHERE seq = 2").run();
    db.close();
    out = '';
    expect(await cli('audit', 'verify')).toBe(1);
    expect(out).toContain('第 2 条');
  });
});
