import { Queryable } from '../../storage/queryable';

export type FollowersScope = 'account' | 'unit' | 'subtree';
export type Granularity = 'day' | 'week' | 'month';

export interface FollowersBucket {
  period: string;
  /** Followers on the last day with data in the bucket; null when the bucket has none. */
  followers: number | null;
  accounts: number;
}

const SOURCE: Record<FollowersScope, string> = {
  account: `SELECT day, followers_last::float8 AS followers, 1 AS accounts FROM account_daily WHERE account_id = $1::uuid`,
  unit: `SELECT day, own_followers::float8 AS followers, own_accounts AS accounts FROM unit_daily WHERE unit_id = $1::uuid AND own_accounts > 0`,
  subtree: `SELECT day, followers::float8 AS followers, accounts FROM unit_daily WHERE unit_id = $1::uuid`,
};

const EXPECTED: Record<FollowersScope, string> = {
  account: `SELECT 1 AS n`,
  unit: `SELECT count(*)::int AS n FROM social_accounts WHERE unit_id = $1::uuid AND status <> 'disabled'`,
  // the subtree by path range (an index range scan whatever the size of the tree), then its accounts by unit
  subtree: `SELECT count(*)::int AS n FROM units u JOIN social_accounts s ON s.unit_id = u.id, (SELECT path FROM units WHERE id = $1::uuid) r
             WHERE u.path ~>=~ r.path AND u.path ~<~ (r.path || '~') AND s.status <> 'disabled'`,
};

/**
 * Follower buckets over local days [from, to] from the daily rollups (account_daily / unit_daily), the last
 * reading before `from` (the first bucket's baseline), and how many accounts should report.
 * ISO weeks start on Monday (date_trunc('week')); a bucket's period may start before `from`.
 */
export async function followersSeries(
  db: Queryable,
  q: { scope: FollowersScope; id: string; from: string; to: string; granularity: Granularity },
): Promise<{ buckets: FollowersBucket[]; before: number | null; expectedAccounts: number }> {
  const buckets: FollowersBucket[] = await db.query(
    `WITH src AS (${SOURCE[q.scope]}),
     buckets AS (
       SELECT p::date AS period, (p + ('1 ' || $4)::interval)::date AS next
         FROM generate_series(date_trunc($4, $2::date::timestamp), $3::date::timestamp, ('1 ' || $4)::interval) AS p)
     SELECT b.period::text AS period, l.followers, coalesce(l.accounts, 0)::int AS accounts
       FROM buckets b
       LEFT JOIN LATERAL (
         SELECT s.followers, s.accounts FROM src s
          WHERE s.day >= greatest(b.period, $2::date) AND s.day < b.next AND s.day <= $3::date
          ORDER BY s.day DESC LIMIT 1) l ON true
      ORDER BY b.period`,
    [q.id, q.from, q.to, q.granularity],
  );
  const [before] = await db.query(`WITH src AS (${SOURCE[q.scope]}) SELECT followers FROM src WHERE day < $2::date ORDER BY day DESC LIMIT 1`, [q.id, q.from]);
  const [expected] = await db.query(EXPECTED[q.scope], q.scope === 'account' ? [] : [q.id]);
  return { buckets, before: before?.followers ?? null, expectedAccounts: expected.n };
}
