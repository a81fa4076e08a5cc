// Shared by test/integration/settlement-*.test.ts: a training host, the embedded training hub's
// admin endpoints (ledger, faults, catalogue samples) and unwrapped contract calls.
import { parseScaled } from '@src/common/money';
import type { MethodInput, MethodName, MethodOutput } from '@src/contract';
import { startTestHost, type TestHost } from '../helpers/test-host';

export interface SettlementKit {
  host: TestHost;
  call<M extends MethodName>(method: M, input: MethodInput<M>, client?: string): Promise<MethodOutput<M>>;
  /** The error of a call expected to fail. */
  fail(method: MethodName, input: unknown, client?: string): Promise<{ code: string; message: string; hint?: string | undefined }>;
  admin<T = Record<string, unknown>>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  lines(count: number, options?: { infno?: string; quantity?: number; cls?: string }): Promise<{ code: string; name: string; quantity: number; unitPrice: number }[]>;
  close(): Promise<void>;
}

export async function startSettlementKit(options: { pharmacy?: boolean; dataRoot?: string; budgetMs?: number } = {}): Promise<SettlementKit> {
  const host = await startTestHost({ ...(options.pharmacy ? { trainingInstitution: 'pharmacy' as const } : {}), ...(options.dataRoot ? { dataRoot: options.dataRoot } : {}) });
  if (options.budgetMs) host.services.config.update({ timeouts: { settlementBudgetMs: options.budgetMs } }, 'test');
  await host.signIn('cashier', 'sy01');
  await host.signIn('pharmacist', 'yf01');
  const origin = new URL(host.services.hub.endpoint()).origin;
  const kit: SettlementKit = {
    host,
    async call(method, input, client = options.pharmacy ? 'pharmacist' : 'cashier') {
      const r = await host.callAs(client, method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${r.error.hint ?? ''}`);
      return r.value as never;
    },
    async fail(method, input, client = options.pharmacy ? 'pharmacist' : 'cashier') {
      const r = await host.callAs(client, method, input);
      if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
      return r.error;
    },
    async admin(path, init = {}) {
      const res = await fetch(`${origin}${path}`, { method: init.method ?? 'GET', ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}) });
      return (await res.json()) as never;
    },
    async lines(count, o = {}) {
      const q = new URLSearchParams({ infno: o.infno ?? '1301', count: String(count) });
      if (o.cls) q.set('class', o.cls);
      const r = await kit.admin<{ rows: { code: string; name: string; priceCap: string | null }[] }>(`/admin/catalog/sample?${q}`);
      return r.rows.map((row) => ({ code: row.code, name: row.name, quantity: o.quantity ?? 20_000, unitPrice: row.priceCap === null ? 12_340_000 : Math.min(parseScaled(row.priceCap, 6), 50_000_000) }));
    },
    close: () => host.close(),
  };
  // Recovery of an empty journal ends at once; wait for it so the first call is accepted.
  for (let i = 0; i < 100 && host.services.settlement?.recovery.state().running; i++) await new Promise((r) => setTimeout(r, 20));
  return kit;
}

export const ZHANG_WEI = '320501197203150018';
export const LI_NA = '340101198809210026';
export const WANG_FANG = '510101195506070036';
export const CHEN_GANG = '330401199001120043';
export const LIU_YANG = '31010119850430005X';
export const ZHAO_MIN = '500103194811030061';
export const SUN_LEI = '110105199307260071';
