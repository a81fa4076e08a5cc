// Turns the IT admin's shift filter (operator picker + China wall-clock date-time fields) into the
// `reports.shift` input, or a Chinese message saying what to fix. Pure, so it is easy to test.
import type { t as translate } from '../../i18n';

/** What the filter fields hold: datetime-local values ('YYYY-MM-DDTHH:mm[:ss]'), '' = default. */
export interface ShiftFilter {
  operator: string;
  from: string;
  to: string;
}

export interface ShiftQuery {
  operator?: string;
  from?: string;
  to?: string;
}

type Translate = typeof translate;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?$/;

/**
 * The counter works in China time whatever the PC's clock zone is, so the fields are read as
 * UTC+8 wall time and sent as ISO instants with an explicit +08:00 offset (the contract wants one).
 */
export function chinaInstant(local: string): string | undefined {
  const m = LOCAL_DATE_TIME.exec(local.trim());
  if (!m) return undefined;
  const iso = `${m[1]}${m[2] ?? ':00'}+08:00`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** The midnight that starts today in China, as a datetime-local value. */
export function chinaMidnightToday(now = Date.now()): string {
  return `${new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00`;
}

export function toShiftQuery(filter: ShiftFilter, t: Translate): { query: ShiftQuery } | { error: { message: string; hint: string } } {
  const query: ShiftQuery = {};
  if (filter.operator) query.operator = filter.operator;
  if (filter.from) {
    const from = chinaInstant(filter.from);
    if (!from) return { error: { message: t('reports.err.fromInvalid'), hint: t('reports.err.timeHint') } };
    query.from = from;
  }
  if (filter.to) {
    const to = chinaInstant(filter.to);
    if (!to) return { error: { message: t('reports.err.toInvalid'), hint: t('reports.err.timeHint') } };
    query.to = to;
  }
  // Same format and offset on both sides, so comparing the instants as numbers is exact.
  if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
    return { error: { message: t('reports.err.order'), hint: t('reports.err.orderHint') } };
  }
  return { query };
}
