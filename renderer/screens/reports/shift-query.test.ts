import { describe, expect, it } from 'vitest';
import { t } from '../../i18n';
import { chinaInstant, chinaMidnightToday, toShiftQuery } from './shift-query';

describe('IT admin shift filter → reports.shift input', () => {
  it('reads the fields as China wall time and sends instants with +08:00', () => {
    expect(chinaInstant('2026-11-23T08:30')).toBe('2026-11-23T08:30:00+08:00');
    expect(chinaInstant('2026-11-23T08:30:15')).toBe('2026-11-23T08:30:15+08:00');
  });

  it('rejects half-typed or impossible values', () => {
    expect(chinaInstant('2026-11-23')).toBeUndefined();
    expect(chinaInstant('2026-13-40T25:00')).toBeUndefined();
  });

  it('sends nothing for empty fields, so the cashier defaults (own shift, since last hand-over) apply', () => {
    expect(toShiftQuery({ operator: '', from: '', to: '' }, t)).toEqual({ query: {} });
  });

  it('names the picked operator and the window', () => {
    expect(toShiftQuery({ operator: 'sy01', from: '2026-11-23T00:00', to: '2026-11-23T18:00' }, t)).toEqual({
      query: { operator: 'sy01', from: '2026-11-23T00:00:00+08:00', to: '2026-11-23T18:00:00+08:00' },
    });
  });

  it('says in Chinese when the start is not before the end', () => {
    const r = toShiftQuery({ operator: 'sy01', from: '2026-11-23T18:00', to: '2026-11-23T08:00' }, t);
    expect(r).toEqual({ error: { message: '开始时间必须早于结束时间', hint: expect.stringContaining('调整') } });
    expect(toShiftQuery({ operator: '', from: '2026-11-23T08:00', to: '2026-11-23T08:00' }, t)).toHaveProperty('error.message', '开始时间必须早于结束时间');
  });

  it('says in Chinese when a time is incomplete', () => {
    expect(toShiftQuery({ operator: '', from: '2026-11-23', to: '' }, t)).toHaveProperty('error.message', '开始时间不完整或格式不正确');
    expect(toShiftQuery({ operator: '', from: '', to: 'x' }, t)).toHaveProperty('error.message', '结束时间不完整或格式不正确');
  });

  it('starts "today" at the China midnight, whatever the PC clock zone', () => {
    // 2026-11-22 17:00 UTC is already 2026-11-23 01:00 in China.
    expect(chinaMidnightToday(Date.UTC(2026, 10, 22, 17, 0))).toBe('2026-11-23T00:00');
  });
});
