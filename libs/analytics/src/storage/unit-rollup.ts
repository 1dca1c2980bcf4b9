import { Queryable } from './queryable';

/**
 * unit_daily holds, per unit and local day, the followers of the unit's whole subtree (the sum of each
 * account's last reading of that day) and how many accounts reported; own_* count the unit's own accounts.
 * A day an account did not report is not invented: it is missing from the sum and `accounts` says so.
 *
 * Recomputing a day takes an advisory lock for that day, so two ingests of the same day run their
 * recomputes one after the other and the later one sees the earlier one's committed rows.
 */
export async function recomputeUnitDaily(db: Queryable, opts: { day: string; accountIds?: string[] }): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('kabar.unit_daily'), hashtext($1))`, [opts.day]);
  await db.query(
    `WITH affected AS (
       SELECT DISTINCT a.id, a.path
         FROM social_accounts s JOIN units u ON u.id = s.unit_id
         CROSS JOIN LATERAL unnest(string_to_array(rtrim(u.path, '/'), '/')) AS anc(id_text)
         JOIN units a ON a.id = anc.id_text::uuid
        WHERE $2::uuid[] IS NULL OR s.id = ANY($2::uuid[])),
     sums AS (
       SELECT af.id AS unit_id,
              coalesce(sum(ad.followers_last), 0) AS followers, count(ad.account_id)::int AS accounts,
              coalesce(sum(ad.followers_last) FILTER (WHERE d.id = af.id), 0) AS own_followers,
              count(ad.account_id) FILTER (WHERE d.id = af.id)::int AS own_accounts
         FROM affected af
         JOIN units d ON d.path LIKE af.path || '%'
         JOIN social_accounts s ON s.unit_id = d.id
         JOIN account_daily ad ON ad.account_id = s.id AND ad.day = $1::date
        GROUP BY af.id)
     INSERT INTO unit_daily (unit_id, day, followers, accounts, own_followers, own_accounts)
     SELECT unit_id, $1::date, followers, accounts, own_followers, own_accounts FROM sums
     ON CONFLICT (unit_id, day) DO UPDATE SET followers = EXCLUDED.followers, accounts = EXCLUDED.accounts,
       own_followers = EXCLUDED.own_followers, own_accounts = EXCLUDED.own_accounts`,
    [opts.day, opts.accountIds ?? null],
  );
}

/**
 * Rebuilds unit_daily for every unit and every day in [fromDay, toDay] from account_daily (bulk loads,
 * seeding, or after the unit tree changed). Units whose subtree has no reading that day get no row.
 */
export async function rebuildUnitDaily(db: Queryable, fromDay: string, toDay: string): Promise<void> {
  await db.query(`DELETE FROM unit_daily WHERE day BETWEEN $1::date AND $2::date`, [fromDay, toDay]);
  await db.query(
    `INSERT INTO unit_daily (unit_id, day, followers, accounts, own_followers, own_accounts)
     SELECT anc.id_text::uuid, ad.day, sum(ad.followers_last), count(*)::int,
            coalesce(sum(ad.followers_last) FILTER (WHERE anc.id_text::uuid = u.id), 0), (count(*) FILTER (WHERE anc.id_text::uuid = u.id))::int
       FROM account_daily ad
       JOIN social_accounts s ON s.id = ad.account_id JOIN units u ON u.id = s.unit_id
       CROSS JOIN LATERAL unnest(string_to_array(rtrim(u.path, '/'), '/')) AS anc(id_text)
      WHERE ad.day BETWEEN $1::date AND $2::date
      GROUP BY 1, 2`,
    [fromDay, toDay],
  );
}

/** Rebuilds account_daily for [fromDay, toDay] from the raw snapshots (bulk loads). */
export async function rebuildAccountDaily(db: Queryable, fromDay: string, toDay: string): Promise<void> {
  await db.query(`DELETE FROM account_daily WHERE day BETWEEN $1::date AND $2::date`, [fromDay, toDay]);
  await db.query(
    `INSERT INTO account_daily (account_id, day, followers_first, followers_last, followers_min, followers_max, following_last, posts_last, snapshots, first_at, last_at)
     SELECT account_id, day, (array_agg(followers ORDER BY at))[1], (array_agg(followers ORDER BY at DESC))[1], min(followers), max(followers),
            (array_agg(following ORDER BY at DESC))[1], (array_agg(posts ORDER BY at DESC))[1], count(*)::int, min(at), max(at)
       FROM (SELECT sn.*, (sn.at AT TIME ZONE u.time_zone)::date AS day
               FROM account_snapshots sn JOIN social_accounts s ON s.id = sn.account_id JOIN units u ON u.id = s.unit_id
              WHERE sn.at >= ($1::date - 1)::timestamptz AND sn.at < ($2::date + 2)::timestamptz) x
      WHERE day BETWEEN $1::date AND $2::date
      GROUP BY account_id, day`,
    [fromDay, toDay],
  );
}
