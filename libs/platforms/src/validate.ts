import { PlatformLimits, TextLimit } from './limits';
import { composeText } from './text/compose';
import { textLength } from './text/length';
import { countMatches, findUrls, HASHTAG, MENTION } from './text/urls';
import { ContentProblem, Platform, PublishContent } from './types';

export const isVideo = (mimeType: string) => mimeType.toLowerCase().startsWith('video/');

export function checkLength(platform: Platform, field: string, text: string, limit: TextLimit | undefined): ContentProblem[] {
  if (!limit) return [];
  const length = textLength(text, limit.counting);
  return length > limit.max ? [{ field, code: 'platform.tooLong', params: { platform, length, max: limit.max } }] : [];
}

/** The rules every platform shares, driven by its limits; adapters add their own on top. */
export function validateWithLimits(platform: Platform, limits: PlatformLimits, content: PublishContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const text = composeText(content);
  const media = content.media ?? [];
  const m = content.replyTo ? { ...limits.media, min: 0, requireVideo: false } : limits.media;
  // A reply is text under a citizen's comment: the platform's media rules for posts (Instagram's and TikTok's
  // "media required") do not apply, and Kabar sends no media with it.
  if (content.replyTo && !text.trim()) problems.push({ field: 'text', code: 'platform.textRequired', params: { platform } });
  if (content.replyTo && media.length) problems.push({ field: 'media', code: 'platform.tooManyMedia', params: { platform, count: media.length, max: 0 } });

  if (!text.trim() && media.length === 0) problems.push({ field: 'text', code: 'platform.textRequired', params: { platform } });
  const textLimit = media.length > 0 && limits.caption ? limits.caption : limits.text;
  problems.push(...checkLength(platform, 'text', text, textLimit));

  const hashtags = countMatches(HASHTAG, text);
  if (limits.maxHashtags !== undefined && hashtags > limits.maxHashtags)
    problems.push({ field: 'hashtags', code: 'platform.tooManyHashtags', params: { platform, count: hashtags, max: limits.maxHashtags } });
  const mentions = countMatches(MENTION, text);
  if (limits.maxMentions !== undefined && mentions > limits.maxMentions)
    problems.push({ field: 'text', code: 'platform.tooManyMentions', params: { platform, count: mentions, max: limits.maxMentions } });
  const links = findUrls(text).length;
  if (limits.maxLinks !== undefined && links > limits.maxLinks)
    problems.push({ field: 'text', code: 'platform.tooManyLinks', params: { platform, count: links, max: limits.maxLinks } });
  if (limits.forbiddenChars) {
    const found = [...new Set(Array.from(text).filter((c) => limits.forbiddenChars!.includes(c)))];
    if (found.length) problems.push({ field: 'text', code: 'platform.forbiddenCharacters', params: { platform, chars: found.join('') } });
  }

  const videos = media.filter((x) => isVideo(x.mimeType)).length;
  if (m.requireVideo && videos === 0) problems.push({ field: 'media', code: 'platform.videoRequired', params: { platform } });
  else if ((m.min ?? 0) > media.length) problems.push({ field: 'media', code: 'platform.mediaRequired', params: { platform, min: m.min ?? 1 } });
  if (media.length > m.max) problems.push({ field: 'media', code: 'platform.tooManyMedia', params: { platform, count: media.length, max: m.max } });
  if (m.maxVideos !== undefined && videos > 0 && (videos > m.maxVideos || media.length > videos))
    problems.push({
      field: 'media',
      code: 'platform.mediaMixNotSupported',
      params: { platform, videos, images: media.length - videos, maxVideos: m.maxVideos },
    });
  media.forEach((item, index) => {
    const field = `media[${index}]`;
    if (!m.types.includes(item.mimeType.toLowerCase()))
      problems.push({ field, code: 'platform.mediaTypeNotSupported', params: { platform, mimeType: item.mimeType, index } });
    const max = isVideo(item.mimeType) ? m.maxVideoBytes : m.maxImageBytes;
    if (max !== undefined && item.bytes !== undefined && item.bytes > max)
      problems.push({ field, code: 'platform.mediaTooLarge', params: { platform, bytes: item.bytes, max, index } });
  });
  return problems;
}
