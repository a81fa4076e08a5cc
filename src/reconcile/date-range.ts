// Reconciliation periods: one day or an inclusive range of China-time calendar days.
import { AppError } from '@src/common/errors';
import type { DateRange } from './settled-record';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The longest range one run may cover (a month and a bit): 3202 result files stay small. */
export const MAX_RANGE_DAYS = 62;

function isRealDate(text: string): boolean {
  if (!DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Validates a period; throws a counter-readable error. */
export function checkRange(range: DateRange): DateRange {
  for (const d of [range.from, range.to]) {
    if (!isRealDate(d)) throw new AppError({ code: 'RECONCILE_BAD_DATE', message: `日期“${d}”无效`, hint: '日期格式为 YYYY-MM-DD，例如 2026-11-23。' });
  }
  if (range.from > range.to) throw new AppError({ code: 'RECONCILE_BAD_RANGE', message: '开始日期晚于结束日期', hint: '请把开始日期改为不晚于结束日期。' });
  if (daysBetween(range.from, range.to) + 1 > MAX_RANGE_DAYS) {
    throw new AppError({ code: 'RECONCILE_RANGE_TOO_LONG', message: `对账区间超过${MAX_RANGE_DAYS}天`, hint: '请按月分段对账。' });
  }
  return range;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** China (UTC+8) calendar date of an instant, whatever the machine's zone. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** yyyyMM → the month's first and last day. */
export function monthRange(setlym: string): DateRange {
  if (!/^\d{6}$/.test(setlym) || Number(setlym.slice(4)) < 1 || Number(setlym.slice(4)) > 12) {
    throw new AppError({ code: 'RECONCILE_BAD_MONTH', message: `结算年月“${setlym}”无效`, hint: '格式为 YYYYMM，例如 202611。' });
  }
  const y = Number(setlym.slice(0, 4));
  const m = Number(setlym.slice(4));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}
