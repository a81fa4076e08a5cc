// Reconciliation against the embedded training hub, through the terminal's own hub client and
// journal: an honest day agrees (3201 only); then the three disagreements of real life are
// injected at the hub — a settlement the hub lost, an amount changed, a settlement only the hub
// has (an orphan) — and each is found by 3202 with its cause and resolved (2601 for the orphan),
// with every step in the audit trail. Reports add up to the same records; clearing sends them.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileRunView } from '@src/contract/methods/reconcile';
import type { SetlInfo } from '@src/hub/protocol';
import { CJK_FONT_CANDIDATES } from '@src/settlement/receipts/receipt-pdf';
import { startTestHost, type TestHost } from '../helpers/test-host';
import { admin, cancel, hubOperator, patient, settle } from './reconcile-kit';

let host: TestHost;
let today: string;
const settled: SetlInfo[] = [];
let refund: SetlInfo;

const liu = patient('刘洋');
const zhang = patient('张伟');

beforeAll(async () => {
  host = await startTestHost({ mode: 'training', trainingInstitution: 'hospital', role: 'tool' });
  today = (await admin<{ today: string }>(host, 'GET', '/admin/health')).today;
  const op = await hubOperator(host);
  settled.push(await settle(host, op, liu), await settle(host, op, zhang), await settle(host, op, liu, 1));
  refund = await cancel(host, op, settled[2]!, liu);
  await host.signIn('admin', 'it01');
  await host.signIn('counter', 'sy01');
}, 60_000);
afterAll(async () => {
  await host?.close();
});

