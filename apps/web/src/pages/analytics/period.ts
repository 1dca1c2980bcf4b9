/** The date range of the analytics page: a preset or a custom from/to, as local days (YYYY-MM-DD). */
export const RANGES = ['this_month', 'last_month', 'last_3_months', 'last_12_months', 'custom'] as const;
export type RangeKind = (typeof RANGES)[number];
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface Period {
  from: string;
  to: string;
}

/** Today as a local day in the zone (Kota Bogor: WIB). */
export function today(timeZone = 'Asia/Jakarta', now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The first day of the month `back` months before the month of `day`. */
export function monthStart(day: string, back = 0): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - back, 1));
  return d.toISOString().slice(0, 10);
}

export function monthEnd(day: string): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
}

/** Presets are whole calendar months, the current one up to today. */
export function periodOf(kind: RangeKind, custom: Partial<Period>, now = today()): Period {
  switch (kind) {
    case 'last_month': {
      const from = monthStart(now, 1);
      return { from, to: monthEnd(from) };
    }
    case 'last_3_months':
      return { from: monthStart(now, 2), to: now };
    case 'last_12_months':
      return { from: monthStart(now, 11), to: now };
    case 'custom':
      return { from: custom.from || monthStart(now), to: custom.to || now };
    default:
      return { from: monthStart(now), to: now };
  }
}

/** A sensible bucket for the range: days up to two months, weeks up to half a year, then months. */
export function defaultGranularity(p: Period): Granularity {
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
  return days <= 62 ? 'day' : days <= 190 ? 'week' : 'month';
}
