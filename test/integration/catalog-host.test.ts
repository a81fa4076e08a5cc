// The catalogue through the contract, as the screens use it: a training host (embedded training
// hub), an IT admin's sync with progress events, look-ups for every signed-in operator, the
// training scanner's sample barcode at the pharmacy, and the roles the contract enforces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem, CatalogSearchResult, CatalogStatus, SyncProgress } from '@src/contract/methods/catalog';
import { startTestHost, type TestHost } from '../helpers/test-host';

describe('the catalogue through the contract (training mode)', () => {
  let host: TestHost;
  const progress: SyncProgress[] = [];
  const value = async <T>(client: string, method: string, input: unknown = {}): Promise<T> => {
    const r = await host.callAs(client, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };

  beforeAll(async () => {
    host = await startTestHost();
    host.attachClient('admin', (event, payload) => {
      if (event === 'catalog.syncProgress') progress.push(payload as SyncProgress);
    });
    await host.signIn('admin', 'it01');
    await host.signIn('cashier', 'sy01');
    await host.signIn('pharmacy', 'yf01');
  }, 60_000);
  afterAll(() => host.close());

  it('lets only an IT admin start a sync', async () => {
    const r = await host.callAs('cashier', 'catalog.sync', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('AUTH_FORBIDDEN');
  });

  it('syncs from the training hub with progress events, then reports versions and rows', async () => {
    const started = await value<{ runId: number; resumed: boolean }>('admin', 'catalog.sync', { only: ['1301', '1307'] });
    expect(started.resumed).toBe(false);
    let status = await value<CatalogStatus>('admin', 'catalog.status');
    for (let i = 0; status.syncing && i < 600; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await value<CatalogStatus>('admin', 'catalog.status');
    }
    expect(status.syncing).toBe(false);
    expect(status.lastRun).toMatchObject({ runId: started.runId, state: 'applied' });
    expect(status.catalogs.find((c) => c.infno === '1301')!.rows).toBeGreaterThan(1000);
    expect(progress.some((p) => p.phase === 'staging' && p.totalRows !== undefined)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ runId: started.runId, phase: 'done', percent: 100 });
    expect(host.services.status.get().catalog).toMatchObject({ syncing: false, rows: status.totalRows });
  }, 90_000);

  it('answers searches and look-ups for a cashier', async () => {
    const r = await value<CatalogSearchResult>('cashier', 'catalog.search', { text: 'amxl', group: 'drug', limit: 10 });
    expect(r.items.length).toBe(10);
    expect(r.items[0]!.name).toContain('阿莫西林');
    const one = await value<CatalogItem | null>('cashier', 'catalog.lookup', { code: r.items[0]!.code });
    expect(one).toMatchObject({ code: r.items[0]!.code, match: 'lookup' });
    expect(await value<CatalogItem | null>('cashier', 'catalog.lookup', { code: 'NO-SUCH-CODE' })).toBeNull();
    const bad = await host.callAs('cashier', 'catalog.search', { text: 'x'.repeat(101) });
    expect(!bad.ok && bad.error.message).toContain('不超过100个字');
  });

  it('finds the drug of the training scanner\'s sample barcode, also as a 14-digit GTIN', async () => {
    const item = await value<CatalogItem | null>('pharmacy', 'catalog.byBarcode', { barcode: '6901234567892' });
    expect(item).toMatchObject({ infno: '1301', name: '阿莫西林胶囊', match: 'barcode' });
    expect(await value<CatalogItem | null>('pharmacy', 'catalog.byBarcode', { barcode: '06901234567892' })).toMatchObject({ code: item!.code });
    const local = await value<{ local: { medinsListCodg: string }; item: CatalogItem } | null>('pharmacy', 'catalog.localLookup', { medinsListCodg: item!.localCode! });
    expect(local!.item.code).toBe(item!.code);
  });
});
