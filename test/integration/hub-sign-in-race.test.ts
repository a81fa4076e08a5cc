// A cashier signs in (9001) right after start while the first training catalogue sync signs the
// terminal in (9001), downloads (1301… + 9102) and signs the terminal out (9002). Reported as "the
// hub refuses the first sync's 1301 when a cashier signs in". The cause was the catalogue source
// sending 13xx with no sign_no at all (the hub answered "sign_no为空，请先签到【9001】", whether or
// not anyone signed in); it now signs the terminal in with its own sign_no. The training hub keeps
// every sign_no valid until it is signed out, and the client keeps one sign_no per operator code,
// so neither sign-in can cancel the other. This pins both directions.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallObservation } from '@src/hub/client/call-options';
import { startTestHost, type TestHost } from '../helpers/test-host';

let host: TestHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function until(what: string, ok: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the first training catalogue sync and a cashier signing in right after start', () => {
  it('both sign-ins hold: every 13xx is accepted, the catalogue fills, and both operators can still call the hub', async () => {
    host = await startTestHost();
    const refusals: string[] = [];
    host.services.hub.client.onObservation((o: CallObservation) => {
      if (o.error) refusals.push(`${o.infno}: ${o.error.message}`);
    });
    const hub = host.services.hub.client;
    // Right after start, before the first sync (it starts FIRST_SYNC_DELAY_MS after the host).
    await host.signIn('cashier', 'sy01');
    const cashierSignNo = hub.signNoOf('sy01');
    expect(cashierSignNo).toBeTruthy();
    await until('the first sync to start', () => host!.services.catalog.status().syncing, 15_000);
    // …and the pharmacist while it runs.
    await host.signIn('pharmacist', 'yf01');
    await until('the first sync to end', () => !host!.services.catalog.status().syncing);
    expect(host.services.catalog.status().totalRows).toBeGreaterThan(0);
    expect(refusals).toEqual([]);

    // The terminal's sign-out after the sync left the operators' sign-ins alone.
    expect(hub.signNoOf('sy01')).toBe(cashierSignNo);
    const r = await host.callAs('cashier', 'patient.identify', { certType: '02', certNo: '320501197203150018', typedReason: '培训：手工录入' });
    expect(r.ok ? r.value : r.error).toMatchObject({ name: '张伟' });
    const r2 = await host.callAs('pharmacist', 'patient.identify', { certType: '02', certNo: '340101198809210026', typedReason: '培训：手工录入' });
    expect(r2.ok ? r2.value : r2.error).toMatchObject({ name: '李娜' });
  });
});
