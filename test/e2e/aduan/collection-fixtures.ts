import { randomUUID } from 'crypto';
import { Pool } from 'pg';
import { FixtureAccount, schedulePosts } from '../publishing/publishing-fixtures';

export interface BogorTree {
  rootId: string;
  kedungBadak: string;
  tanahSareal: string;
  dishub: string;
  dlh: string;
}

async function unit(db: Pool, parent: { id: string; path: string } | null, code: string, name: string, kind: string): Promise<{ id: string; path: string }> {
  const id = randomUUID();
  const path = `${parent?.path ?? ''}${id}/`;
  await db.query(
    `INSERT INTO units (id, code, name, kind, parent_id, path, time_zone, review_required) VALUES ($1, $2, $3, $4, $5, $6, 'Asia/Jakarta', false)`,
    [id, code, name, kind, parent?.id ?? null, path],
  );
  return { id, path };
}

/** A small Kota Bogor: one kecamatan, two kelurahan, two OPD (enough for the classifier to place and route). */
export async function bogorTree(db: Pool): Promise<BogorTree> {
  const root = await unit(db, null, '32.71', 'Kota Bogor', 'kota');
  const kec = await unit(db, root, '32.71.06', 'Tanah Sareal', 'kecamatan');
  const kb = await unit(db, kec, '32.71.06.1003', 'Kedung Badak', 'kelurahan');
  await unit(db, kec, '32.71.06.1004', 'Kedung Halang', 'kelurahan');
  const dishub = await unit(db, root, '32.71.OPD.DISHUB', 'Dinas Perhubungan', 'opd');
  const dlh = await unit(db, root, '32.71.OPD.DLH', 'Dinas Lingkungan Hidup', 'opd');
  return { rootId: root.id, kedungBadak: kb.id, tanahSareal: kec.id, dishub: dishub.id, dlh: dlh.id };
}

/** A post Kabar published on the account (a target with the platform's id), as the publishing engine leaves it. */
export async function publishedTarget(db: Pool, unitId: string, account: FixtureAccount, externalId: string, text: string): Promise<string> {
  const [t] = await schedulePosts(db, unitId, [{ account, at: new Date(Date.now() - 60_000), text }]);
  await db.query(`UPDATE post_targets SET status = 'published', external_id = $2, published_at = now() WHERE id = $1`, [t.id, externalId]);
  await db.query(`UPDATE posts SET status = 'published' WHERE id = $1`, [t.postId]);
  return t.id;
}

export interface StoredComment {
  id: string;
  external_id: string;
  kind: string;
  text: string;
  post_target_id: string | null;
  is_complaint: boolean | null;
  category: string | null;
  agency_unit_id: string | null;
  place_unit_id: string | null;
  reasons: unknown[];
  model_version: string | null;
  classified_at: Date | null;
}

export async function commentsOf(db: Pool, accountId: string): Promise<StoredComment[]> {
  const { rows } = await db.query(`SELECT * FROM aduan_comments WHERE account_id = $1 ORDER BY written_at, external_id`, [accountId]);
  return rows;
}
