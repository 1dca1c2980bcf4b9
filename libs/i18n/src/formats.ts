/**
 * Presentation helpers shared by the API and the console (plain code, no imports): the platforms'
 * display names, and the full date-time format of ui-copy ("Selasa, 24 November 2026 pukul 09.00 WIB").
 */
export const PLATFORM_NAMES: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  telegram: 'Telegram',
  mastodon: 'Mastodon',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  threads: 'Threads',
};

/** Always through Intl (dateStyle cannot be combined with timeZoneName). */
export function formatDateTime(at: Date | string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
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
