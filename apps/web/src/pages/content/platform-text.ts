import limitsJson from '../../../../../config/platform-limits.json';
import { textLength, type CountingMode } from '../../../../../libs/platforms/src/text/length';

interface Limit {
  max: number;
  counting: CountingMode;
}
const LIMITS = limitsJson as unknown as Record<string, { text: Limit; caption?: Limit }>;

/** The platform's limit for this post (Telegram's caption limit once media is attached), from config/platform-limits.json. */
export function limitFor(platform: string, withMedia: boolean): Limit | null {
  const l = LIMITS[platform];
  if (!l) return null;
  return withMedia && l.caption ? l.caption : l.text;
}

/** The length as the platform counts it (libs/platforms), computed in the browser as the author types. */
export function liveLength(text: string, limit: Limit): number {
  return textLength(text, limit.counting);
}

/** Text, link and hashtags as they go out (libs/platforms composeText): the link and tags after the text. */
export function composed(text: string, link: string, hashtags: string[]): string {
  let out = text.trim();
  if (link && !out.includes(link)) out = out ? `${out}\n\n${link}` : link;
  const tags = hashtags.map((h) => h.trim().replace(/^#+/, '')).filter((h) => h && !out.toLowerCase().includes(`#${h.toLowerCase()}`));
  if (tags.length) out = `${out}\n\n${tags.map((h) => `#${h}`).join(' ')}`;
  return out;
}
