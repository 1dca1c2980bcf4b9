import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kabar/database';
import { seedDemoUnits } from '@kabar/demo';
import { seedDemoContent } from '@kabar/demo';
import { SandboxHandle, SandboxPlatform, startSandbox } from '@kabar/sandbox';
import { ALL_ENTITIES } from '@kabar/runtime';
import { syncSandboxAccounts } from '@kabar/demo';
import { createTestDatabase } from '../../support/test-database';
import { testConfig } from '../../support/test-app';

const count = async (ds: DataSource, sql: string): Promise<number> => Number((await ds.query(sql))[0].n);

describe('demo analytics history (first start of the embedded default)', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  let sb: SandboxHandle;
  const config = testConfig({ seedDemo: true, sandbox: true });
  let first: Awaited<ReturnType<typeof syncSandboxAccounts>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, ALL_ENTITIES));
    await ds.initialize();
    await seedDemoUnits(ds, config.defaultTimeZone);
    await seedDemoContent(ds);
    sb = await startSandbox();
    first = await syncSandboxAccounts(ds, config, sb);
    process.stdout.write(`demo history: ${JSON.stringify(first)}\n`);
  }, 120_000);
  afterAll(async () => {
    await sb.close();
    await ds.destroy();
    await db.drop();
  });

  it('creates accounts for every kelurahan, kecamatan and some offices, each with a history', async () => {
    expect(first.created).toBeGreaterThanOrEqual(100);
    expect(await count(ds, `SELECT count(DISTINCT s.unit_id) AS n FROM social_accounts s JOIN units u ON u.id = s.unit_id WHERE u.kind = 'kelurahan'`)).toBe(
      68,
    );
    expect(await count(ds, `SELECT count(*) AS n FROM social_accounts s JOIN units u ON u.id = s.unit_id WHERE u.kind = 'kecamatan'`)).toBe(12);
    expect(await count(ds, `SELECT count(*) AS n FROM social_accounts s JOIN units u ON u.id = s.unit_id WHERE u.code = '32.71.OPD.DISKOMINFO'`)).toBe(8);
    expect(first.history).not.toBeNull();
    expect(first.history!.accounts).toBe(first.created);
  });

  it('gives every account 365 days of account_daily and the city one complete unit_daily row a day', async () => {
    const perAccount: Array<{ days: number }> = await ds.query(
      `SELECT count(ad.day)::int AS days FROM social_accounts s LEFT JOIN account_daily ad ON ad.account_id = s.id GROUP BY s.id`,
    );
    expect(perAccount).toHaveLength(first.created);
    expect(new Set(perAccount.map((r) => r.days))).toEqual(new Set([365]));
    const city: Array<{ days: number; min_accounts: number; max_accounts: number; first: string; last: string }> = await ds.query(
      `SELECT count(*)::int AS days, min(accounts) AS min_accounts, max(accounts) AS max_accounts, min(followers)::text AS first, max(followers)::text AS last
         FROM unit_daily WHERE unit_id = (SELECT id FROM units WHERE parent_id IS NULL)`,
    );
    expect(city[0]).toMatchObject({ days: 365, min_accounts: first.created, max_accounts: first.created });
    // the city grows over the year overall
    const ends: Array<{ followers: string }> = await ds.query(
      `SELECT followers::text FROM unit_daily WHERE unit_id = (SELECT id FROM units WHERE parent_id IS NULL) AND day IN ((SELECT min(day) FROM unit_daily), (SELECT max(day) FROM unit_daily)) ORDER BY day`,
    );
    expect(Number(ends[1].followers)).toBeGreaterThan(Number(ends[0].followers) * 1.1);
  });

  it('publishes a year of posts (2–6 a week per unit) with targets and their metrics, never due for collection', async () => {
    const posts = await count(ds, `SELECT count(*) AS n FROM posts WHERE status = 'published'`);
    expect(posts).toBe(first.history!.posts);
    const units = await count(ds, `SELECT count(DISTINCT unit_id) AS n FROM social_accounts`);
    expect(posts / units / 52).toBeGreaterThan(2);
    expect(posts / units / 52).toBeLessThan(6);
    expect(await count(ds, `SELECT count(*) AS n FROM post_targets WHERE status = 'published'`)).toBe(first.history!.targets);
    expect(
      await count(
        ds,
        `SELECT count(*) AS n FROM post_targets WHERE external_id IS NULL OR external_url IS NULL OR published_at IS NULL OR metrics_due_at IS NOT NULL`,
      ),
    ).toBe(0);
    expect(await count(ds, `SELECT count(*) AS n FROM post_targets t LEFT JOIN target_metrics m ON m.target_id = t.id WHERE m.target_id IS NULL`)).toBe(0);
    expect(await count(ds, `SELECT count(*) AS n FROM post_metrics`)).toBe(first.history!.readings);
    expect(await count(ds, `SELECT count(*) AS n FROM target_metrics WHERE followers_at_post IS NULL`)).toBe(0);
    // Telegram shows views only; Instagram likes ≫ comments ≥ shares on average
    expect(await count(ds, `SELECT count(*) AS n FROM target_metrics WHERE platform = 'telegram' AND (likes IS NOT NULL OR views IS NULL)`)).toBe(0);
    const ig: Array<{ likes: number; comments: number; shares: number; views: number }> = await ds.query(
      `SELECT avg(likes)::float AS likes, avg(comments)::float AS comments, avg(shares)::float AS shares, avg(views)::float AS views FROM target_metrics WHERE platform = 'instagram'`,
    );
    expect(ig[0].views).toBeGreaterThan(5 * ig[0].likes);
    expect(ig[0].likes).toBeGreaterThan(5 * ig[0].comments);
    expect(ig[0].comments).toBeGreaterThanOrEqual(ig[0].shares);
    // pillars, programs, English tourism variants and English targets are all there
    expect(await count(ds, `SELECT count(DISTINCT pillar) AS n FROM posts`)).toBe(5);
    expect(await count(ds, `SELECT count(DISTINCT program_id) AS n FROM posts`)).toBeGreaterThanOrEqual(6);
    expect(await count(ds, `SELECT count(*) AS n FROM post_variants WHERE language = 'en'`)).toBeGreaterThan(50);
    expect(await count(ds, `SELECT count(*) AS n FROM post_targets WHERE language = 'en'`)).toBeGreaterThan(10);
    // posted mostly at the realistic hours (WIB)
    const night = await count(ds, `SELECT count(*) AS n FROM posts WHERE extract(hour FROM scheduled_at AT TIME ZONE 'Asia/Jakarta') NOT BETWEEN 6 AND 22`);
    expect(night).toBe(0);
  });

  it("sets this month's follower and posting targets for every kecamatan and a few kelurahan", async () => {
    const rows: Array<{ kind: string; n: number }> = await ds.query(
      `SELECT u.kind, count(*)::int AS n FROM unit_targets t JOIN units u ON u.id = t.unit_id
        WHERE t.month = date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date GROUP BY u.kind ORDER BY u.kind`,
    );
    expect(rows.find((r) => r.kind === 'kecamatan')?.n).toBe(6);
    expect(rows.find((r) => r.kind === 'kelurahan')?.n).toBeGreaterThanOrEqual(3);
    expect(await count(ds, `SELECT count(*) AS n FROM unit_targets WHERE followers_target <= 0 OR posts_target NOT BETWEEN 12 AND 24`)).toBe(0);
  });

  it('history and the live sandbox are one curve: the sandbox at a reading time answers the stored reading', async () => {
    const [snap]: Array<{ platform: SandboxPlatform; external_id: string; at: Date; followers: number }> = await ds.query(
      `SELECT s.platform, s.external_id, sn.at, sn.followers FROM account_snapshots sn JOIN social_accounts s ON s.id = sn.account_id
        WHERE s.platform = 'instagram' ORDER BY sn.at LIMIT 1 OFFSET 5000`,
    );
    const offset = new Date(snap.at).getTime() - sb.store.now();
    sb.store.advanceTime(offset);
    try {
      expect(sb.store.account(snap.platform, snap.external_id)!.followers).toBe(snap.followers);
    } finally {
      sb.store.advanceTime(-offset);
    }
  });

  it('running again adds nothing, and a restarted sandbox continues each account from its last reading', async () => {
    const tables = ['account_snapshots', 'account_daily', 'unit_daily', 'posts', 'post_targets', 'post_metrics', 'target_metrics', 'unit_targets'];
    const before = await Promise.all(tables.map((t) => count(ds, `SELECT count(*) AS n FROM ${t}`)));
    const restarted = await startSandbox();
    try {
      const again = await syncSandboxAccounts(ds, config, restarted);
      expect(again).toEqual({ restored: first.created, created: 0, history: null });
      expect(await Promise.all(tables.map((t) => count(ds, `SELECT count(*) AS n FROM ${t}`)))).toEqual(before);
      for (const a of sb.store.listAccounts().slice(0, 30)) {
        const live = restarted.store.account(a.platform, a.externalId)!.followers;
        expect(Math.abs(live - a.followers)).toBeLessThanOrEqual(1);
      }
    } finally {
      await restarted.close();
    }
  });
});
