import { Queryable } from './queryable';
import { UNIT_DELTA_UPSERT } from './unit-rollup';

/** One reading of an account's counters. */
export interface SnapshotRow {
  accountId: string;
  at: Date;
  followers: number;
  following?: number | null;
  posts?: number | null;
  raw?: Record<string, number>;
}

/**
 * Stores a batch of snapshots and keeps the daily rollups current, in the caller's transaction:
 * raw rows (a repeated (account, at) is ignored), then account_daily (the day in the account's unit zone),
 * then unit_daily of the account's unit and every unit above it, by the change of the day's last value
 * (cost grows with the batch, not with the size of the city). Partitions must exist.
 * Returns the number of new raw rows.
 */
export async function ingestSnapshots(db: Queryable, rows: SnapshotRow[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted: Array<{ account_id: string; at: Date; followers: number; following: number | null; posts: number | null }> = await db.query(
    `INSERT INTO account_snapshots (account_id, at, followers, following, posts, raw)
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::jsonb[])
     ON CONFLICT DO NOTHING
     RETURNING account_id, at, followers, following, posts`,
    [
      rows.map((r) => r.accountId),
      rows.map((r) => r.at.toISOString()),
      rows.map((r) => r.followers),
      rows.map((r) => r.following ?? null),
      rows.map((r) => r.posts ?? null),
      rows.map((r) => JSON.stringify(r.raw ?? {})),
    ],
  );
  if (!inserted.length) return 0;
  // The accounts' rows are locked (in id order) so two ingests of one account cannot interleave their
  // read of the day's previous value and their write; unit_daily then moves by exact deltas.
  await db.query(`SELECT 1 FROM social_accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [[...new Set(inserted.map((r) => r.account_id))]]);
  await db.query(
    `WITH batch AS (
       SELECT b.account_id, b.at, b.followers, b.following, b.posts, (b.at AT TIME ZONE u.time_zone)::date AS day
         FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[]) AS b(account_id, at, followers, following, posts)
         JOIN social_accounts s ON s.id = b.account_id JOIN units u ON u.id = s.unit_id),
     per_day AS (
       SELECT account_id, day,
              (array_agg(followers ORDER BY at))[1] AS followers_first,
              (array_agg(followers ORDER BY at DESC))[1] AS followers_last,
              min(followers) AS followers_min, max(followers) AS followers_max,
              (array_agg(following ORDER BY at DESC))[1] AS following_last,
              (array_agg(posts ORDER BY at DESC))[1] AS posts_last,
              count(*)::int AS snapshots, min(at) AS first_at, max(at) AS last_at
         FROM batch GROUP BY account_id, day),
     old AS (
       SELECT d.account_id, d.day, d.followers_last FROM account_daily d JOIN per_day p USING (account_id, day)),
     up AS (
       INSERT INTO account_daily AS d (account_id, day, followers_first, followers_last, followers_min, followers_max, following_last, posts_last, snapshots, first_at, last_at)
       SELECT * FROM per_day
       ON CONFLICT (account_id, day) DO UPDATE SET
         followers_first = CASE WHEN EXCLUDED.first_at < d.first_at THEN EXCLUDED.followers_first ELSE d.followers_first END,
         first_at = least(d.first_at, EXCLUDED.first_at),
         followers_last = CASE WHEN EXCLUDED.last_at >= d.last_at THEN EXCLUDED.followers_last ELSE d.followers_last END,
         following_last = CASE WHEN EXCLUDED.last_at >= d.last_at THEN EXCLUDED.following_last ELSE d.following_last END,
         posts_last = CASE WHEN EXCLUDED.last_at >= d.last_at THEN EXCLUDED.posts_last ELSE d.posts_last END,
         last_at = greatest(d.last_at, EXCLUDED.last_at),
         followers_min = least(d.followers_min, EXCLUDED.followers_min),
         followers_max = greatest(d.followers_max, EXCLUDED.followers_max),
         snapshots = d.snapshots + EXCLUDED.snapshots
       RETURNING account_id, day, followers_last),
     deltas AS (
       SELECT up.account_id, up.day, up.followers_last - coalesce(old.followers_last, 0) AS delta, (old.account_id IS NULL)::int AS added
         FROM up LEFT JOIN old USING (account_id, day))
     ${UNIT_DELTA_UPSERT}`,
    [
      inserted.map((r) => r.account_id),
      inserted.map((r) => new Date(r.at).toISOString()),
      inserted.map((r) => r.followers),
      inserted.map((r) => r.following),
      inserted.map((r) => r.posts),
    ],
  );
  return inserted.length;
}
