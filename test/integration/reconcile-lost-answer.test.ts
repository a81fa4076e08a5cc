// The classic orphan: the hub committed a 2207 whose answer never reached the terminal. The
// journal holds the call with an unknown outcome; reconciliation lists it as only at the hub, with
// the same msgid, and warns about the unresolved call; reversing it from the reconciliation
// resolves the journal entry too (no second orphan, no double charge).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileRunView } from '@src/contract/methods/reconcile';
import { HubError } from '@src/hub/errors';
import { startTestHost, type TestHost } from '../helpers/test-host';
import { admin, hubOperator, patient, settle } from './reconcile-kit';

let host: TestHost;
let today: string;

beforeAll(async () => {
  host = await startTestHost({ mode: 'training', trainingInstitution: 'hospital', role: 'tool' });
  today = (await admin<{ today: string }>(host, 'GET', '/admin/health')).today;
  await host.signIn('admin', 'it01');
}, 60_000);
afterAll(async () => {
  await host?.close();
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await host.callAs('admin', method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('an orphan left by a lost 2207 answer', () => {
  it('is found with the journal\'s msgid and reversed through the journal entry', async () => {
    const op = await hubOperator(host);
    await admin(host, 'POST', '/admin/faults', { kind: 'drop-after-commit', infno: '2207', count: 1 });
    const lost = await settle(host, op, patient('刘洋')).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(HubError);
    const [entry] = host.services.hub.journal.listUnresolved();
    expect(entry?.infno).toBe('2207');

    const run = await call<ReconcileRunView>('reconcile.run', { from: today, to: today });
    expect(run.unresolvedCalls).toBe(1);
    expect(run.mismatches).toEqual([expect.objectContaining({ kind: 'hub_only', msgid: entry!.msgid })]);
    // This terminal's own msgid: no confirmation needed.
    expect(run.mismatches[0]!.otherTerminalSlot).toBeUndefined();

    const resolved = await call<{ resolution: string }>('reconcile.resolve', { mismatchId: run.mismatches[0]!.id, action: 'reverse' });
    expect(resolved.resolution).toBe('reversed');
    expect(host.services.hub.journal.get(entry!.id)?.resolution).toBe('reversed');
    expect(host.services.hub.journal.listUnresolved()).toEqual([]);

    const again = await call<ReconcileRunView>('reconcile.run', { from: today, to: today });
    expect(again).toMatchObject({ state: 'agreed', unresolvedCalls: 0 });
    const ledger = await admin<{ summary: { msgidsSettledTwice: unknown[]; visitsSettledTwice: unknown[] } }>(host, 'GET', '/admin/ledger');
    expect(ledger.summary).toMatchObject({ msgidsSettledTwice: [], visitsSettledTwice: [] });
  }, 60_000);
});
