// `yikatong queue …` in training mode against the embedded training hub: drill, flush (--json),
// status --json, export --csv (no patient data), retry/resolve refusals, drill refused in live mode.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '@src/cli/main';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';

let dir: string;
let out = '';
let err = '';
const cli = async (...args: string[]): Promise<number> => {
  out = '';
  err = '';
  return runCli(['--data-dir', dir, '--mode', 'training', ...args]);
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yk-queue-cli-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('yikatong queue', () => {
  it('fills the queue with a drill, flushes it with --json, and reports status and CSV without patient data', async () => {
    expect(await cli('queue', 'drill', '--count', '6')).toBe(0);
    expect(err).toContain('已加入 6 笔');
    expect(await cli('queue', 'status', '--json')).toBe(0);
    const before = JSON.parse(out) as { depth: number; items: { patientMasked?: string }[] };
    expect(before.depth).toBe(6);
    expect(before.items[0]?.patientMasked).toMatch(/\*{4,}/);
    expect(await cli('queue', 'flush', '--json')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ succeeded: 6, remaining: 0, dead: 0 });
    expect(await cli('queue', 'export', '--csv')).toBe(0);
    expect(out.split('\r\n').filter((l) => l.includes(',done,'))).toHaveLength(6);
    for (const p of TRAINING_PATIENTS) expect(out).not.toContain(p.idNumber);
  }, 90_000);

  it('refuses to retry a done item and to resolve one that did not fail, saying why', async () => {
    expect(await cli('queue', 'retry', '1')).toBe(1);
    expect(err).toContain('不能重试');
    expect(await cli('queue', 'resolve', '1', '--note', '已核对')).toBe(1);
    expect(err).toContain('失败');
  }, 60_000);

  it('generates drill data only in training mode', async () => {
    out = '';
    err = '';
    expect(await runCli(['--data-dir', dir, '--mode', 'live', 'queue', 'drill', '--count', '1'])).toBe(1);
    expect(err).toContain('培训模式');
  });
});
