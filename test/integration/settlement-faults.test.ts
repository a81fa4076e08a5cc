// Unknown outcomes at the counter, with the training hub's fault injection: the terminal resolves
// them itself (resend same msgid → 5203 → 2601 → pending reversal for the queue) and the hub's
// ledger never shows a visit settled twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSettlementKit, ZHANG_WEI, type SettlementKit } from './settlement-kit';

let kit: SettlementKit;
beforeAll(async () => {
  kit = await startSettlementKit();
});
afterAll(async () => {
  await kit.close();
});
afterEach(async () => {
  await kit.admin('/admin/faults', { method: 'DELETE' });
});

interface Ledger {
  entries: { event: string; msgid: string; state: string | null; medfeeFen: number; omsgid: string | null }[];
  summary: { msgidsSettledTwice: string[]; visitsSettledTwice: string[] };
}

async function preSettled() {
  const p = await kit.call('patient.identify', { certType: '02', certNo: ZHANG_WEI, typedReason: '培训：手工录入' });
  return kit.call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: [{ code: 'J06.900', name: '急性上呼吸道感染' }], lines: await kit.lines(2), acctUsed: true });
}

async function faults(...rules: Record<string, unknown>[]) {
  await kit.admin('/admin/faults', { method: 'POST', body: rules });
}

/** Settlements of the visit still in force at the hub. */
async function inForce(mdtrtId: string): Promise<number> {
  const l = await kit.admin<Ledger>(`/admin/ledger?mdtrt_id=${mdtrtId}`);
  expect(l.summary.msgidsSettledTwice).toEqual([]);
  expect(l.summary.visitsSettledTwice).toEqual([]);
  return l.entries.filter((e) => e.event === 'settle' && e.state === 'settled').length;
}

/** The hub's ledger holds exactly one settlement of the visit (none reversed, none extra), the terminal's. */
async function expectOneSettlement(mdtrtId: string, msgid: string | null | undefined): Promise<void> {
  const l = await kit.admin<Ledger>(`/admin/ledger?mdtrt_id=${mdtrtId}`);
  const settles = l.entries.filter((e) => e.event === 'settle');
  expect(settles.map((e) => [e.msgid, e.state])).toEqual([[msgid, 'settled']]);
  expect(l.entries.filter((e) => e.event === 'reversal')).toEqual([]);
}

describe('settle outcome unknown', () => {
  it('drop after commit: the resent msgid returns the first answer; exactly one settlement, receipt equals the hub', async () => {
    const pre = await preSettled();
    await faults({ kind: 'drop-after-commit', infno: '2207', count: 1 });
    const r = await kit.call('outpatient.settle', { visitId: pre.visitId });
    expect(r.outcome).toBe('settled');
    expect(r.resolution.join()).toContain('重发');
    expect(await inForce(pre.mdtrtId)).toBe(1);
    const l = await kit.admin<Ledger>(`/admin/ledger?mdtrt_id=${pre.mdtrtId}`);
    expect(r.settlement.figures!.medfee_sumamt).toBe(l.entries.find((e) => e.event === 'settle')!.medfeeFen);
    expect(r.settlement.msgid).toBe(l.entries.find((e) => e.event === 'settle')!.msgid);
  });

  it('drop before commit: the resend is processed now; settled once', async () => {
    const pre = await preSettled();
    await faults({ kind: 'drop-before-commit', infno: '2207', count: 1 });
    const r = await kit.call('outpatient.settle', { visitId: pre.visitId });
    expect(r.outcome).toBe('settled');
    expect(await inForce(pre.mdtrtId)).toBe(1);
    await expectOneSettlement(pre.mdtrtId, r.settlement.msgid);
  });

  it('timeout before commit (the hub answers after the budget): settled once after resolution within the budget', async () => {
    const pre = await preSettled();
    // The first send waits 9 s (beyond what the call may use); the resend is answered at once.
    await faults({ kind: 'latency', infno: '2207', count: 1, ms: 9000 });
    const started = Date.now();
    const r = await kit.call('outpatient.settle', { visitId: pre.visitId });
    // The deadline, not speed: the 10 s budget plus the 2 s a reversal may overrun, with 2 s of slack
    // for a loaded CI machine. Waiting on the slow first answer and then resending would pass 18 s.
    expect(Date.now() - started).toBeLessThan(14_000);
    expect(r.outcome).toBe('settled');
    expect(await inForce(pre.mdtrtId)).toBe(1);
    await expectOneSettlement(pre.mdtrtId, r.settlement.msgid);
  }, 20_000);

  it('garbage answers to every resend and no 5203: reversed with 2601, nothing in force, the cashier told plainly', async () => {
    const pre = await preSettled();
    await faults({ kind: 'malformed-json', infno: '2207' }, { kind: 'http-error', infno: '5203' });
    const r = await kit.call('outpatient.settle', { visitId: pre.visitId });
    expect(r.outcome).toBe('reversed');
    expect(r.message).toBe('结算结果未知，已自动冲正，未扣费');
    expect(r.hint).toContain('重新结算');
    expect(r.settlement.state).toBe('reversed');
    expect(await inForce(pre.mdtrtId)).toBe(0);
    // The visit may be settled again.
    await kit.admin('/admin/faults', { method: 'DELETE' });
    const again = await kit.call('outpatient.settle', { visitId: pre.visitId });
    expect(again.outcome).toBe('settled');
    expect(await inForce(pre.mdtrtId)).toBe(1);
  }, 30_000);

  it('the reversal cannot be delivered: recorded for the offline queue; delivering it later leaves nothing in force', async () => {
    const pre = await preSettled();
    await faults({ kind: 'drop-after-commit', infno: '2207' }, { kind: 'http-error', infno: '5203' }, { kind: 'drop-before-commit', infno: '2601' });
    const r = await kit.call('outpatient.settle', { visitId: pre.visitId });
    expect(r.outcome).toBe('pendingReversal');
    expect(r.hint).toContain('请勿');
    expect(r.settlement.state).toBe('pendingReversal');
    const pending = await kit.call('settlements.pendingReversals', {});
    const mine = pending.find((p) => p.msgid === r.settlement.msgid)!;
    expect(mine.state).toBe('pending');
    expect(await inForce(pre.mdtrtId)).toBe(1);

    await kit.admin('/admin/faults', { method: 'DELETE' });
    const service = kit.host.services.settlement!;
    expect(await service.pending.deliver(mine.id)).toBe('reversed');
    expect(service.store.record(r.settlement.id)!.state).toBe('reversed');
    expect(await inForce(pre.mdtrtId)).toBe(0);
  }, 30_000);

  it('progress events carry the remaining budget for the calling window', async () => {
    const seen: { step: string; remainingMs: number; budgetMs: number }[] = [];
    // Attached last in this file: detaching the only sink signs the window out.
    const detach = kit.host.attachClient('cashier', (event, payload) => {
      if (event === 'settlement.progress') seen.push(payload as never);
    });
    try {
      const pre = await preSettled();
      await kit.call('outpatient.settle', { visitId: pre.visitId, operationId: 'op-x' });
    } finally {
      detach();
    }
    expect(seen.map((s) => s.step)).toEqual(expect.arrayContaining(['register', 'visit', 'uploadFees', 'preSettle', 'settle', 'done']));
    expect(seen.every((s) => s.remainingMs <= s.budgetMs && s.budgetMs === 10_000)).toBe(true);
  });
});
