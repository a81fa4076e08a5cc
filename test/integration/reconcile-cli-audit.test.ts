// The command line: `yikatong reconcile --date` finds an injected disagreement, `--resolve`
// reverses the orphan, `report shift|day` prints and exports the same figures; then the audit
// chain is verified, tampered with behind the application's back, and `yikatong audit verify`
// names the first broken link.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '@src/cli/main';
import type { ReconcileRunView } from '@src/contract/methods/reconcile';
import { dataPaths } from '@src/platform/paths';
import { startTestHost } from '../helpers/test-host';
import { admin, hubOperator, patient, settle } from './reconcile-kit';

let dir: string;
let today: string;
let orphanMsgid: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yk-reconcile-cli-'));
  const host = await startTestHost({ dataRoot: dir, mode: 'training', trainingInstitution: 'hospital', role: 'tool' });
  try {
    today = (await admin<{ today: string }>(host, 'GET', '/admin/health')).today;
    await settle(host, await hubOperator(host), patient('刘洋'));
    orphanMsgid = (await admin<{ msgid: string }>(host, 'POST', '/admin/reconciliation/disagreements', { kind: 'terminalLost', psn_no: patient('刘洋').psnNo })).msgid;
  } finally {
    await host.close();
  }
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  try {
    const code = await runCli(['--data-dir', dir, '--mode', 'training', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('yikatong reconcile / report / audit verify', () => {
  it('reconciles a day, lists the orphan with its msgid, and reverses it', async () => {
    const run = await cli('reconcile', '--date', today);
    expect(run.code).toBe(2);
    expect(run.out).toContain('不一致');
    expect(run.out).toContain(orphanMsgid);
    const json = await cli('reconcile', '--date', today, '--json');
    const view = JSON.parse(json.out.trim()) as ReconcileRunView;
    const orphan = view.mismatches.find((m) => m.msgid === orphanMsgid)!;
    expect(orphan.kind).toBe('hub_only');
    const resolved = await cli('reconcile', '--resolve', String(orphan.id), '--reverse', '--note', '本院只有一台终端');
    expect(resolved.code).toBe(0);
    expect(resolved.out).toContain('已冲正');
    const again = await cli('reconcile', '--date', today);
    expect(again.code).toBe(0);
    expect(again.out).toContain('一致（平）');
  }, 60_000);

  it('prints the day summary and the shift hand-over, and exports CSV', async () => {
    const csv = path.join(dir, 'day.csv');
    const day = await cli('report', 'day', '--date', today, '--csv', csv);
    expect(day.code).toBe(0);
    expect(day.out).toContain('结算汇总');
    expect(readFileSync(csv, 'utf8')).toContain('合计,1,');
    const shift = await cli('report', 'shift', '--operator', 'sy01');
    expect(shift.code).toBe(0);
    expect(shift.out).toMatch(/结算 1 笔/);
  }, 60_000);

  it('verifies the audit chain, then names the first entry changed behind its back', async () => {
    const ok = await cli('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('审计链完整');

    const db = new Database(dataPaths(dir, 'training').terminalDb);
    const target = db.prepare(`SELECT seq FROM audit_log WHERE action = 'reconcile.resolve' ORDER BY seq LIMIT 1`).get() as { seq: number };
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET details = '{"note":"改过了"}' WHERE seq = ?`).run(target.seq);
    db.close();

    const broken = await cli('audit', 'verify', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out.trim())).toMatchObject({ ok: false, firstBroken: { seq: target.seq } });
    const text = await cli('audit', 'verify');
    expect(text.out).toContain(`第 ${target.seq} 条`);
  }, 60_000);
});
