import { INestApplicationContext } from '@nestjs/common';
import { periodOf } from '@kabar/analytics';
import { FixtureAccount } from '../publishing/publishing-fixtures';
import { CollectionHarness, requestProbe, snapshotsOf, startCollectionHarness, waitFor } from './collection-fixtures';

const INTERVAL = 5_000;

describe('analytics collection with two workers on one database', () => {
  let h: CollectionHarness;
  const accounts: FixtureAccount[] = [];
  const probes = new Map<string, () => number>();

  beforeAll(async () => {
    h = await startCollectionHarness();
    for (const p of ['mastodon', 'mastodon', 'x', 'x', 'youtube', 'mastodon'] as const) {
      const a = await h.account(p);
      accounts.push(a);
      probes.set(a.id, requestProbe(h.sb, a));
    }
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('never collects an account twice in one period, and calls the platform once per collection', async () => {
    const startPeriod = periodOf(Date.now(), INTERVAL);
    const workers: INestApplicationContext[] = await Promise.all([h.worker({ snapshotIntervalMs: INTERVAL }), h.worker({ snapshotIntervalMs: INTERVAL })]);
    const first = periodOf(Date.now(), INTERVAL);
    // both triggers and both consumers run for three periods after they are up
    await waitFor(
      'three periods collected',
      async () => {
        const { rows } = await h.db.query(`SELECT min(snapshot_period)::bigint AS p FROM social_accounts`);
        return Number(rows[0].p) >= first + 2;
      },
      40_000,
    );
    await Promise.all(workers.map((w) => w.close()));
    const endPeriod = periodOf(Date.now(), INTERVAL);
    // one job per account and period, whichever replica enqueued it (a reading commits just before pg-boss
    // marks its job completed, so a job closed mid-way may still show active)
    const { rows: jobs } = await h.db.query(
      `SELECT data->>'accountId' AS account, (data->>'period')::bigint AS period, count(*)::int AS n
         FROM (SELECT data FROM pgboss.job WHERE name = 'analytics.snapshot'
               UNION ALL SELECT data FROM pgboss.archive WHERE name = 'analytics.snapshot') j
        GROUP BY 1, 2`,
    );
    expect(jobs.every((j) => j.n === 1)).toBe(true);
    for (const a of accounts) {
      const snaps = await snapshotsOf(h.db, a.id);
      const periods = jobs.filter((j) => j.account === a.id).map((j) => Number(j.period));
      // at most one reading per period, never more than the periods that passed, one platform call each
      expect(snaps.length).toBeLessThanOrEqual(periods.length);
      expect(snaps.length).toBeGreaterThanOrEqual(3);
      expect(snaps.length).toBeLessThanOrEqual(endPeriod - startPeriod + 1);
      expect(probes.get(a.id)!()).toBe(snaps.length);
      const { rows } = await h.db.query(`SELECT snapshot_period FROM social_accounts WHERE id = $1`, [a.id]);
      expect(Number(rows[0].snapshot_period)).toBe(Math.max(...periods));
    }
  }, 90_000);
});
