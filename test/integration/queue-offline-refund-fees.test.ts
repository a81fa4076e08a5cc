// Refunds and inpatient fee uploads made while the hub cannot be reached (issue 8 follow-up), and
// the offline queue's audit trail. Through the whole host against the embedded training hub: the
// hub goes down (the client points at a closed port), the refund and the fee upload fail with
// nothing sent and are queued; the hub comes back, IT flushes, and the hub's books show the refund
// exactly once and the stay's fees exactly once. A refund the hub refuses is dead-lettered with its
// reason, retried and resolved by IT; every step is in the audit trail and the chain verifies.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '@src/cli/main';
import type { QueueItemView } from '@src/contract/methods/queue';
import { LI_NA, startSettlementKit, ZHANG_WEI, ZHAO_MIN, type SettlementKit } from './settlement-kit';

let kit: SettlementKit;
let dir: string;
let realEndpoint: string;
const diag = [{ code: 'J06.900', name: '急性上呼吸道感染' }];

type Ledger = { entries: { event: string; state: string | null; msgid: string; setlId: string }[]; summary: { msgidsSettledTwice: string[]; visitsSettledTwice: string[] } };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yk-queue-refund-'));
  kit = await startSettlementKit({ dataRoot: dir });
  await kit.host.signIn('it', 'it01');
  realEndpoint = kit.host.services.hub.endpoint();
}, 60_000);
afterAll(async () => {
  await kit.close();
  rmSync(dir, { recursive: true, force: true });
});

async function settledVisit() {
  const p = await kit.call('patient.identify', { certType: '02', certNo: ZHANG_WEI, typedReason: '培训：手工录入' });
  const pre = await kit.call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: diag, lines: await kit.lines(2), acctUsed: true });
  const done = await kit.call('outpatient.settle', { visitId: pre.visitId });
  expect(done.outcome).toBe('settled');
  return { id: done.settlement.id, setlId: done.settlement.setlId, mdtrtId: pre.mdtrtId };
}

/** Hub down: the client points at a port nothing listens on (connection refused: nothing sent). */
function hubDown(): void {
  kit.host.services.hub.client.setEndpointOverride('http://127.0.0.1:9/');
}
function hubBack(): void {
  kit.host.services.hub.client.setEndpointOverride(realEndpoint);
}

function auditRows(prefix: string): { action: string; operator: string | null; subject: string | null; terminal_id: string; details: string }[] {
  return kit.host.services.db.prepare("SELECT action, operator, subject, terminal_id, details FROM audit_log WHERE action LIKE ? || '%' ORDER BY seq").all(prefix) as never;
}

