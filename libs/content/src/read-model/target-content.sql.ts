// Content's read model for other contexts: SQL over posts, post_variants, post_media and media that publishing
// embeds in its own statements (the claim reads what to post in the same round trip). Only content names these tables.

export interface MediaRow {
  id: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  bytes: number | string;
  altText: string | null;
}

/** What a target posts: its platform's override in its language first, else the language variant; media in order. */
export const targetContentSql = (postId: string, language: string, platform: string) =>
  `SELECT v.platform, v.text, v.hashtags, v.link,
     (SELECT json_agg(json_build_object('id', m.id, 'mimeType', m.mime_type, 'width', m.width, 'height', m.height, 'bytes', m.bytes, 'altText', m.alt_text) ORDER BY pm.position)
        FROM post_media pm JOIN media m ON m.id = pm.media_id WHERE pm.post_id = v.post_id) AS media
   FROM post_variants v WHERE v.post_id = ${postId} AND v.language = ${language} AND (v.platform IS NULL OR v.platform = ${platform})
   ORDER BY v.platform NULLS LAST LIMIT 1`;

export interface ClaimedVariant {
  variantText: string | null;
  variantHashtags: string[] | null;
  variantLink: string | null;
  variantMedia: MediaRow[] | null;
}

/** The post's unit and author (columns `unit_id`, `author_id`), to join LATERAL on a post id expression. */
export const postOwnerSql = (postId: string) => `SELECT unit_id, author_id FROM posts WHERE id = ${postId}`;

/** The opening `chars` characters of the post's text, preferring `language`, then the language variant over a platform's. */
export const postPreviewSql = (postId: string, language: string, chars: number) =>
  `(SELECT left(v.text, ${Number(chars)}) FROM post_variants v WHERE v.post_id = ${postId} ORDER BY v.language = ${language} DESC, v.platform NULLS FIRST LIMIT 1)`;
