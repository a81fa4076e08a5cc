import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAmount } from '@src/common/money';
import type { CatalogRow } from '@src/training/catalog/catalog-row';
import { splitFeeLine, sumSplits } from './fee-line-split';

function row(over: Partial<CatalogRow>): CatalogRow {
  return {
    infno: '1301', code: 'X', name: '药', listType: '101', spec: '', dosform: '', pack: '', unit: '片', maker: '', aprvno: '', chrgitmLv: '02', selfpayProp: 1000,
    priceCap: 2_000_000, lmtUsedFlag: '0', lmtUsedDscr: '', medChrgitmType: '09', pinyin: '', categoryCode: '', categoryName: '', begndate: '', enddate: '', valiFlag: '1',
    rid: '', updtTime: '', version: '', ...over,
  };
}

const line = (price: number, quantity: number, hospApprFlag?: string) => ({ feedetlSn: '1', price, quantity, amount: lineAmount(price, quantity), hospApprFlag });

describe('splitFeeLine (就医地目录)', () => {
  it('splits every line exactly into full self-pay, over-cap, pre-self-pay and in-scope parts, refunds included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'01' | '02' | '03'>('01', '02', '03'),
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer({ min: 1, max: 5_000_000_000 })),
        fc.integer({ min: 1, max: 5_000_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((q) => q !== 0),
        fc.boolean(),
        fc.boolean(),
        (lv, prop, cap, price, quantity, restricted, approved) => {
          const s = splitFeeLine(line(price, quantity, approved ? '1' : '0'), row({ chrgitmLv: lv, selfpayProp: lv === '01' ? 0 : lv === '03' ? 10_000 : prop, priceCap: cap, lmtUsedFlag: restricted ? '1' : '0' }));
          expect(s.fulamtOwnpay + s.overlmt + s.preselfpay + s.inscp).toBe(s.amount);
        },
      ),
    );
  });

  it('class C (丙类) is fully self-paid; class A (甲类) fully in scope under the cap', () => {
    expect(splitFeeLine(line(1_000_000, 20_000), row({ chrgitmLv: '03', selfpayProp: 10_000 })).fulamtOwnpay).toBe(200);
    const a = splitFeeLine(line(1_000_000, 20_000), row({ chrgitmLv: '01', selfpayProp: 0 }));
    expect([a.fulamtOwnpay, a.overlmt, a.preselfpay, a.inscp]).toEqual([0, 0, 0, 200]);
  });

  it('class B (乙类) pays its self-pay ratio first, and the part over the price cap is self-paid', () => {
    // 25.00 yuan a unit against a 20.00 cap, 2 units, 10 % self-pay: 10.00 over the cap, 4.00 pre-self-pay, 36.00 in scope.
    const s = splitFeeLine(line(25_000_000, 20_000), row({ chrgitmLv: '02', selfpayProp: 1000, priceCap: 20_000_000 }));
    expect([s.overlmt, s.preselfpay, s.inscp]).toEqual([1000, 400, 3600]);
    expect(s.memo).toContain('超过支付标准');
  });

  it('a restricted-use item without hospital approval is self-paid; with approval it is in scope', () => {
    const r = row({ lmtUsedFlag: '1', lmtUsedDscr: '限二级及以上医疗机构使用' });
    expect(splitFeeLine(line(1_000_000, 10_000), r).fulamtOwnpay).toBe(100);
    expect(splitFeeLine(line(1_000_000, 10_000, '1'), r).fulamtOwnpay).toBe(0);
  });

  it('sums splits into settlement totals', () => {
    const r = row({});
    expect(sumSplits([splitFeeLine(line(1_000_000, 10_000), r), splitFeeLine(line(3_000_000, 10_000), r)])).toEqual({ medfee: 400, fulamtOwnpay: 0, overlmt: 100, preselfpay: 30, inscp: 270 });
  });
});
