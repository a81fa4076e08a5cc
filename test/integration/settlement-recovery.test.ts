// The host killed (SIGKILL, child process) between journal steps of a settlement: at the next
// start, before any new settlement is accepted, the unknown 2207 is reversed (2601), the record
// says so, the outcome is audited and listed for the next signed-in cashier, and the hub's
// ledger shows no settlement in force for the visit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../helpers/test-host';
import { ZHANG_WEI } from './settlement-kit';

const TSX = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
const CHILD = path.join(__dirname, 'settlement-kill-child.ts');
const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'yk-settle-kill-'));
let host: TestHost | undefined;

afterAll(async () => {
  await host?.close();
  rmSync(dataRoot, { recursive: true, force: true });
});

function runChildUntilSettling(): Promise<{ mdtrtId: string; visitId: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CHILD, dataRoot, ZHANG_WEI], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('SETTLING')) {
        // Let the request leave (journal 'pending', hub committed, body trickling), then kill the
        // terminal's own process (tsx runs it as a child of the wrapper we spawned).
        const { pid } = JSON.parse(out.split('\n')[0]!) as { pid: number };
        setTimeout(() => {
          process.kill(pid, 'SIGKILL');
          child.kill('SIGKILL');
        }, 1500);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || out.includes('SETTLING')) resolve(JSON.parse(out.split('\n')[0]!) as { mdtrtId: string; visitId: number; pid: number });
      else reject(new Error(`child exited ${code}: ${err}${out}`));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('restart recovery', () => {
  it('resolves the settlement cut off by SIGKILL before new work, and tells the next cashier', async () => {
    const { mdtrtId, visitId, pid } = await runChildUntilSettling();
    // Wait until the killed process is really gone (reaped), as after a real crash.
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((res) => setTimeout(res, 50));
    host = await startTestHost({ dataRoot });
    await host.signIn('c2', 'sy01');
    const early = await host.callAs('c2', 'patient.identify', { certType: '02', certNo: ZHANG_WEI, typedReason: '培训：手工录入' });
    // Recovery waits for the cut-off call's deadline first, so new work is refused meanwhile.
    expect(early.ok ? 'accepted' : early.error.code).toBe('SETTLEMENT_RECOVERING');

    let state;
    for (let i = 0; i < 200; i++) {
      const r = await host.callAs('c2', 'settlements.recovery', {});
      if (!r.ok) throw new Error(r.error.message);
      state = r.value as { running: boolean; outcomes: { result: string; message: string; settlementId: number | null; id: number }[] };
      if (!state.running && state.outcomes.length > 0) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(state!.running).toBe(false);
    const outcome = state!.outcomes.find((o) => o.result === 'reversed')!;
    expect(outcome.message).toBe('上次结算结果未知，已自动冲正，未扣费');
    expect(host.services.settlement!.store.record(outcome.settlementId!)!.state).toBe('reversed');

    const origin = new URL(host.services.hub.endpoint()).origin;
    const ledger = (await (await fetch(`${origin}/admin/ledger?mdtrt_id=${mdtrtId}`)).json()) as { entries: { event: string; state: string | null }[]; summary: { msgidsSettledTwice: string[] } };
    expect(ledger.entries.filter((e) => e.event === 'settle' && e.state === 'settled')).toHaveLength(0);
    expect(ledger.summary.msgidsSettledTwice).toEqual([]);
    const audit = host.services.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settlement.recovered'").get() as { n: number };
    expect(audit.n).toBeGreaterThan(0);

    // Shown, then acknowledged; new settlements are accepted again.
    const ack = await host.callAs('c2', 'settlements.acknowledgeRecovery', { ids: state!.outcomes.map((o) => o.id) });
    expect(ack.ok).toBe(true);
    const again = await host.callAs('c2', 'patient.identify', { certType: '02', certNo: ZHANG_WEI, typedReason: '培训：手工录入' });
    expect(again.ok).toBe(true);
    // The interrupted visit is open again and settles once.
    const settled = await host.callAs('c2', 'outpatient.settle', { visitId });
    expect(settled.ok && (settled.value as { outcome: string }).outcome).toBe('settled');
    const after = (await (await fetch(`${origin}/admin/ledger?mdtrt_id=${mdtrtId}`)).json()) as { entries: { event: string; state: string | null }[] };
    expect(after.entries.filter((e) => e.event === 'settle' && e.state === 'settled')).toHaveLength(1);
  }, 60_000);
});
