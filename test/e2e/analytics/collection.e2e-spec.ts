import { INestApplicationContext } from '@nestjs/common';
import { CollectionTriggers, periodOf, SnapshotCollector, snapshotJobId } from '@kabar/analytics';
import { FixtureAccount, schedulePosts } from '../publishing/publishing-fixtures';
import { CollectionHarness, requestProbe, snapshotsOf, startCollectionHarness, waitFor } from './collection-fixtures';

const INTERVAL = 4_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('analytics collection in the worker', () => {
  let h: CollectionHarness;
  let worker: INestApplicationContext;
  const acc: Record<string, FixtureAccount> = {};
  const probes: Record<string, () => number> = {};
  let sandboxBefore: Record<string, number>;

  beforeAll(async () => {
    h = await startCollectionHarness();
    acc.masto = await h.account('mastodon');
    acc.x = await h.account('x', { unitId: h.rootId });
    acc.reconnect = await h.account('mastodon', { status: 'needs_reconnect' });
    acc.off = await h.account('mastodon', { status: 'disabled' });
    acc.flaky = await h.account('mastodon');
    // collected only by the direct calls of the last test: the trigger never enqueues it
    acc.direct = await h.account('mastodon');
    await h.db.query(`UPDATE social_accounts SET snapshot_enqueued_period = 9000000000000 WHERE id = $1`, [acc.direct.id]);
    for (const k of ['masto', 'x', 'reconnect', 'off']) probes[k] = requestProbe(h.sb, acc[k]);
    h.sb.store.injectFault({ platform: 'mastodon', accountExternalId: acc.flaky.externalId, kind: '5xx', count: 2 });
    h.sb.store.tick();
    sandboxBefore = Object.fromEntries(Object.entries(acc).map(([k, a]) => [k, h.sb.store.account(a.platform, a.externalId)!.followers]));
    worker = await h.worker({ snapshotIntervalMs: INTERVAL });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('stores snapshots with the followers the platform reports, and the local day rollups', async () => {
    await waitFor('first snapshots', async () => (await snapshotsOf(h.db, acc.masto.id)).length > 0 && (await snapshotsOf(h.db, acc.x.id)).length > 0, 20_000);
    for (const k of ['masto', 'x']) {
      const a = acc[k];
      const [first] = await snapshotsOf(h.db, a.id);
      const now = h.sb.store.account(a.platform, a.externalId)!.followers;
      // the sandbox's followers move with its clock: the reading lies between the values around it
      expect(first.followers).toBeGreaterThanOrEqual(Math.min(sandboxBefore[k], now));
      expect(first.followers).toBeLessThanOrEqual(Math.max(sandboxBefore[k], now));
      const { rows } = await h.db.query(`SELECT followers, snapshot_period, last_snapshot_at, collection_failures FROM social_accounts WHERE id = $1`, [a.id]);
      // the stamp names the period whose job was enqueued; on a busy machine that job may run just after its period ended
      expect(Number(rows[0].snapshot_period)).toBeGreaterThanOrEqual(periodOf(first.at.getTime(), INTERVAL) - 1);
      expect(rows[0].collection_failures).toBe(0);
    }
    const masto = (await snapshotsOf(h.db, acc.masto.id))[0];
    const x = (await snapshotsOf(h.db, acc.x.id))[0];
    const { rows: days } = await h.db.query(
      `SELECT account_id, day::text AS day, followers_first, snapshots FROM account_daily WHERE account_id = ANY($1::uuid[]) ORDER BY day`,
      [[acc.masto.id, acc.x.id]],
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(masto.at);
    const mastoDay = days.find((d) => d.account_id === acc.masto.id && d.day === today);
    expect(mastoDay.followers_first).toBe(masto.followers);
    // the kelurahan's own account counts in the kota's subtree; the kota's own account only there
    const { rows: unitDays } = await h.db.query(`SELECT unit_id, followers::int, accounts, own_accounts FROM unit_daily WHERE day = $1`, [today]);
    const byUnit = Object.fromEntries(unitDays.map((u) => [u.unit_id, u]));
    expect(byUnit[h.childId]).toMatchObject({ own_accounts: 1 });
    expect(byUnit[h.rootId].accounts).toBeGreaterThanOrEqual(2);
    const { rows: lastOfDay } = await h.db.query(
      `SELECT coalesce(sum(followers_last), 0)::int AS s FROM account_daily WHERE day = $1 AND account_id IN (SELECT id FROM social_accounts WHERE unit_id = $2)`,
      [today, h.childId],
    );
    expect(byUnit[h.childId].followers).toBe(lastOfDay[0].s);
    expect(x.followers).toBeGreaterThan(0);
  }, 40_000);

  it('skips an account that needs reconnecting and a disabled one: no snapshot, no platform call, status kept', async () => {
    // several periods have passed by now
    await waitFor('a third period', async () => (await snapshotsOf(h.db, acc.masto.id)).length >= 3, 20_000);
    for (const k of ['reconnect', 'off']) {
      expect(await snapshotsOf(h.db, acc[k].id)).toEqual([]);
      expect(probes[k]()).toBe(0);
    }
    const { rows } = await h.db.query(`SELECT id, status, snapshot_enqueued_period FROM social_accounts WHERE id = ANY($1::uuid[])`, [
      [acc.reconnect.id, acc.off.id],
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.snapshot_enqueued_period]]))).toEqual({
      [acc.reconnect.id]: ['needs_reconnect', null],
      [acc.off.id]: ['disabled', null],
    });
    // a job already queued for an account that then lost its connection is completed without a call
    const out = await worker.get(SnapshotCollector).collect([{ id: 'job-1', data: { accountId: acc.reconnect.id, period: periodOf(Date.now(), INTERVAL) } }]);
    expect(out.get('job-1')).toEqual({ kind: 'skipped' });
    expect(probes.reconnect()).toBe(0);
    // the active accounts read once per snapshot, never more
    expect(probes.masto()).toBe((await snapshotsOf(h.db, acc.masto.id)).length);
  }, 40_000);

  it('retries a transient failure with backoff until it succeeds, without holding back the others', async () => {
    const [snap] = await waitFor('the flaky account to be collected', async () => (await snapshotsOf(h.db, acc.flaky.id)).slice(0, 1), 30_000).then((s) => s);
    const period = periodOf(snap.at.getTime(), INTERVAL);
    // the sandbox's two 5xx failed collections that were retried and then succeeded: usually one job on its
    // third try, or two jobs on their second when a period ends in between (the reading commits before
    // pg-boss marks its job completed: wait for that too)
    await waitFor(
      'the failed tries retried to completion',
      async () => {
        const { rows: jobs } = await h.db.query(
          `SELECT state, retry_count FROM pgboss.job WHERE name = 'analytics.snapshot' AND data->>'accountId' = $1
           UNION ALL SELECT state, retry_count FROM pgboss.archive WHERE name = 'analytics.snapshot' AND data->>'accountId' = $1`,
          [acc.flaky.id],
        );
        const retried = jobs.filter((j) => j.retry_count > 0);
        return retried.every((j) => j.state === 'completed') && retried.reduce((n, j) => n + j.retry_count, 0) === 2;
      },
      10_000,
    );
    expect(h.sb.store.faults().filter((f) => f.kind === '5xx')).toEqual([]);
    // meanwhile the healthy accounts were read in the period the flaky one first failed, before it recovered
    const firstMasto = (await snapshotsOf(h.db, acc.masto.id))[0];
    expect(firstMasto.at.getTime()).toBeLessThan(snap.at.getTime());
    const { rows } = await h.db.query(`SELECT collection_failures, collection_error, snapshot_period FROM social_accounts WHERE id = $1`, [acc.flaky.id]);
    expect(rows[0]).toMatchObject({ collection_failures: 0, collection_error: null });
    expect(Number(rows[0].snapshot_period)).toBeGreaterThanOrEqual(period);
    expect(snapshotJobId(acc.flaky.id, period)).toMatch(/^[0-9a-f-]{36}$/);
  }, 40_000);

  it('collects post metrics of a published target and moves metrics_due_at along the age schedule', async () => {
    const [target] = await schedulePosts(h.db, h.childId, [{ account: acc.masto, at: new Date(), text: 'Kerja bakti Minggu pagi di Kelurahan Uji' }]);
    const published = await waitFor(
      'the target to be published',
      async () =>
        (await h.db.query(`SELECT external_id, published_at, metrics_due_at FROM post_targets WHERE id = $1 AND status = 'published'`, [target.id])).rows[0],
      30_000,
    );
    // the publishing hook: the first reading an hour after publication
    expect(published.metrics_due_at.getTime() - published.published_at.getTime()).toBe(HOUR);
    const post = () => h.sb.store.post('mastodon', published.external_id)!;

    const collectAt = async (ageMs: number, collections: number) => {
      await h.db.query(`UPDATE post_targets SET published_at = now() - make_interval(secs => $2), metrics_due_at = now() - interval '1 second' WHERE id = $1`, [
        target.id,
        ageMs / 1000,
      ]);
      h.sb.store.tick();
      const before = { likes: post().likes, comments: post().comments, shares: post().shares };
      const m = await waitFor(
        `reading ${collections}`,
        async () =>
          (
            await h.db.query(
              `SELECT m.likes, m.comments, m.shares, m.collections, m.collected_at, t.metrics_due_at FROM target_metrics m JOIN post_targets t ON t.id = m.target_id
                WHERE m.target_id = $1 AND m.collections = $2`,
              [target.id, collections],
            )
          ).rows[0],
        20_000,
      );
      const after = { likes: post().likes, comments: post().comments, shares: post().shares };
      for (const c of ['likes', 'comments', 'shares'] as const) {
        expect(m[c]).toBeGreaterThanOrEqual(Math.min(before[c], after[c]));
        expect(m[c]).toBeLessThanOrEqual(Math.max(before[c], after[c]));
      }
      return m.metrics_due_at === null ? null : m.metrics_due_at.getTime() - m.collected_at.getTime();
    };
    expect(await collectAt(0, 1)).toBe(HOUR); // first day: hourly
    expect(await collectAt(3 * DAY, 2)).toBe(DAY); // to day 30: daily
    expect(await collectAt(40 * DAY, 3)).toBe(7 * DAY); // to day 90: weekly
    expect(await collectAt(100 * DAY, 4)).toBeNull(); // then never again
    const { rows } = await h.db.query(`SELECT count(*)::int AS n FROM post_metrics WHERE target_id = $1`, [target.id]);
    expect(rows[0].n).toBe(4);
  }, 120_000);

  it('keeps partitions three months ahead and drops the months older than the retention', async () => {
    const triggers = worker.get(CollectionTriggers);
    const now = new Date();
    const month = (offset: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    await h.db.query(`DROP TABLE account_snapshots_${month(3)}`);
    await h.db.query(`SELECT kabar_ensure_month_partitions('account_snapshots', '2020-01-01', '2020-02-01')`);
    await h.db.query(`INSERT INTO account_snapshots (account_id, at, followers) VALUES ($1, '2020-01-15T03:00:00Z', 77)`, [acc.masto.id]);
    await h.db.query(
      `INSERT INTO account_daily (account_id, day, followers_first, followers_last, followers_min, followers_max, snapshots, first_at, last_at)
       VALUES ($1, '2020-01-15', 77, 77, 77, 77, 1, '2020-01-15T03:00:00Z', '2020-01-15T03:00:00Z')`,
      [acc.masto.id],
    );
    const result = await triggers.maintainPartitions(now);
    expect(result.created).toBe(1);
    expect(result.dropped).toEqual(['account_snapshots_202001', 'account_snapshots_202002']);
    const { rows } = await h.db.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'account_snapshots' ORDER BY 1`,
    );
    const names = rows.map((r) => r.relname);
    for (const m of [0, 1, 2, 3]) expect(names).toContain(`account_snapshots_${month(m)}`);
    expect(names).not.toContain('account_snapshots_202001');
    const { rows: kept } = await h.db.query(`SELECT followers_last FROM account_daily WHERE account_id = $1 AND day = '2020-01-15'`, [acc.masto.id]);
    expect(kept).toEqual([{ followers_last: 77 }]);
  }, 30_000);

  it('stores one reading per account and period when two collections of it race', async () => {
    const collector = worker.get(SnapshotCollector);
    const period = periodOf(Date.now(), INTERVAL);
    const job = (id: string) => ({ id, data: { accountId: acc.direct.id, period } });
    const [a, b] = await Promise.all([collector.collect([job('a')]), collector.collect([job('b')])]);
    expect([a.get('a')!.kind, b.get('b')!.kind].sort()).toEqual(['duplicate', 'stored']);
    expect(await snapshotsOf(h.db, acc.direct.id)).toHaveLength(1);
    const again = await collector.collect([job('c')]);
    expect(again.get('c')).toEqual({ kind: 'duplicate' });
    expect(await snapshotsOf(h.db, acc.direct.id)).toHaveLength(1);
  }, 30_000);
});
