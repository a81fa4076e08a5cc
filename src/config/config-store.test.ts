import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SECRET_MASK } from '@src/contract/config';
import { terminalMigrations } from '@src/database/terminal-db';
import { applyMigrations } from '@src/platform/db/migrate';
import { ConfigStore, maskSecrets, patchFromAssignments } from './config-store';

describe('terminal configuration', () => {
  let store: ConfigStore;
  beforeEach(() => {
    const db = new Database(':memory:');
    applyMigrations(db, terminalMigrations);
    store = new ConfigStore(db);
  });

  it('starts from valid defaults (the training hospital, a 10-second settlement budget)', () => {
    const c = store.get();
    expect(c.institution.code).toBe('H31010100001');
    expect(c.timeouts.settlementBudgetMs).toBe(10_000);
  });

  it('applies a valid partial update and reports the changed paths', () => {
    const r = store.update({ hub: { url: 'https://hsa.example.gov.cn/fsi/api/rsfComIfsService/callService' }, timeouts: { settlementBudgetMs: 8000 } }, 'it01');
    expect(r.changed.sort()).toEqual(['hub.url', 'timeouts.settlementBudgetMs']);
    expect(store.get().timeouts.settlementBudgetMs).toBe(8000);
  });

  it('refuses a bad value whole, naming the field in Chinese, and changes nothing', () => {
    expect(() => store.update({ institution: { code: 'BAD' }, timeouts: { settlementBudgetMs: 9000 } }, 'it01')).toThrow(/定点医药机构编号/);
    expect(store.get().timeouts.settlementBudgetMs).toBe(10_000);
    expect(() => store.update({ mdtrtareaAdmvs: '31' }, 'it01')).toThrow(/就医地医保区划/);
    expect(() => store.update({ timeouts: { settlementBudgetMs: 100 } }, 'it01')).toThrow(/不少于2秒/);
  });

  it('masks secrets when shown and keeps them when the mask is sent back', () => {
    store.update({ hub: { gateway: { scheme: 'tif', paasId: 'pid', paasToken: 's3cret' } } }, 'it01');
    const shown = maskSecrets(store.get());
    expect(shown.hub.gateway).toMatchObject({ paasToken: SECRET_MASK });
    store.update(shown as unknown as Record<string, unknown>, 'it01');
    expect(store.get().hub.gateway).toMatchObject({ paasToken: 's3cret' });
  });

  it('tells listeners about changes', () => {
    const seen: string[][] = [];
    store.onChange((c) => seen.push(c.changed));
    store.update({ terminal: { terminalId: 'T07' } }, 'it01');
    store.update({ terminal: { terminalId: 'T07' } }, 'it01');
    expect(seen).toEqual([['terminal.terminalId']]);
  });

  it('reads CLI assignments as a nested patch', () => {
    expect(patchFromAssignments(['hub.url=https://x/y', 'timeouts.settlementBudgetMs=9000', 'ui.locale=en'])).toEqual({
      hub: { url: 'https://x/y' },
      timeouts: { settlementBudgetMs: 9000 },
      ui: { locale: 'en' },
    });
    expect(() => patchFromAssignments(['nonsense'])).toThrow(/无法理解/);
  });
});
