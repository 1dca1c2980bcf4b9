/** Numbers and dates of the analytics screens, as ui-copy writes them: 1.234,5 · 12,3 rb · +3,2% · 24 Agu · Agustus 2026. */
const locale = (lng: string) => (lng === 'en' ? 'en-GB' : 'id-ID');

export function formatInt(n: number | null | undefined, lng: string): string {
  return n === null || n === undefined ? '–' : new Intl.NumberFormat(locale(lng)).format(n);
}

/** "12,3 rb", "1,2 jt": axis ticks and cards on small screens. */
export function formatCompact(n: number | null | undefined, lng: string): string {
  return n === null || n === undefined ? '–' : new Intl.NumberFormat(locale(lng), { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** A ratio (0.034) as a percentage: "3,4%". */
export function formatRate(r: number | null | undefined, lng: string, digits = 1): string {
  return r === null || r === undefined ? '–' : new Intl.NumberFormat(locale(lng), { style: 'percent', maximumFractionDigits: digits }).format(r);
}

/** A change already in percent (3.2) with its sign: "+3,2%". */
export function formatChangePct(pct: number | null | undefined, lng: string): string {
  if (pct === null || pct === undefined) return '–';
  return new Intl.NumberFormat(locale(lng), { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(pct / 100);
}

export function formatSigned(n: number | null | undefined, lng: string): string {
  return n === null || n === undefined ? '–' : new Intl.NumberFormat(locale(lng), { signDisplay: 'exceptZero' }).format(n);
}

/** Local days (YYYY-MM-DD) are calendar dates: formatted in UTC so no zone shifts them. */
function day(d: string): Date {
  return new Date(`${d.slice(0, 10)}T00:00:00Z`);
}

/** "24 Agu" (chart ticks). */
export function formatDayShort(d: string, lng: string): string {
  return new Intl.DateTimeFormat(locale(lng), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(day(d));
}

/** "24 Agu 2026". */
export function formatDate(d: string, lng: string): string {
  return new Intl.DateTimeFormat(locale(lng), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day(d));
}

/** "Agustus 2026" (month titles); "Agu 2026" when short. */
export function formatMonth(d: string, lng: string, short = false): string {
  return new Intl.DateTimeFormat(locale(lng), { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(day(d));
}

/** "24 Agu 2026, 09.00": compact date-time of tables and cards, in the unit's zone. */
export function formatCompactTime(iso: string | null, lng: string, timeZone = 'Asia/Jakarta'): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(lng), { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** "Sen" … "Min" for weekday 1 = Monday … 7 = Sunday (5 January 2026 is a Monday). */
export function weekdayShort(weekday: number, lng: string): string {
  return new Intl.DateTimeFormat(locale(lng), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + weekday)));
}
