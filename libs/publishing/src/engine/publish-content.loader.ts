import { Injectable } from '@nestjs/common';
import { ClaimedVariant, MediaLinks, MediaRow } from '@kabar/content';
import type { PublishContent, ReplyTo } from '@kabar/platforms';

interface VariantRow {
  platform: string | null;
  text: string;
  hashtags: string[];
  link: string | null;
}

/** Media links stay valid this long: long enough for a retry after a rate limit, short enough to expire. */
const MEDIA_LINK_TTL_SECONDS = 6 * 3600;

/**
 * What to post for a target: the platform's override variant in the target's language, else the
 * language variant (selected by content's targetContentSql inside the claim itself); media in order, at signed,
 * expiring public URLs (the content context's MediaLinks). No query of its own on the hot path.
 */
@Injectable()
export class PublishContentLoader {
  constructor(private readonly links: MediaLinks) {}

  /** The content that came with the claim (CLAIMED_SELECT joins it), so the hot path needs no query of its own. */
  fromClaim(v: ClaimedVariant & { replyTo?: ReplyTo | null }): PublishContent | null {
    if (v.variantText === null) return null;
    const content = this.toContent({ platform: null, text: v.variantText, hashtags: v.variantHashtags ?? [], link: v.variantLink, media: v.variantMedia });
    // A reply to a citizen: the adapter publishes it under the comment or mention it answers (no link, no media).
    return v.replyTo ? { ...content, replyTo: v.replyTo } : content;
  }

  private toContent(v: VariantRow & { media: MediaRow[] | null }): PublishContent {
    return {
      text: v.text,
      hashtags: v.hashtags ?? [],
      link: v.link ?? undefined,
      media: (v.media ?? []).map((m) => ({
        url: this.links.publicUrl(m.id, MEDIA_LINK_TTL_SECONDS),
        mimeType: m.mimeType,
        width: m.width ?? undefined,
        height: m.height ?? undefined,
        bytes: Number(m.bytes),
        altText: m.altText ?? undefined,
      })),
    };
  }
}