describe('refunds and fee uploads queued while the hub is down', () => {
  let visit: { id: number; setlId: string; mdtrtId: string };
  let stay: { stayId: number; mdtrtId: string };
  let onlineFen = 0;
  let queuedFen = 0;

  it('queues a refund and two fee uploads after they failed with nothing sent', async () => {
    visit = await settledVisit();
    const p = await kit.call('patient.identify', { certType: '02', certNo: ZHAO_MIN, typedReason: '培训：手工录入' });
    const admitted = await kit.call('inpatient.admit', { patientRef: p.patientRef, insutype: '310', diagnoses: [{ code: 'I63.900', name: '脑梗死' }], dept: { code: '0301', name: '神经内科' }, bed: '12' });
    stay = { stayId: admitted.stayId, mdtrtId: admitted.mdtrtId };
    const day1 = await kit.call('inpatient.uploadFees', { stayId: stay.stayId, lines: await kit.lines(2) });
    onlineFen = day1.lines.reduce((s, l) => s + l.amountFen, 0);

    hubDown();
    const refund = await kit.fail('settlements.refund', { id: visit.id, reason: '患者要求退费' });
    expect(refund.code).toBe('HUB_NETWORK');
    // The pharmacist may not queue what they may not refund.
    expect((await kit.fail('settlements.queueRefund', { id: visit.id, reason: '患者要求退费' }, 'pharmacist')).code).toBe('SETTLEMENT_ROLE');
    const queued = await kit.call('settlements.queueRefund', { id: visit.id, reason: '患者要求退费' });
    expect(queued.queued.queueNo).toMatch(/^LX-.+-\d{6}$/);
    expect(queued.queued.message).toContain('离线队列');
    expect(queued.record).toMatchObject({ state: 'settled', note: expect.stringContaining(queued.queued.queueNo) });
    // Not twice: neither queued again nor refunded at the counter meanwhile.
    expect((await kit.fail('settlements.queueRefund', { id: visit.id, reason: '患者要求退费' })).code).toBe('SETTLEMENT_REFUND_QUEUED');
    expect((await kit.fail('settlements.refund', { id: visit.id, reason: '患者要求退费' })).code).toBe('SETTLEMENT_REFUND_QUEUED');

    const lines = await kit.lines(3, { infno: '1305' });
    expect((await kit.fail('inpatient.uploadFees', { stayId: stay.stayId, lines })).code).toBe('HUB_NETWORK');
    const fees = await kit.call('inpatient.queueFees', { stayId: stay.stayId, lines });
    expect(fees).toMatchObject({ lineCount: 3, queued: { message: expect.stringContaining('离线队列') } });
    const more = await kit.call('inpatient.queueFees', { stayId: stay.stayId, lines: await kit.lines(1) });
    queuedFen = fees.amountFen + more.amountFen;
    // Nothing about the stay's fees may overtake what waits in the queue.
    expect((await kit.fail('inpatient.preSettle', { stayId: stay.stayId, midStay: true, acctUsed: true })).code).toBe('SETTLEMENT_FEES_QUEUED');
    const items = await kit.call('queue.list', {}, 'it');
    expect(items.map((i: QueueItemView) => [i.kind, i.state])).toEqual([
      ['refund', 'queued'],
      ['inpatient_fees', 'queued'],
      ['inpatient_fees', 'queued'],
    ]);
  });

  it('forwards them when the hub is back: the refund and the fees are at the hub exactly once', async () => {
    hubBack();
    const report = await kit.call('queue.flush', {}, 'it');
    expect(report).toMatchObject({ succeeded: 3, remaining: 0 });
    const again = await kit.call('queue.flush', {}, 'it');
    expect(again.succeeded).toBe(0);

    const record = await kit.call('settlements.get', { id: visit.id });
    expect(record.record.state).toBe('refunded');
    const ledger = await kit.admin<Ledger>(`/admin/ledger?mdtrt_id=${visit.mdtrtId}`);
    expect(ledger.entries.filter((e) => e.event === 'cancel')).toHaveLength(1);
    expect(ledger.summary.msgidsSettledTwice).toEqual([]);
    expect(record.record.refund!.figures.medfee_sumamt).toBe(-record.record.figures!.medfee_sumamt);

    // The hub's total for the stay is the online upload plus the queued ones, each once.
    const detail = await kit.call('inpatient.get', { stayId: stay.stayId });
    expect(detail.lines).toHaveLength(6);
    expect(new Set(detail.lines.map((l) => l.feedetlSn)).size).toBe(6);
    const pre = await kit.call('inpatient.preSettle', { stayId: stay.stayId, midStay: true, acctUsed: true });
    expect(pre.figures.medfee_sumamt).toBe(onlineFen + queuedFen);
  });

  it('dead-letters a refund the hub refuses with its reason; IT retries and resolves it, all audited', async () => {
    const second = await settledVisit();
    hubDown();
    expect((await kit.fail('settlements.refund', { id: second.id, reason: '重复收费' })).code).toBe('HUB_NETWORK');
    const q = await kit.call('settlements.queueRefund', { id: second.id, reason: '重复收费' });
    hubBack();
    await kit.admin('/admin/faults', { method: 'POST', body: { kind: 'business-error', infno: '2208', count: 2, errMsg: '培训：该结算不允许退费' } });
    const r1 = await kit.call('queue.flush', {}, 'it');
    expect(r1.dead).toBe(1);
    const dead = (await kit.call('queue.list', { state: 'dead' }, 'it'))[0]!;
    expect(dead.lastError).toContain('不允许退费');
    await kit.call('queue.retry', { id: q.queued.itemId }, 'it');
    expect((await kit.call('queue.flush', {}, 'it')).dead).toBe(1);
    await kit.call('queue.resolve', { id: q.queued.itemId, note: '已电话联系参保地经办机构人工退费' }, 'it');
    await kit.call('queue.exportCsv', {}, 'it');

    const queueAudit = auditRows('queue.');
    const actions = queueAudit.map((a) => a.action);
    expect(actions.filter((a) => a === 'queue.enqueued')).toHaveLength(4);
    expect(actions.filter((a) => a === 'queue.forwarded')).toHaveLength(3);
    expect(actions.filter((a) => a === 'queue.deadLettered')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['queue.retry', 'queue.resolve', 'queue.exported']));
    const forwardedRefund = queueAudit.find((a) => a.action === 'queue.forwarded' && a.details.includes('"refunded"'))!;
    expect(JSON.parse(forwardedRefund.details)).toMatchObject({ kind: 'refund', setlId: expect.any(String), msgid: expect.any(String), medfeeFen: expect.any(Number) });
    expect(forwardedRefund.operator).toBe('sy01');
    expect(JSON.parse(queueAudit.find((a) => a.action === 'queue.deadLettered')!.details).reason).toContain('不允许退费');
    expect(JSON.parse(queueAudit.find((a) => a.action === 'queue.resolve')!.details)).toMatchObject({ note: '已电话联系参保地经办机构人工退费' });
    expect(queueAudit.find((a) => a.action === 'queue.retry')!.operator).toBe('it01');
    expect(queueAudit.every((a) => a.terminal_id === kit.host.services.config.get().terminal.terminalId)).toBe(true);
    expect(auditRows('settlement.').map((a) => a.action)).toEqual(expect.arrayContaining(['settlement.refundQueued', 'settlement.refunded']));
    expect(auditRows('stay.').map((a) => a.action)).toContain('stay.feesQueued');
    // No patient in the trail, and the chain holds.
    expect(JSON.stringify(auditRows(''))).not.toMatch(new RegExp(`${ZHANG_WEI}|${ZHAO_MIN}|张伟|赵敏`));
    expect(kit.host.services.audit.verify()).toMatchObject({ ok: true });
    // After IT's resolve the record is refundable at the counter again.
    const refund = await kit.call('settlements.refund', { id: second.id, reason: '重复收费' });
    expect(refund.record.state).toBe('refunded');
  });

  it('leaves a chain `yikatong audit verify` accepts', async () => {
    await kit.close();
    let out = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    try {
      expect(await runCli(['--data-dir', dir, '--mode', 'training', 'audit', 'verify'])).toBe(0);
    } finally {
      o.mockRestore();
    }
    expect(out).toMatch(/\d+/);
  });
});

