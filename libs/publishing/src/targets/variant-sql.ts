export interface MediaRow {
  id: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  bytes: number | string;
  altText: string | null;
}

/** What a target posts: its platform's override in its language first, else the language variant; media in order. */
export const VARIANT_SQL = (postId: string, language: string, platform: string) =>
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
