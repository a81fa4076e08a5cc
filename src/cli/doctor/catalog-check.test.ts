import { describe, expect, it } from 'vitest';
import type { CatalogStatus } from '@src/contract/methods/catalog';
import { catalogFindings } from './catalog-check';

const now = new Date('2026-11-23T08:00:00Z');
const base: CatalogStatus = {
  catalogs: [
    { infno: '1301', title: '西药中成药', version: '20261101000000', rows: 1000, syncedAt: '2026-11-20T08:00:00Z' },
    { infno: '1307', title: '疾病与诊断', version: '20261101000000', rows: 30000, syncedAt: '2026-11-20T08:00:00Z' },
  ],
  totalRows: 31000,
  version: '20261101000000',
  syncing: false,
  resumable: false,
  localItems: 0,
  barcodes: 0,
  dbBytes: 1,
};

describe('the doctor catalogue check', () => {
  it('is fine with a recent catalogue', () => {
    expect(catalogFindings(base, 'live', now)).toEqual([{ status: 'ok', message: expect.stringContaining('31000') }]);
  });

  it('fails without a catalogue in live mode and only warns in training mode, where the app downloads one', () => {
    const empty = { ...base, catalogs: [], totalRows: 0, version: '' };
    expect(catalogFindings(empty, 'live', now)[0]).toMatchObject({ status: 'fail', fix: expect.stringContaining('yikatong catalog sync') });
    expect(catalogFindings(empty, 'training', now)[0]).toMatchObject({ status: 'warn' });
  });

  it('warns about an old catalogue, an interrupted sync and skipped rows, and fails a damaged file', () => {
    const findings = catalogFindings(
      {
        ...base,
        catalogs: [{ ...base.catalogs[0]!, syncedAt: '2026-09-01T00:00:00Z' }],
        resumable: true,
        lastRun: { runId: 7, state: 'running', startedAt: '2026-11-23T07:00:00Z', catalogs: ['1301'], files: [{ infno: '1301', full: false, fromVersion: 'a', toVersion: 'b', rows: 10, added: 1, changed: 1, invalid: 3, duplicates: 0, invalidSamples: [] }] },
        integrity: { ok: false, checkedAt: '2026-11-23T07:00:00Z', tookMs: 5, problems: ['数据库校验：page 7 is never used'] },
      },
      'live',
      now,
    );
    expect(findings.map((f) => f.status)).toEqual(['warn', 'warn', 'warn', 'fail']);
    expect(findings[0]!.message).toContain('83 天');
    expect(findings[1]!.fix).toContain('继续');
    expect(findings[2]!.message).toContain('3 行');
    expect(findings[3]!.fix).toContain('catalog rebuild');
  });
});
