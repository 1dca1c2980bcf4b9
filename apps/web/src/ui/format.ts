/**
 * Numbers and dates everywhere in the console, through Intl in the console's language: id-ID (1.403 · 12,3 rb ·
 * 24 Agu 2026, 09.00) or en-GB. Nothing formats by hand.
 */
export const intlLocale = (lng: string) => (lng === 'en' ? 'en-GB' : 'id-ID');

export function formatNumber(n: number | null | undefined, lng: string, options: Intl.NumberFormatOptions = {}): string {
  return n === null || n === undefined ? '–' : new Intl.NumberFormat(intlLocale(lng), options).format(n);
}

/** "12,3 rb", "444,4 rb", "1,2 jt". */
export function formatCompactNumber(n: number | null | undefined, lng: string): string {
  return formatNumber(n, lng, { notation: 'compact', maximumFractionDigits: 1 });
}

/** An instant in the unit's zone: "24 Agu 2026, 09.00". */
export function formatInstant(iso: string | Date | null | undefined, lng: string, timeZone = 'Asia/Jakarta'): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(intlLocale(lng), { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
}

/** A calendar day (YYYY-MM-DD), never shifted by a zone: "24 Agu 2026". */
export function formatDay(d: string | null | undefined, lng: string): string {
  if (!d) return '–';
  return new Intl.DateTimeFormat(intlLocale(lng), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${d.slice(0, 10)}T00:00:00Z`),
  );
}

/** Names of the platforms as their owners write them (one list for the API and the console). */
export { PLATFORM_NAMES } from '../../../../libs/i18n/src/formats';

/** "Selasa, 24 November 2026 pukul 09.00 WIB": a post's time in full, in its zone. */
export function formatDateTime(at: Date | string, timeZone: string, lng: string): string {
  return new Intl.DateTimeFormat(intlLocale(lng), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(typeof at === 'string' ? new Date(at) : at);
}
