import { describe, expect, it } from 'vitest';
import { CATALOG_KINDS, feeItemCounts } from './catalog-kinds';
import { RELEASE_VERSIONS } from './catalog-releases';
import { FEE_ITEM_CODE_PATTERNS, parseFeeItemCode } from './fee-item-generator';
import { TrainingCatalog } from './training-catalog';

const FEE_KINDS = CATALOG_KINDS.filter((k) => k.shape === 'feeItem').map((k) => k.infno);

describe('TrainingCatalog', () => {
  const catalog = new TrainingCatalog({ feeItemRows: 5_000 });

  it('splits the generated rows between the fee-item catalogues exactly', () => {
    const counts = feeItemCounts(1_500_000);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(1_500_000);
    expect(FEE_KINDS.reduce((s, k) => s + catalog.count(k), 0)).toBe(5_000);
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const again = new TrainingCatalog({ feeItemRows: 5_000 });
    const other = new TrainingCatalog({ feeItemRows: 5_000, seed: 7 });
    for (const k of FEE_KINDS) {
      expect(again.feeItem(k, 3)).toEqual(catalog.feeItem(k, 3));
      expect(other.feeItem(k, 3).name + other.feeItem(k, 3).maker).not.toBe(catalog.feeItem(k, 3).name + catalog.feeItem(k, 3).maker);
    }
  });

  it('finds every row by its national code, and nothing by a code it does not hold', () => {
    for (const k of FEE_KINDS) {
      for (let i = 0; i < catalog.count(k); i += 97) {
        const row = catalog.feeItem(k, i);
        expect(catalog.lookup(row.code)).toEqual(row);
        expect(parseFeeItemCode(row.code)).toEqual({ infno: k, index: i });
      }
    }
    const row = catalog.feeItem('1301', 1);
    expect(catalog.lookup(row.code.slice(0, -1) + String((Number(row.code.slice(-1)) + 5) % 10))).toBeUndefined();
    expect(catalog.lookup('X0000')).toBeUndefined();
  });

  it('has code patterns that never match another catalogue\'s codes', () => {
    for (const k of FEE_KINDS) {
      const code = catalog.feeItem(k, 0).code;
      const matching = FEE_ITEM_CODE_PATTERNS.filter(([, re]) => re.test(code)).map(([infno]) => infno);
      expect(new Set(matching)).toEqual(new Set([k]));
    }
  });

  it('gives each row a release version; a download after a version holds exactly the rows changed later', () => {
    for (const k of ['1301', '1306'] as const) {
      const all = [...catalog.rowsAfter(k, '')];
      expect(all).toHaveLength(catalog.count(k));
      expect(all.map((r) => r.version)).toEqual([...all.map((r) => r.version)].sort());
      for (const ver of RELEASE_VERSIONS) {
        const newer = [...catalog.rowsAfter(k, ver)];
        expect(newer.length).toBe(catalog.countAfter(k, ver));
        expect(newer.length).toBe(all.filter((r) => r.version > ver).length);
      }
      expect(catalog.latestVersion(k)).toBe(all[all.length - 1]!.version);
    }
  });

  it('stops some rows in later releases (vali_flag 0 with an end date) and keeps caps at whole fen', () => {
    const rows = [...catalog.rowsAfter('1301', '')];
    const stopped = rows.filter((r) => r.valiFlag === '0');
    expect(stopped.length).toBeGreaterThan(0);
    for (const r of stopped) expect(r.enddate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const r of rows) if (r.priceCap !== null) expect(r.priceCap % 10_000).toBe(0);
  });

  it('classifies rows as 甲/乙/丙 with the matching self-pay ratios', () => {
    for (const r of [...catalog.rowsAfter('1301', '')].slice(0, 500)) {
      if (r.chrgitmLv === '01') expect(r.selfpayProp).toBe(0);
      if (r.chrgitmLv === '02') expect(r.selfpayProp).toBeGreaterThan(0);
      if (r.chrgitmLv === '03') expect(r.selfpayProp).toBe(10_000);
    }
  });

  it('pages the changed fee items across catalogues', () => {
    const page = catalog.pageOfChanged(0, 10, 5);
    expect(page.total).toBe(5_000);
    expect(page.rows).toHaveLength(5);
    expect(page.rows[0]).toEqual(catalog.feeItemAt(10));
    expect(catalog.pageOfChanged(RELEASE_VERSIONS.length, 0, 5).total).toBe(0);
  });
});
