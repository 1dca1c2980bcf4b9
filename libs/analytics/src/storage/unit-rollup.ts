import { Queryable } from './queryable';

/**
 * unit_daily holds, per unit and local day, the followers of the unit's whole subtree (the sum of each
 * account's last reading of that day) and how many accounts reported; own_* count the unit's own accounts.
 * A day an account did not report is not invented: it is missing from the sum and `accounts` says so.
 *
 * The tail of the ingest statement: from a CTE `deltas(account_id, day, delta, added)` (change of an
 * account's last value that day, 1 if the account had no reading that day yet), adds the changes to the
 * account's unit and each ancestor (atomic increments, in unit order so concurrent ingests do not deadlock).
 */
export const UNIT_DELTA_UPSERT = `
  INSERT INTO unit_daily AS ud (unit_id, day, followers, accounts, own_followers, own_accounts)
  SELECT anc.id_text::uuid, x.day, sum(x.delta), sum(x.added),
         coalesce(sum(x.delta) FILTER (WHERE anc.id_text::uuid = u.id), 0), coalesce(sum(x.added) FILTER (WHERE anc.id_text::uuid = u.id), 0)
    FROM deltas x JOIN social_accounts s ON s.id = x.account_id JOIN units u ON u.id = s.unit_id
    CROSS JOIN LATERAL unnest(string_to_array(rtrim(u.path, '/'), '/')) AS anc(id_text)
   GROUP BY 1, 2
   ORDER BY 1, 2
  ON CONFLICT (unit_id, day) DO UPDATE SET
    followers = ud.followers + EXCLUDED.followers, accounts = ud.accounts + EXCLUDED.accounts,
    own_followers = ud.own_followers + EXCLUDED.own_followers, own_accounts = ud.own_accounts + EXCLUDED.own_accounts`;

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
