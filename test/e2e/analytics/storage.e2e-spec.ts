import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kabar/database';
import { seedDemoUnits } from '@kabar/demo';
import { UnitEntity } from '@kabar/org';
import {
  dropPartitionsBefore,
  ensureMonthPartitions,
  ingestPostMetrics,
  ingestSnapshots,
  nextMetricsDue,
  rebuildAccountDaily,
  rebuildUnitDaily,
} from '@kabar/analytics';
import { createTestDatabase } from '../../support/test-database';

const KEL_A = '32.71.01.1001'; // Batutulis, Kecamatan Bogor Selatan (32.71.01)
const KEL_B = '32.71.01.1002';
const KEC = '32.71.01';

describe('analytics storage: raw rows, daily rollups in the local day, subtree sums', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  const unit: Record<string, string> = {};

  async function account(unitCode: string, n: number): Promise<string> {
    const [row] = await ds.query(
      `INSERT INTO social_accounts (unit_id, platform, external_id, handle, credentials_enc) VALUES ($1, 'instagram', $2, $2, 'v1.test') RETURNING id`,
      [unit[unitCode], `storage-${unitCode}-${n}`],
    );
    return row.id;
  }
  const daily = (accountId: string) =>
    ds.query(
      `SELECT day::text, followers_first, followers_last, followers_min, followers_max, snapshots FROM account_daily WHERE account_id = $1 ORDER BY day`,
      [accountId],
    );
  const unitDay = async (code: string, day: string) =>
    (await ds.query(`SELECT followers::int, accounts, own_followers::int, own_accounts FROM unit_daily WHERE unit_id = $1 AND day = $2`, [unit[code], day]))[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, [UnitEntity]));
    await ds.initialize();
    await seedDemoUnits(ds, 'Asia/Jakarta');
    for (const r of await ds.query(`SELECT id, code FROM units WHERE code IN ($1, $2, $3) OR parent_id IS NULL`, [KEL_A, KEL_B, KEC])) {
      unit[r.code ?? 'root'] = r.id;
    }
    const rootCode = (await ds.query(`SELECT code FROM units WHERE parent_id IS NULL`))[0].code;
    unit.root = unit[rootCode];
    await ensureMonthPartitions(ds, 'account_snapshots', new Date('2026-09-01'), new Date('2026-12-01'));
    await ensureMonthPartitions(ds, 'post_metrics', new Date('2026-09-01'), new Date('2026-12-01'));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('puts 16:59:59Z in one WIB day and 17:00:00Z in the next, across a month boundary; sums every ancestor', async () => {
    const a = await account(KEL_A, 1);
    const b = await account(KEL_B, 1);
    await ds.transaction((em) =>
      ingestSnapshots(em, [
        { accountId: a, at: new Date('2026-10-31T16:59:59Z'), followers: 100 },
        { accountId: a, at: new Date('2026-10-31T17:00:00Z'), followers: 110 },
        { accountId: a, at: new Date('2026-11-01T10:00:00Z'), followers: 115 },
        { accountId: b, at: new Date('2026-11-01T05:00:00Z'), followers: 200 },
      ]),
    );
    expect(await daily(a)).toEqual([
      { day: '2026-10-31', followers_first: 100, followers_last: 100, followers_min: 100, followers_max: 100, snapshots: 1 },
      { day: '2026-11-01', followers_first: 110, followers_last: 115, followers_min: 110, followers_max: 115, snapshots: 2 },
    ]);
    expect(await unitDay(KEL_A, '2026-11-01')).toEqual({ followers: 115, accounts: 1, own_followers: 115, own_accounts: 1 });
    expect(await unitDay(KEL_B, '2026-11-01')).toEqual({ followers: 200, accounts: 1, own_followers: 200, own_accounts: 1 });
    expect(await unitDay(KEC, '2026-11-01')).toEqual({ followers: 315, accounts: 2, own_followers: 0, own_accounts: 0 });
    expect(await unitDay('root', '2026-11-01')).toEqual({ followers: 315, accounts: 2, own_followers: 0, own_accounts: 0 });
    expect(await unitDay('root', '2026-10-31')).toEqual({ followers: 100, accounts: 1, own_followers: 0, own_accounts: 0 });
    expect(await unitDay(KEL_B, '2026-10-31')).toBeUndefined(); // a gap stays a gap

    // a late reading from earlier in the day does not replace the last one; a repeated reading is ignored
    const added = await ds.transaction((em) =>
      ingestSnapshots(em, [
        { accountId: a, at: new Date('2026-11-01T08:00:00Z'), followers: 108 },
        { accountId: a, at: new Date('2026-11-01T10:00:00Z'), followers: 999 },
      ]),
    );
    expect(added).toBe(1);
    expect((await daily(a))[1]).toEqual({ day: '2026-11-01', followers_first: 110, followers_last: 115, followers_min: 108, followers_max: 115, snapshots: 3 });
    expect((await unitDay('root', '2026-11-01')).followers).toBe(315);
  });

  it('keeps subtree sums right when many ingests of the same day commit concurrently', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => account(i % 2 ? KEL_A : KEL_B, 100 + i)));
    const before = (await unitDay('root', '2026-11-02'))?.followers ?? 0;
    await Promise.all(
      ids.map((accountId, i) => ds.transaction((em) => ingestSnapshots(em, [{ accountId, at: new Date('2026-11-02T03:00:00Z'), followers: 10 * (i + 1) }]))),
    );
    const expected = ids.reduce((s, _, i) => s + 10 * (i + 1), 0);
    expect(await unitDay('root', '2026-11-02')).toEqual({ followers: before + expected, accounts: 12, own_followers: 0, own_accounts: 0 });
    const kelA = ids.reduce((s, _, i) => s + (i % 2 ? 10 * (i + 1) : 0), 0);
    expect((await unitDay(KEL_A, '2026-11-02')).followers).toBe(kelA);
  });

  it("keeps one account's day right when its readings are ingested concurrently", async () => {
    const a = await account(KEL_B, 300);
    const before = (await unitDay(KEL_B, '2026-11-04'))?.followers ?? 0;
    const hours = [1, 2, 3, 4, 5, 6, 7, 8];
    await Promise.all(
      hours.map((h) => ds.transaction((em) => ingestSnapshots(em, [{ accountId: a, at: new Date(`2026-11-04T0${h}:00:00Z`), followers: 1000 + h }]))),
    );
    expect((await daily(a))[0]).toEqual({
      day: '2026-11-04',
      followers_first: 1001,
      followers_last: 1008,
      followers_min: 1001,
      followers_max: 1008,
      snapshots: 8,
    });
    expect(await unitDay(KEL_B, '2026-11-04')).toEqual({ followers: before + 1008, accounts: 1, own_followers: before + 1008, own_accounts: 1 });
  });

  it('rebuilds the same rollups from raw rows as the incremental path wrote', async () => {
    const snapshot = async () => ({
      accountDaily: await ds.query(
        `SELECT account_id, day::text, followers_first, followers_last, followers_min, followers_max, snapshots FROM account_daily ORDER BY 1, 2`,
      ),
      unitDaily: await ds.query(`SELECT unit_id, day::text, followers::int, accounts, own_followers::int, own_accounts FROM unit_daily ORDER BY 1, 2`),
    });
    const incremental = await snapshot();
    await rebuildAccountDaily(ds, '2026-10-01', '2026-11-30');
    await rebuildUnitDaily(ds, '2026-10-01', '2026-11-30');
    expect(await snapshot()).toEqual(incremental);
    expect(incremental.unitDaily.length).toBeGreaterThan(5);
  });

  it('keeps the latest post reading per target with the followers at the time of the post', async () => {
    const a = await account(KEL_A, 50);
    await ds.transaction((em) => ingestSnapshots(em, [{ accountId: a, at: new Date('2026-11-03T01:00:00Z'), followers: 400 }]));
    const [post] = await ds.query(`INSERT INTO posts (unit_id, pillar, status) VALUES ($1, 'cerita_wilayah', 'published') RETURNING id`, [unit[KEL_A]]);
    const [target] = await ds.query(
      `INSERT INTO post_targets (post_id, account_id, language, status, external_id, published_at, idempotency_key)
       VALUES ($1, $2, 'id', 'published', 'ext-1', '2026-11-03T02:00:00Z', 'k1') RETURNING id`,
      [post.id, a],
    );
    await ds.query(`UPDATE social_accounts SET followers = 450 WHERE id = $1`, [a]);
    await ds.transaction((em) =>
      ingestPostMetrics(em, [
        { targetId: target.id, at: new Date('2026-11-03T04:00:00Z'), likes: 30, comments: 4, shares: 2, views: 900 },
        { targetId: target.id, at: new Date('2026-11-03T03:00:00Z'), likes: 10, comments: 1, shares: 0, views: 300 },
      ]),
    );
    await ds.transaction((em) => ingestPostMetrics(em, [{ targetId: target.id, at: new Date('2026-11-03T02:30:00Z'), likes: 5 }]));
    const [m] = await ds.query(
      `SELECT likes, comments, shares, views, interactions, followers_at_post, collections, unit_id FROM target_metrics WHERE target_id = $1`,
      [target.id],
    );
    expect(m).toEqual({ likes: 30, comments: 4, shares: 2, views: 900, interactions: 36, followers_at_post: 400, collections: 1, unit_id: unit[KEL_A] });
    expect(Number((await ds.query(`SELECT count(*) FROM post_metrics WHERE target_id = $1`, [target.id]))[0].count)).toBe(3);
  });

  it('reads a young post hourly, then daily, then weekly, then stops', () => {
    const pub = new Date('2026-11-01T00:00:00Z');
    const at = (h: number) => new Date(pub.getTime() + h * 3_600_000);
    expect(nextMetricsDue(pub, at(2))).toEqual(at(3));
    expect(nextMetricsDue(pub, at(48))).toEqual(at(72));
    expect(nextMetricsDue(pub, at(24 * 40))).toEqual(at(24 * 47));
    expect(nextMetricsDue(pub, at(24 * 91))).toBeNull();
  });

  it('creates monthly partitions ahead and drops whole months past retention', async () => {
    expect(await ensureMonthPartitions(ds, 'post_metrics', new Date('2027-06-15'), new Date('2027-08-01'))).toBe(3);
    expect(await ensureMonthPartitions(ds, 'post_metrics', new Date('2027-06-15'), new Date('2027-08-01'))).toBe(0);
    const dropped = await dropPartitionsBefore(ds, 'account_snapshots', new Date('2026-11-01T00:00:00Z'));
    expect(dropped).toEqual(expect.arrayContaining(['account_snapshots_202609', 'account_snapshots_202610']));
    expect(dropped).not.toContain('account_snapshots_202611');
    // the rollups outlive the raw rows
    expect(Number((await ds.query(`SELECT count(*) FROM account_daily WHERE day = '2026-10-31'`))[0].count)).toBe(1);
  });
});
