import { randomBytes, randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { ClassifierRegistry } from '@kabar/aduan';

/** A social account of a unit, straight into the database (no platform behind it: tickets never call one). */
export async function insertAccount(ds: DataSource, unitCode: string, platform = 'instagram'): Promise<{ id: string; unitId: string; handle: string }> {
  const [unit] = await ds.query(`SELECT id FROM units WHERE code = $1`, [unitCode]);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  const id = randomUUID();
  const handle = `akun_${randomBytes(3).toString('hex')}`;
  await ds.query(
    `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, display_name, status, credentials_enc, sandbox)
     VALUES ($1, $2, $3, $4, $5, $6, 'active', 'not-used', true)`,
    [id, unit.id, platform, `ext-${id}`, handle, `Akun ${unitCode}`],
  );
  return { id, unitId: unit.id, handle };
}

export interface CommentSeed {
  accountId: string;
  text: string;
  writtenAt: Date;
  platform?: string;
  authorHandle?: string;
  authorName?: string;
  url?: string;
  postTargetId?: string | null;
  postExternalId?: string | null;
}

/**
 * An `aduan_comments` row as collection writes it: the comment, classified by the real classifier of the city
 * (complaint or not, category, agency, place, reasons).
 */
export async function insertClassifiedComment(ds: DataSource, c: CommentSeed): Promise<{ id: string; isComplaint: boolean; category: string | null }> {
  const registry = new ClassifierRegistry(ds);
  const [root] = await ds.query(`SELECT split_part(u.path, '/', 1) AS id FROM social_accounts a JOIN units u ON u.id = a.unit_id WHERE a.id = $1`, [
    c.accountId,
  ]);
  const [r] = (await registry.forRoot(root.id)).classify([{ text: c.text }]);
  const id = randomUUID();
  await ds.query(
    `INSERT INTO aduan_comments (id, account_id, platform, external_id, kind, post_external_id, post_target_id, author_handle, author_name, author_external_id,
       text, url, written_at, is_complaint, score, category, agency_unit_id, place_unit_id, reasons, model_version, classified_at)
     VALUES ($1, $2, $3, $4, 'comment', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'test', now())`,
    [
      id,
      c.accountId,
      c.platform ?? 'instagram',
      `c-${id}`,
      c.postExternalId ?? 'post-1',
      c.postTargetId ?? null,
      c.authorHandle ?? 'warga_bogor',
      c.authorName ?? 'Budi Santoso',
      `author-${id}`,
      c.text,
      c.url ?? `https://www.instagram.com/p/post-1/c/${id}`,
      c.writtenAt,
      r.isComplaint,
      r.score,
      r.category,
      r.agency?.unitId ?? null,
      r.place?.unitId ?? null,
      JSON.stringify(r.reasons),
    ],
  );
  return { id, isComplaint: r.isComplaint, category: r.category };
}
