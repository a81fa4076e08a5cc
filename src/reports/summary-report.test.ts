import { describe, expect, it } from 'vitest';
import { record } from '@src/reconcile/test-records';
import { buildSummary } from './summary-report';

const now = new Date('2026-11-23T10:00:00Z');

describe('day/range summary', () => {
  const records = [
    record({ insuplcAdmdvs: '310000', medfee: 10_000, fund: 7_000, acct: 1_000, cash: 2_000 }),
    record({ insuplcAdmdvs: '320500', medfee: 30_000, fund: 20_000, acct: 0, cash: 10_000, medType: '14', setlDate: '2026-11-24' }),
    record({ insuplcAdmdvs: '320500', kind: 'cancel', refd: '1', medfee: -30_000, fund: -20_000, acct: 0, cash: -10_000, medType: '14' }),
    record({ insuplcAdmdvs: '510100', insutype: '390', medfee: 60_000, fund: 40_000, acct: 0, cash: 20_000 }),
  ];
  const s = buildSummary({ range: { from: '2026-11-23', to: '2026-11-24' }, records, reversals: 2, institution: '训练医院', mdtrtareaAdmvs: '310000', now });

  it('splits fund / account / cash, settlements and refunds, and nets them in the total', () => {
    expect(s.total).toEqual({ count: 4, medfee: 70_000, fund: 47_000, acct: 1_000, cash: 22_000 });
    expect(s.settlements).toMatchObject({ count: 3, medfee: 100_000 });
    expect(s.refunds).toMatchObject({ count: 1, medfee: -30_000 });
    expect(s.reversals).toBe(2);
  });

  it('groups by insured province, medical type, insurance type and day', () => {
    expect(s.byProvince.map((b) => [b.label, b.count, b.medfee])).toEqual([
      ['四川', 1, 60_000],
      ['上海', 1, 10_000],
      ['江苏', 2, 0],
    ]);
    expect(s.byMedType.find((b) => b.key === '14')).toMatchObject({ label: '门诊慢特病', count: 2, medfee: 0 });
    expect(s.byInsutype.map((b) => b.key)).toEqual(['390', '310']);
    expect(s.byDay.map((b) => b.key)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('computes the cross-province share of medical fees as a ratio ×10⁴', () => {
    expect(s.crossProvince).toMatchObject({ count: 3, medfee: 60_000 });
    expect(s.crossProvinceShare).toBe(8571); // 60000 / 70000 = 0.857142…
  });

  it('is all zeros for an empty period', () => {
    const empty = buildSummary({ range: { from: '2026-11-23', to: '2026-11-23' }, records: [], reversals: 0, institution: 'x', mdtrtareaAdmvs: '310000', now });
    expect(empty.total.count).toBe(0);
    expect(empty.crossProvinceShare).toBe(0);
  });
});
