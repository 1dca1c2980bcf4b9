import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rows as queryRows } from '../targets/sql';
import { MediaLinks } from '@kabar/content';
import type { Platform, PublishContent } from '@kabar/platforms';

interface MediaRow {
  id: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  bytes: number | string;
  altText: string | null;
}

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
 * language variant; media in order, at signed, expiring public URLs (the content context's MediaLinks).
 * One query, on the hot path of every publish (the content context's ContentForTarget takes four).
 */
@Injectable()
export class PublishContentLoader {
  constructor(
    private readonly ds: DataSource,
    private readonly links: MediaLinks,
  ) {}

  async load(target: { postId: string; language: string; platform: Platform }): Promise<PublishContent | null> {
    const rows: Array<VariantRow & { media: MediaRow[] | null }> = await queryRows(
      this.ds,
      `SELECT v.platform, v.text, v.hashtags, v.link,
         (SELECT json_agg(json_build_object('id', m.id, 'mimeType', m.mime_type, 'width', m.width, 'height', m.height, 'bytes', m.bytes, 'altText', m.alt_text) ORDER BY pm.position)
            FROM post_media pm JOIN media m ON m.id = pm.media_id WHERE pm.post_id = v.post_id) AS media
       FROM post_variants v WHERE v.post_id = $1 AND v.language = $2 AND (v.platform IS NULL OR v.platform = $3)
       ORDER BY v.platform NULLS LAST LIMIT 1`,
      [target.postId, target.language, target.platform],
    );
    const v = rows[0];
    if (!v) return null;
    const media = v.media ?? [];
    return {
      text: v.text,
      hashtags: v.hashtags ?? [],
      link: v.link ?? undefined,
      media: media.map((m) => ({
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
