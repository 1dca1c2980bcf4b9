import { UnitScope } from '@kabar/org';
import { Queryable } from '../storage/queryable';
import { HomePostList, HomeProblems } from './home-summary';

export const HOME_ACCOUNTS_MAX = 50;
export const HOME_NEXT_MAX = 5;

/** Accounts in `scope` with their latest daily followers (account_daily), else the account's own count. */
export async function homeAccounts(db: Queryable, scope: UnitScope) {
  return db.query(
    `SELECT a.id, a.handle, a.platform, a.status, u.name AS "unitName",
            coalesce((SELECT ad.followers_last FROM account_daily ad WHERE ad.account_id = a.id ORDER BY ad.day DESC LIMIT 1), a.followers) AS followers
       FROM social_accounts a JOIN units u ON u.id = a.unit_id
      WHERE ${scope.pathIn('u.path', '$1')}
      ORDER BY u.name, a.platform, a.handle, a.id
      LIMIT ${HOME_ACCOUNTS_MAX}`,
    [scope.patterns],
  );
}

export async function nextScheduled(db: Queryable, scope: UnitScope, now: Date) {
  return db.query(
    `SELECT p.id AS "postId", p.excerpt, p.scheduled_at AS "scheduledAt", p.platforms
       FROM posts p JOIN units u ON u.id = p.unit_id
      WHERE p.status = 'scheduled' AND p.scheduled_at >= $2 AND ${scope.pathIn('u.path', '$1')}
      ORDER BY p.scheduled_at, p.id
      LIMIT ${HOME_NEXT_MAX}`,
    [scope.patterns, now],
  );
}

/** Targets that went wrong or wait (failed, missed, held) and accounts needing a reconnect, in `scope`. */
export async function problemCounts(db: Queryable, scope: UnitScope): Promise<HomeProblems> {
  const [row] = await db.query(
    `SELECT count(*) FILTER (WHERE t.status = 'failed')::int AS failed, count(*) FILTER (WHERE t.status = 'missed')::int AS missed,
            count(*) FILTER (WHERE t.status = 'held')::int AS held,
            (SELECT count(*)::int FROM social_accounts a JOIN units au ON au.id = a.unit_id
              WHERE a.status = 'needs_reconnect' AND ${scope.pathIn('au.path', '$1')}) AS "needsReconnect"
       FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN units u ON u.id = p.unit_id
      WHERE t.status IN ('failed', 'missed', 'held') AND ${scope.pathIn('u.path', '$1')}`,
    [scope.patterns],
  );
  return row;
}

/** Posts waiting for review in the units the user reviews, other than their own. */
export async function awaitingReview(db: Queryable, reviewers: UnitScope, userId: string): Promise<number> {
  if (reviewers.isEmpty) return 0;
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM posts p JOIN units u ON u.id = p.unit_id
      WHERE p.status = 'in_review' AND p.author_id IS DISTINCT FROM $2::uuid AND ${reviewers.pathIn('u.path', '$1')}`,
    [reviewers.patterns, userId],
  );
  return row.n;
}

/** The newest five posts in `status` in the units the user administers, and how many there are. */
export async function postsInStatus(db: Queryable, scope: UnitScope, status: 'approved' | 'changes_requested'): Promise<HomePostList> {
  if (scope.isEmpty) return { count: 0, items: [] };
  const rows: Array<{ postId: string; excerpt: string; unitName: string; updatedAt: Date; total: number }> = await db.query(
    `SELECT p.id AS "postId", coalesce(p.excerpt, '') AS excerpt, u.name AS "unitName", p.updated_at AS "updatedAt", count(*) OVER ()::int AS total
       FROM posts p JOIN units u ON u.id = p.unit_id
      WHERE p.status = $2 AND ${scope.pathIn('u.path', '$1')}
      ORDER BY p.updated_at DESC, p.id LIMIT 5`,
    [scope.patterns, status],
  );
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map(({ total, ...r }) => (void total, { ...r, updatedAt: new Date(r.updatedAt).toISOString() })),
  };
}
