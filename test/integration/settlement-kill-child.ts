// Child process for settlement-recovery.test.ts: a terminal that starts an outpatient settlement
// whose 2207 answer trickles in for 20 s (the hub has committed it), then waits to be SIGKILLed
// between "journal written, request sent" and "outcome written". Prints progress lines.
import { startHost } from '@src/host/host';

const [dataRoot, idNumber] = process.argv.slice(2) as [string, string];

async function main(): Promise<void> {
  const host = await startHost({ mode: 'training', dataRoot });
  const client = { clientId: 'c1', shell: 'test' as const };
  const call = async (method: string, input: unknown): Promise<Record<string, unknown>> => {
    const r = await host.invoke(method, input, client);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  await call('session.login', { username: 'sy01', password: 'train1234' });
  const p = await call('patient.identify', { certType: '02', certNo: idNumber, typedReason: '培训：手工录入' });
  const origin = new URL(host.services.hub.endpoint()).origin;
  const sample = (await (await fetch(`${origin}/admin/catalog/sample?infno=1301&count=2`)).json()) as { rows: { code: string; name: string }[] };
  const lines = sample.rows.map((r) => ({ code: r.code, name: r.name, quantity: 10_000, unitPrice: 5_000_000 }));
  const pre = await call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: [{ code: 'J06.900', name: '急性上呼吸道感染' }], lines, acctUsed: true });
  await fetch(`${origin}/admin/faults`, { method: 'POST', body: JSON.stringify({ kind: 'slow-body', infno: '2207', ms: 20000 }), headers: { 'content-type': 'application/json' } });
  process.stdout.write(`${JSON.stringify({ mdtrtId: pre.mdtrtId, visitId: pre.visitId, pid: process.pid })}\nSETTLING\n`);
  await call('outpatient.settle', { visitId: pre.visitId });
  process.stdout.write('SETTLED (the test should have killed this process)\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
