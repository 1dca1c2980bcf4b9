import { Queryable } from '../storage/queryable';
import { HomePostList, HomeProblems } from './home-summary';

export const HOME_ACCOUNTS_MAX = 50;
export const HOME_NEXT_MAX = 5;

/** Accounts under `paths` with their latest daily followers (account_daily), else the account's own count. */
export async function homeAccounts(db: Queryable, paths: string[]) {
  return db.query(
    `SELECT a.id, a.handle, a.platform, a.status, u.name AS "unitName",
            coalesce((SELECT ad.followers_last FROM account_daily ad WHERE ad.account_id = a.id ORDER BY ad.day DESC LIMIT 1), a.followers) AS followers
       FROM social_accounts a JOIN units u ON u.id = a.unit_id
      WHERE u.path LIKE ANY($1::text[])
      ORDER BY u.name, a.platform, a.handle, a.id
      LIMIT ${HOME_ACCOUNTS_MAX}`,
    [paths.map((p) => `${p}%`)],
  );
}

export async function nextScheduled(db: Queryable, paths: string[], now: Date) {
  return db.query(
    `SELECT p.id AS "postId", p.excerpt, p.scheduled_at AS "scheduledAt", p.platforms
       FROM posts p JOIN units u ON u.id = p.unit_id
      WHERE p.status = 'scheduled' AND p.scheduled_at >= $2 AND u.path LIKE ANY($1::text[])
      ORDER BY p.scheduled_at, p.id
      LIMIT ${HOME_NEXT_MAX}`,
    [paths.map((p) => `${p}%`), now],
  );
}

/** Targets that went wrong or wait (failed, missed, held) and accounts needing a reconnect, under `paths`. */
export async function problemCounts(db: Queryable, paths: string[]): Promise<HomeProblems> {
  const [row] = await db.query(
    `SELECT count(*) FILTER (WHERE t.status = 'failed')::int AS failed, count(*) FILTER (WHERE t.status = 'missed')::int AS missed,
            count(*) FILTER (WHERE t.status = 'held')::int AS held,
            (SELECT count(*)::int FROM social_accounts a JOIN units au ON au.id = a.unit_id
              WHERE a.status = 'needs_reconnect' AND au.path LIKE ANY($1::text[])) AS "needsReconnect"
       FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN units u ON u.id = p.unit_id
      WHERE t.status IN ('failed', 'missed', 'held') AND u.path LIKE ANY($1::text[])`,
    [paths.map((p) => `${p}%`)],
  );
  return row;
}

/** Posts waiting for review in the units the user reviews, other than their own. */
export async function awaitingReview(db: Queryable, reviewerPaths: string[], userId: string): Promise<number> {
  if (!reviewerPaths.length) return 0;
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM posts p JOIN units u ON u.id = p.unit_id
      WHERE p.status = 'in_review' AND p.author_id IS DISTINCT FROM $2::uuid AND u.path LIKE ANY($1::text[])`,
    [reviewerPaths.map((p) => `${p}%`), userId],
  );
  return row.n;
}

/** The newest five posts in `status` in the units the user administers, and how many there are. */
export async function postsInStatus(db: Queryable, adminPaths: string[], status: 'approved' | 'changes_requested'): Promise<HomePostList> {
  if (!adminPaths.length) return { count: 0, items: [] };
  const rows: Array<{ postId: string; excerpt: string; unitName: string; updatedAt: Date; total: number }> = await db.query(
    `SELECT p.id AS "postId", coalesce(p.excerpt, '') AS excerpt, u.name AS "unitName", p.updated_at AS "updatedAt", count(*) OVER ()::int AS total
       FROM posts p JOIN units u ON u.id = p.unit_id
      WHERE p.status = $2 AND u.path LIKE ANY($1::text[])
      ORDER BY p.updated_at DESC, p.id LIMIT 5`,
    [adminPaths.map((p) => `${p}%`), status],
  );
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map(({ total, ...r }) => (void total, { ...r, updatedAt: new Date(r.updatedAt).toISOString() })),
  };
}