// Pharmacy refunds (2103) and inpatient settlement cancellations (2305) queue the same way, each in
// a host of its own (the training pharmacy is another institution): hub down → queued with nothing
// sent → hub back → flush → the hub's ledger shows each refund exactly once.
describe('pharmacy refunds and inpatient cancellations queued while the hub is down', () => {
  let pharmacy: SettlementKit;
  let hospital: SettlementKit;
  const endpoints = new Map<SettlementKit, string>();
  const down = (k: SettlementKit) => k.host.services.hub.client.setEndpointOverride('http://127.0.0.1:9/');
  const back = (k: SettlementKit) => k.host.services.hub.client.setEndpointOverride(endpoints.get(k)!);
  const cancels = async (k: SettlementKit, query: string) => (await k.admin<Ledger>(`/admin/ledger?${query}`)).entries.filter((e) => e.event === 'cancel');

  beforeAll(async () => {
    pharmacy = await startSettlementKit({ pharmacy: true });
    hospital = await startSettlementKit();
    for (const k of [pharmacy, hospital]) {
      await k.host.signIn('it', 'it01');
      endpoints.set(k, k.host.services.hub.endpoint());
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all([pharmacy?.close(), hospital?.close()]);
  });

  it('queues a pharmacy refund (2103) and forwards it once when the hub is back', async () => {
    const p = await pharmacy.call('patient.identify', { certType: '02', certNo: LI_NA, typedReason: '培训：手工录入' });
    const pre = await pharmacy.call('pharmacy.preSettle', { patientRef: p.patientRef, insutype: '390', lines: await pharmacy.lines(2), acctUsed: false });
    const done = await pharmacy.call('pharmacy.settle', { draftId: pre.draftId });
    expect(done.outcome).toBe('settled');
    const id = done.settlement.id;

    down(pharmacy);
    expect((await pharmacy.fail('settlements.refund', { id, reason: '药品退回' })).code).toBe('HUB_NETWORK');
    // Same role rule as the online refund: only a pharmacist refunds a pharmacy settlement.
    expect((await pharmacy.fail('settlements.queueRefund', { id, reason: '药品退回' }, 'cashier')).code).toBe('SETTLEMENT_ROLE');
    const queued = await pharmacy.call('settlements.queueRefund', { id, reason: '药品退回' });
    expect(queued.record).toMatchObject({ state: 'settled', note: expect.stringContaining(queued.queued.queueNo) });
    expect((await pharmacy.fail('settlements.queueRefund', { id, reason: '药品退回' })).code).toBe('SETTLEMENT_REFUND_QUEUED');
    const items = await pharmacy.call('queue.list', {}, 'it');
    expect(items.map((i: QueueItemView) => [i.kind, i.state])).toEqual([['pharmacy_refund', 'queued']]);
    const msgid = items[0]!.msgid!;
    expect(pharmacy.host.services.hub.journal.getByMsgid(msgid)).toBeUndefined();

    back(pharmacy);
    expect(await pharmacy.call('queue.flush', {}, 'it')).toMatchObject({ succeeded: 1, remaining: 0 });
    expect((await pharmacy.call('queue.flush', {}, 'it')).succeeded).toBe(0);
    const record = (await pharmacy.call('settlements.get', { id })).record;
    expect(record.state).toBe('refunded');
    expect(record.refund!.figures.medfee_sumamt).toBe(-record.figures!.medfee_sumamt);
    expect(record.refund!.msgid).toBe(msgid);
    const ledgerCancels = await cancels(pharmacy, `psn_no=${done.settlement.psnNo}`);
    expect(ledgerCancels).toHaveLength(1);
    expect(ledgerCancels[0]!.msgid).toBe(msgid);
    const forwarded = (pharmacy.host.services.db.prepare("SELECT details FROM audit_log WHERE action = 'queue.forwarded'").all() as { details: string }[]).map((r) => JSON.parse(r.details));
    expect(forwarded).toEqual([expect.objectContaining({ kind: 'pharmacy_refund', outcome: 'refunded', msgid: msgid, medfeeFen: expect.any(Number) })]);
  });

  it('queues an inpatient settlement cancellation (2305) and forwards it once when the hub is back', async () => {
    const p = await hospital.call('patient.identify', { certType: '02', certNo: ZHAO_MIN, typedReason: '培训：手工录入' });
    const stay = await hospital.call('inpatient.admit', { patientRef: p.patientRef, insutype: '310', diagnoses: [{ code: 'I63.900', name: '脑梗死' }], dept: { code: '0301', name: '神经内科' }, bed: '7' });
    await hospital.call('inpatient.uploadFees', { stayId: stay.stayId, lines: await hospital.lines(2) });
    const mid = await hospital.call('inpatient.settle', { stayId: stay.stayId, midStay: true, acctUsed: true });
    expect(mid.outcome).toBe('settled');
    const id = mid.settlement.id;

    down(hospital);
    expect((await hospital.fail('settlements.refund', { id, reason: '结算有误' })).code).toBe('HUB_NETWORK');
    expect((await hospital.fail('settlements.queueRefund', { id, reason: '结算有误' }, 'pharmacist')).code).toBe('SETTLEMENT_ROLE');
    const queued = await hospital.call('settlements.queueRefund', { id, reason: '结算有误' });
    expect(queued.queued.queueNo).toMatch(/^LX-.+-\d{6}$/);
    expect((await hospital.fail('settlements.refund', { id, reason: '结算有误' })).code).toBe('SETTLEMENT_REFUND_QUEUED');
    const items = await hospital.call('queue.list', {}, 'it');
    expect(items.map((i: QueueItemView) => [i.kind, i.state])).toEqual([['inpatient_cancel', 'queued']]);
    const msgid = items[0]!.msgid!;
    expect(hospital.host.services.hub.journal.getByMsgid(msgid)).toBeUndefined();

    back(hospital);
    expect(await hospital.call('queue.flush', {}, 'it')).toMatchObject({ succeeded: 1, remaining: 0 });
    expect((await hospital.call('queue.flush', {}, 'it')).succeeded).toBe(0);
    const record = (await hospital.call('settlements.get', { id })).record;
    expect(record.state).toBe('refunded');
    expect(record.refund!.msgid).toBe(msgid);
    const ledgerCancels = await cancels(hospital, `mdtrt_id=${stay.mdtrtId}`);
    expect(ledgerCancels).toHaveLength(1);
    expect(ledgerCancels[0]!.msgid).toBe(msgid);
    // As after an online cancellation, the stay's fees are unsettled again.
    expect((await hospital.call('inpatient.get', { stayId: stay.stayId })).stay.unsettledFeesFen).toBeGreaterThan(0);
    const actions = (hospital.host.services.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'queue.%' OR action LIKE 'settlement.refund%' ORDER BY seq").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['queue.enqueued', 'settlement.refundQueued', 'queue.forwarded', 'settlement.refunded']);
    expect(hospital.host.services.audit.verify()).toMatchObject({ ok: true });
  });
});
