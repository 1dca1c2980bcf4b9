import { TZDate } from '@date-fns/tz';
import { formatDateTime } from '@kabar/i18n';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/**
 * "2026-11-24T09:00" read as a wall-clock time in `zone` → the instant (09:00 WIB = 02:00Z).
 * An ISO string with an offset or Z is taken as the instant it names. Null when unreadable.
 */
export function parseLocal(value: string, zone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) {
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) return null;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const tz = new TZDate(y, mo - 1, d, h, mi, s, zone);
  // reject dates that rolled over (31 February) or fell into a DST gap
  if (tz.getDate() !== d || tz.getHours() !== h) return null;
  return new Date(tz.getTime());
}

/** The instant as "YYYY-MM-DDTHH:mm" on the wall clock of `zone`. */
export function formatLocal(at: Date, zone: string): string {
  const tz = new TZDate(at.getTime(), zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${tz.getFullYear()}-${p(tz.getMonth() + 1)}-${p(tz.getDate())}T${p(tz.getHours())}:${p(tz.getMinutes())}`;
}

/** Readable time for messages: "Selasa, 24 November 2026 pukul 09.00 WIB" / "Tuesday, 24 November 2026 at 09:00 WIB". */
export function formatHuman(at: Date, zone: string, locale: 'id' | 'en'): string {
  return formatDateTime(at, zone, locale);
}
