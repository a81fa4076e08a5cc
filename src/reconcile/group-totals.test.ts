import { describe, expect, it } from 'vitest';
import { groupTotals, standardGroups } from './group-totals';
import { record } from './test-records';

describe('3201 group totals', () => {
  it('adds settlements and refunds per insutype × clr_type, refunds negative and counted', () => {
    const groups = groupTotals([record({ medfee: 1000, fund: 600 }), record({ medfee: -1000, fund: -600, kind: 'cancel', refd: '1' }), record({ insutype: '390', medfee: 50 })]);
    expect(groups).toEqual([
      expect.objectContaining({ insutype: '310', clrType: '11', medfee: 0, fund: 0, count: 2 }),
      expect.objectContaining({ insutype: '390', clrType: '11', medfee: 50, count: 1 }),
    ]);
  });

  it('reports the institution\'s standard groups even when empty', () => {
    expect(groupTotals([], standardGroups('hospital')).map((g) => `${g.insutype}/${g.clrType}/${g.count}`)).toEqual(['310/11/0', '310/21/0', '390/11/0', '390/21/0']);
    expect(standardGroups('pharmacy')).toEqual([
      { insutype: '310', clrType: '41' },
      { insutype: '390', clrType: '41' },
    ]);
  });
});
