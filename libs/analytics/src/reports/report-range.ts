import { TZDate } from '@date-fns/tz';
import { AppError } from '@kabar/common';

/** Ranges longer than this are refused: reports read daily rollups, but a decade at once helps nobody. */
export const MAX_RANGE_YEARS = 3;

/** A report's period: local days [from, to] inclusive in `zone`, and the instants [start, end) they cover. */
export interface ReportRange {
  from: string;
  to: string;
  zone: string;
  start: Date;
  end: Date;
  days: number;
  /** True when [from, to] is one whole calendar month. */
  wholeMonth: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/**
 * Reads `from`/`to` (local days, inclusive) or `month=YYYY-MM` in the caller's zone. Default: this month up
 * to today (`now`: the product's Clock). Refuses impossible dates, from after to, both forms at once and ranges over three years.
 */
export function parseRange(q: { from?: string; to?: string; month?: string }, zone: string, now: Date): ReportRange {
  const bad = (field: string, code: string, params?: Record<string, unknown>) => AppError.validation([{ field, code, params }]);
  let from: string;
  let to: string;
  if (q.month !== undefined) {
    if (q.from !== undefined || q.to !== undefined) throw bad('month', 'analytics.range.monthWithDates');
    if (!MONTH.test(q.month) || !isDay(`${q.month}-01`)) throw bad('month', 'analytics.range.invalidMonth', { value: q.month });
    from = `${q.month}-01`;
    to = lastDayOfMonth(from);
  } else {
    for (const field of ['from', 'to'] as const) {
      const value = q[field];
      if (value !== undefined && !isDay(value)) throw bad(field, 'analytics.range.invalidDate', { value });
    }
    const today = localDay(now, zone);
    to = q.to ?? (q.from !== undefined && q.from > today ? q.from : today);
    from = q.from ?? `${to.slice(0, 7)}-01`;
  }
  if (from > to) throw bad('to', 'analytics.range.fromAfterTo', { from, to });
  if (to >= `${Number(from.slice(0, 4)) + MAX_RANGE_YEARS}${from.slice(4)}`) throw bad('to', 'analytics.range.tooLong', { years: MAX_RANGE_YEARS });
  return {
    from,
    to,
    zone,
    start: startOfDay(from, zone),
    end: startOfDay(addDays(to, 1), zone),
    days: daysBetween(from, to) + 1,
    wholeMonth: from.endsWith('-01') && to === lastDayOfMonth(from),
  };
}

/** The period before `r`: the previous whole month when `r` is a month, else as many days just before. */
export function previousRange(r: ReportRange): ReportRange {
  if (r.wholeMonth) {
    const from = `${addDays(r.from, -1).slice(0, 7)}-01`;
    return { ...r, from, to: addDays(r.from, -1), start: startOfDay(from, r.zone), end: r.start, days: daysBetween(from, r.from), wholeMonth: true };
  }
  const from = addDays(r.from, -r.days);
  return { ...r, from, to: addDays(r.from, -1), start: startOfDay(from, r.zone), end: r.start, wholeMonth: false };
}

/** How many ISO weeks (Monday to Sunday) the range touches. */
export function isoWeeksTouched(r: Pick<ReportRange, 'from' | 'to'>): number {
  return daysBetween(monday(r.from), monday(r.to)) / 7 + 1;
}

/** The local day ("YYYY-MM-DD") of an instant in `zone`. */
export function localDay(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function startOfDay(day: string, zone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, zone).getTime());
}

export function addDays(day: string, n: number): string {
  return new Date(utc(day) + n * 86_400_000).toISOString().slice(0, 10);
}

export function lastDayOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function isDay(s: string): boolean {
  return DAY.test(s) && new Date(utc(s)).toISOString().slice(0, 10) === s;
}

function utc(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

function monday(day: string): string {
  const dow = (new Date(utc(day)).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}
