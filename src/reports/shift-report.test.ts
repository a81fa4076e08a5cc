import { describe, expect, it } from 'vitest';
import { record } from '@src/reconcile/test-records';
import { buildShiftReport, chinaTimeToMs } from './shift-report';

describe('shift hand-over', () => {
  const records = [
    record({ operator: 'sy01', setlTime: '2026-11-23 08:30:00', cash: 2_000 }),
    record({ operator: 'sy01', setlTime: '2026-11-23 11:00:00', kind: 'cancel', refd: '1', medfee: -10_000, fund: -6_000, acct: -1_000, cash: -2_000 }),
    record({ operator: 'sy01', setlTime: '2026-11-23 13:00:00', cash: 500 }),
    record({ operator: 'sy02', setlTime: '2026-11-23 09:00:00', cash: 9_999 }),
    record({ operator: 'sy01', setlTime: '2026-11-23 07:59:59', cash: 7_777 }),
  ];
  const report = buildShiftReport({
    operator: 'sy01',
    operatorName: '王小红',
    from: new Date('2026-11-23T08:00:00+08:00'),
    to: new Date('2026-11-23T14:00:00+08:00'),
    records,
    reversals: 1,
    unresolvedCalls: 0,
    institution: '训练医院',
    now: new Date(),
  });

  it('counts only this cashier\'s settlements and refunds within the shift', () => {
    expect(report.settlements.count).toBe(2);
    expect(report.refunds.count).toBe(1);
    expect(report.rows.map((r) => r.setlTime)).toEqual(['2026-11-23 08:30:00', '2026-11-23 11:00:00', '2026-11-23 13:00:00']);
  });

  it('hands over the cash taken minus the cash refunded', () => {
    expect(report.cashToHandOver).toBe(2_000 - 2_000 + 500);
  });

  it('reads setl_time as China time', () => {
    expect(chinaTimeToMs('2026-11-23 08:00:00')).toBe(Date.parse('2026-11-23T00:00:00Z'));
  });
});
