import { PublishContent } from '../types';

/**
 * The text every adapter posts: body, then the link (unless already in the body), then the hashtags
 * not already present. Counted by validate() and used as the fingerprint source.
 */
export function composeText(content: PublishContent): string {
  let text = content.text.trim();
  if (content.link && !text.includes(content.link)) text = text ? `${text}\n\n${content.link}` : content.link;
  const tags = (content.hashtags ?? [])
    .map((t) => t.trim().replace(/^#+/, ''))
    .filter((t) => t && !new RegExp(`#${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'iu').test(text));
  if (tags.length) text = `${text}\n\n${tags.map((t) => `#${t}`).join(' ')}`;
  return text;
}

/** Plain text from Mastodon/Threads HTML content. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
