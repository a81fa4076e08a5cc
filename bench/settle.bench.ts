// `npm run bench -- settle [--json] [--settlements N] [--lines N]`: an outpatient settlement of
// 100 fee lines through the whole terminal (contract dispatch → settlement service → journal,
// sealing, msgids → hub client) against the embedded loopback training hub, per settlement
// (outpatient.preSettle: 2201 → 2203 → 2204 → 2206, then outpatient.settle: 2207).
// The same five calls with the same lines through the bare client (MinimalHubClient: envelope +
// HTTP only, no journal, no SQLite on the terminal side) are measured in the same run, alternating,
// so overheadRatio = p50Ms / bareRoundTripsMs is the terminal's own share.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from '@src/host/host';
import { trainingPatientByIdNumber } from '@src/training/fixtures/training-patients';
import { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { settleOutpatient } from '@src/training/hub/testing/visit-scenarios';
import type { BenchModule } from './main';
import { positiveIntegerOption } from './positive-integer-option';
import { percentile } from './percentile';

const round = (ms: number): number => Math.round(ms * 100) / 100;
const PATIENT = '31010119850430005X';

const bench: BenchModule = {
  description: 'outpatient settlement of 100 fee lines vs. the bare hub round trips (p50/p99, overhead ratio)',
  async run(args, { json }) {
    const settlements = positiveIntegerOption(args, '--settlements', 30);
    const lineCount = positiveIntegerOption(args, '--lines', 100);
    const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'yk-bench-settle-'));
    const host = await startHost({ mode: 'training', dataRoot });
    try {
      const client = { clientId: 'bench', shell: 'test' as const };
      const call = async (method: string, input: unknown): Promise<Record<string, unknown>> => {
        const r = await host.invoke(method, input, client);
        if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
        return r.value as Record<string, unknown>;
      };
      while (host.services.settlement?.recovery.state().running) await new Promise((r) => setTimeout(r, 20));
      await call('session.login', { username: 'sy01', password: 'train1234' });
      const origin = new URL(host.services.hub.endpoint()).origin;
      const sample = (await (await fetch(`${origin}/admin/catalog/sample?infno=1301&count=${lineCount}`)).json()) as { rows: { code: string; name: string }[] };
      const lines = sample.rows.map((r, i) => ({ code: r.code, name: r.name, quantity: 10_000 + (i % 3) * 5_000, unitPrice: 1_000_000 + i * 10_000 }));
      const bare = new MinimalHubClient(origin);
      await bare.signIn();
      const patient = trainingPatientByIdNumber(PATIENT)!;
      const billLines = lines.map((l) => ({ code: l.code, price: l.unitPrice, quantity: l.quantity }));

      const terminalMs: number[] = [];
      const bareMs: number[] = [];
      const once = async (): Promise<void> => {
        const p = await call('patient.identify', { certType: '02', certNo: PATIENT, typedReason: 'bench' });
        const t0 = performance.now();
        const pre = await call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: [{ code: 'J06.900', name: '急性上呼吸道感染' }], lines, acctUsed: false });
        const done = await call('outpatient.settle', { visitId: pre.visitId });
        terminalMs.push(performance.now() - t0);
        if (done.outcome !== 'settled') throw new Error(`settlement ended ${String(done.outcome)}`);
        const t1 = performance.now();
        await settleOutpatient(bare, patient, billLines, { useAccount: false });
        bareMs.push(performance.now() - t1);
      };
      await once(); // warm-up (JIT, prepared statements, keep-alive sockets)
      terminalMs.length = 0;
      bareMs.length = 0;
      for (let i = 0; i < settlements; i++) await once();
      terminalMs.sort((a, b) => a - b);
      bareMs.sort((a, b) => a - b);
      const result = {
        lines: lineCount,
        settlements,
        p50Ms: round(percentile(terminalMs, 50)),
        p99Ms: round(percentile(terminalMs, 99)),
        bareRoundTripsMs: round(percentile(bareMs, 50)),
        bareRoundTripsP99Ms: round(percentile(bareMs, 99)),
        overheadRatio: round(percentile(terminalMs, 50) / percentile(bareMs, 50)),
      };
      if (!json) {
        console.log(`outpatient settlement, ${lineCount} lines, ${settlements} runs: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
        console.log(`bare client, same 5 calls (2201 2203 2204 2206 2207): p50 ${result.bareRoundTripsMs} ms, p99 ${result.bareRoundTripsP99Ms} ms; overhead ratio ${result.overheadRatio}`);
      }
      return { lines: result.lines, p50Ms: result.p50Ms, p99Ms: result.p99Ms, bareRoundTripsMs: result.bareRoundTripsMs, overheadRatio: result.overheadRatio };
    } finally {
      await host.close();
      rmSync(dataRoot, { recursive: true, force: true });
    }
  },
};

export default bench;