async function call<T>(client: string, method: string, input: unknown = {}): Promise<T> {
  const r = await host.callAs(client, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const all = (): SetlInfo[] => [...settled, refund];
const sum = (rows: SetlInfo[], k: 'medfee_sumamt' | 'fund_pay_sumamt' | 'acct_pay' | 'psn_cash_pay'): number => rows.reduce((s, r) => s + r[k], 0);

describe('reconciliation with the training hub', () => {
  it('agrees on an honest day: every 3201 group 平, no detail comparison needed', async () => {
    const run = await call<ReconcileRunView>('admin', 'reconcile.run', { from: today, to: today });
    expect(run.state).toBe('agreed');
    expect(run.mismatches).toEqual([]);
    const g = run.groups.find((x) => x.insutype === '310' && x.clrType === '11')!;
    expect(g).toMatchObject({ stmtRslt: '0', count: 4, medfee: sum(all(), 'medfee_sumamt'), fund: sum(all(), 'fund_pay_sumamt'), acct: sum(all(), 'acct_pay') });
    // The institution's standard groups are checked even when empty (a hub-only settlement there would show).
    expect(run.groups.map((x) => `${x.insutype}/${x.clrType}`)).toEqual(expect.arrayContaining(['310/21', '390/11', '390/21']));
  });

  it('applies for the month\'s clearing with the figures shown first, and cancels it (3203/3204)', async () => {
    const setlym = today.slice(0, 7).replace('-', '');
    const preview = await call<{ fundAppy: number; psntime: number; settlements: number; refunds: number }>('admin', 'reconcile.clearingPreview', { setlym, clrType: '11' });
    expect(preview).toMatchObject({ fundAppy: sum(all(), 'fund_pay_sumamt'), settlements: 3, refunds: 1, psntime: 2 });
    const applied = await call<{ id: number; state: string; clrAppyEvtId: string }>('admin', 'reconcile.clearingApply', { setlym, clrType: '11' });
    expect(applied.state).toBe('applied');
    const twice = await host.callAs('admin', 'reconcile.clearingApply', { setlym, clrType: '11' });
    expect(twice.ok).toBe(false);
    const cancelled = await call<{ state: string }>('admin', 'reconcile.clearingCancel', { id: applied.id });
    expect(cancelled.state).toBe('cancelled');
  });

  it('finds a settlement the hub lost, an amount changed and an orphan, each with its cause', async () => {
    const [a, b] = settled;
    await admin(host, 'POST', '/admin/reconciliation/disagreements', { kind: 'hubLost', setl_id: a!.setl_id });
    await admin(host, 'POST', '/admin/reconciliation/disagreements', { kind: 'amountChanged', setl_id: b!.setl_id, deltaFen: 150 });
    const orphan = await admin<{ setl_id: string; msgid: string }>(host, 'POST', '/admin/reconciliation/disagreements', { kind: 'terminalLost', psn_no: liu.psnNo });

    const run = await call<ReconcileRunView>('admin', 'reconcile.run', { from: today, to: today });
    expect(run.state).toBe('disagreed');
    expect(run.groups.find((x) => x.insutype === '310' && x.clrType === '11')!.stmtRslt).toBe('1');
    const by = (setlId: string) => run.mismatches.find((m) => m.setlId === setlId)!;
    expect(run.mismatches).toHaveLength(3);
    expect(by(a!.setl_id)).toMatchObject({ kind: 'terminal_only', state: 'open', terminal: { medfee: a!.medfee_sumamt } });
    expect(by(b!.setl_id)).toMatchObject({ kind: 'amount_differs', terminal: { medfee: b!.medfee_sumamt }, hub: { medfee: b!.medfee_sumamt + 150 } });
    expect(by(orphan.setl_id)).toMatchObject({ kind: 'hub_only', msgid: orphan.msgid, psnNo: liu.psnNo });

    // Only a role that may resolves: the cashier is refused by the host.
    const refused = await host.callAs('counter', 'reconcile.resolve', { mismatchId: by(orphan.setl_id).id, action: 'reverse' });
    expect(refused.ok).toBe(false);

    // The drill's orphan carries a msgid slot that is not this terminal's (T01 → 01): it could be
    // another terminal's normal settlement, so reversing it needs a note confirming it is not.
    expect(by(orphan.setl_id).otherTerminalSlot).toBe(orphan.msgid.slice(26, 28));
    const unconfirmed = await host.callAs('admin', 'reconcile.resolve', { mismatchId: by(orphan.setl_id).id, action: 'reverse' });
    expect(unconfirmed.ok ? '' : unconfirmed.error.code).toBe('RECONCILE_CONFIRM_OTHER_TERMINAL');

    // The orphan is reversed with 2601 using the msgid from the result file.
    const reversed = await call<{ state: string; resolution: string; resolutionMsgid: string; resolvedBy: string }>('admin', 'reconcile.resolve', { mismatchId: by(orphan.setl_id).id, action: 'reverse', note: '本院只有一台终端，确认非本院结算' });
    expect(reversed).toMatchObject({ state: 'resolved', resolution: 'reversed', resolvedBy: 'it01' });
    expect(reversed.resolutionMsgid).toMatch(/^H31010100001\d{18}$/);
    const ledger = await admin<{ entries: { event: string; msgid: string }[] }>(host, 'GET', '/admin/ledger');
    expect(ledger.entries.some((e) => e.event === 'reversed' || e.msgid === reversed.resolutionMsgid)).toBe(true);

    // The others need a note saying what was done; a reversal is refused for them.
    const noNote = await host.callAs('admin', 'reconcile.resolve', { mismatchId: by(a!.setl_id).id, action: 'acknowledge' });
    expect(noNote.ok ? '' : noNote.error.code).toBe('RECONCILE_NOTE_REQUIRED');
    const notReversible = await host.callAs('admin', 'reconcile.resolve', { mismatchId: by(b!.setl_id).id, action: 'reverse' });
    expect(notReversible.ok ? '' : notReversible.error.code).toBe('RECONCILE_NOT_REVERSIBLE');
    await call('admin', 'reconcile.resolve', { mismatchId: by(a!.setl_id).id, action: 'acknowledge', note: '已联系参保地经办机构补录该结算' });
    await call('admin', 'reconcile.resolve', { mismatchId: by(b!.setl_id).id, action: 'acknowledge', note: '医保中心确认以院内金额为准' });
    const again = await host.callAs('admin', 'reconcile.resolve', { mismatchId: by(b!.setl_id).id, action: 'acknowledge', note: '重复' });
    expect(again.ok ? '' : again.error.code).toBe('RECONCILE_ALREADY_RESOLVED');

    const stored = await call<ReconcileRunView>('admin', 'reconcile.get', { runId: run.id });
    expect(stored.mismatches.every((m) => m.state === 'resolved')).toBe(true);

    // Reconciling again: the orphan is gone; what the hub still holds differently is listed again.
    const rerun = await call<ReconcileRunView>('admin', 'reconcile.run', { from: today, to: today });
    expect(rerun.mismatches.map((m) => m.kind).sort()).toEqual(['amount_differs', 'terminal_only']);
  });

  it('audits every reconciliation action and keeps the chain intact', () => {
    const actions = host.services.audit.list({ action: 'reconcile', limit: 100 }).map((e) => e.action);
    expect(actions.filter((x) => x === 'reconcile.run')).toHaveLength(3);
    expect(actions.filter((x) => x === 'reconcile.resolve')).toHaveLength(3);
    expect(actions).toEqual(expect.arrayContaining(['reconcile.clearingApplied', 'reconcile.clearingCancelled']));
    const resolve = host.services.audit.list({ action: 'reconcile.resolve', limit: 10 });
    expect(resolve.every((e) => e.operator === 'it01' && e.terminalId !== '')).toBe(true);
    expect(host.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('reports add up to exactly the settlements and refunds the journal holds', async () => {
    const s = await call<{ reversals: number; total: Record<string, number>; settlements: { count: number }; refunds: { count: number; medfee: number }; crossProvince: { count: number; medfee: number }; crossProvinceShare: number; byProvince: { key: string; count: number }[] }>(
      'admin',
      'reports.summary',
      { from: today, to: today },
    );
    expect(s.total).toEqual({ count: 4, medfee: sum(all(), 'medfee_sumamt'), fund: sum(all(), 'fund_pay_sumamt'), acct: sum(all(), 'acct_pay'), cash: sum(all(), 'psn_cash_pay') });
    expect(s.settlements.count).toBe(3);
    // The orphan reversed during reconciliation is the day's one reversal.
    expect(s.reversals).toBe(1);
    expect(s.refunds).toMatchObject({ count: 1, medfee: refund.medfee_sumamt });
    // 张伟 is insured in 苏州 (32): the only cross-province settlement.
    expect(s.crossProvince).toMatchObject({ count: 1, medfee: settled[1]!.medfee_sumamt });
    expect(s.byProvince.map((b) => b.key).sort()).toEqual(['31', '32']);

    const shift = await call<{ total: { count: number; cash: number }; cashToHandOver: number; rows: unknown[] }>('admin', 'reports.shift', { operator: 'sy01', from: new Date(Date.now() - 3_600_000).toISOString() });
    expect(shift.total.count).toBe(4);
    expect(shift.cashToHandOver).toBe(sum(all(), 'psn_cash_pay'));
    // A cashier sees only their own shift.
    const other = await host.callAs('counter', 'reports.shift', { operator: 'it01' });
    expect(other.ok ? '' : other.error.code).toBe('REPORT_NOT_ALLOWED');

    const csv = await call<{ filename: string; base64: string }>('admin', 'reports.exportSummary', { from: today, to: today, format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csv.filename).toMatch(/\.csv$/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('跨省异地');

    if (!CJK_FONT_CANDIDATES.some((c) => existsSync(c.file))) {
      console.warn('reconcile-training-hub: PDF export not checked — no CJK font installed (Debian: fonts-wqy-microhei)');
      return;
    }
    const pdf = await call<{ filename: string; base64: string }>('counter', 'reports.exportShift', { format: 'pdf' });
    expect(pdf.filename).toMatch(/^交班报表_sy01_.*\.pdf$/);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(host.services.audit.list({ action: 'report.exported', limit: 10 }).map((e) => e.details.format)).toEqual(['pdf', 'csv']);
  });

  it('hands the cashier\'s shift over (交班): recorded, audited, and the next shift starts empty', async () => {
    const before = await call<{ total: { count: number }; cashToHandOver: number }>('counter', 'reports.shift', {});
    expect(before.total.count).toBe(4);
    const handed = await call<{ id: number; report: { cashToHandOver: number; operator: string } }>('counter', 'reports.handOver', {});
    expect(handed.report).toMatchObject({ operator: 'sy01', cashToHandOver: sum(all(), 'psn_cash_pay') });
    const [entry] = host.services.audit.list({ action: 'shift.handedOver', limit: 1 });
    expect(entry).toMatchObject({ operator: 'sy01', subject: `handover:${handed.id}`, details: { settlements: 3, refunds: 1 } });
    const after = await call<{ total: { count: number } }>('counter', 'reports.shift', {});
    expect(after.total.count).toBe(0);
    expect(host.services.audit.verify()).toMatchObject({ ok: true });
  });
});
