import { Pool } from 'pg';
import { createTestDatabase } from '../../../test/support/test-database';
import { DEFAULT_SHARED_LIMITS, holdsFromHeaders, quotaDay, SharedLimits, SharedLimitSettings } from '../src';
import { ConcurrencySlots } from '../src/shared-limits/concurrency-slots';
import { QuotaDays } from '../src/shared-limits/quota-days';
import { TokenBuckets } from '../src/shared-limits/token-buckets';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('quota days and rate headers (pure)', () => {
  it("YouTube's day runs midnight to midnight Pacific time, summer and winter", () => {
    expect(quotaDay(new Date('2026-12-03T07:59:59Z'), 'America/Los_Angeles')).toEqual({
      day: '2026-12-02',
      startsAt: new Date('2026-12-02T08:00:00Z'),
      resetsAt: new Date('2026-12-03T08:00:00Z'),
    });
    expect(quotaDay(new Date('2026-07-01T07:00:00Z'), 'America/Los_Angeles')).toMatchObject({ day: '2026-07-01', resetsAt: new Date('2026-07-02T07:00:00Z') });
    // the night clocks go forward (8 March 2026): the day is 23 hours long
    expect(quotaDay(new Date('2026-03-08T12:00:00Z'), 'America/Los_Angeles')).toMatchObject({
      startsAt: new Date('2026-03-08T08:00:00Z'),
      resetsAt: new Date('2026-03-09T07:00:00Z'),
    });
  });

  it('reads exhausted budgets from X, Mastodon and Meta headers, and nothing from budgets left', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    const s = now.getTime() / 1000;
    expect(holdsFromHeaders({ 'x-rate-limit-remaining': '12', 'x-rate-limit-reset': String(s + 60) }, now)).toEqual([]);
    expect(
      holdsFromHeaders(
        {
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(s + 60),
          'x-app-limit-24hour-remaining': '0',
          'x-app-limit-24hour-reset': String(s + 3600),
        },
        now,
      ),
    ).toEqual([
      { scope: 'account', until: new Date('2026-12-03T10:01:00Z'), reason: 'x-rate-limit', id: undefined },
      { scope: 'app', until: new Date('2026-12-03T11:00:00Z'), reason: 'x-app-limit-24hour', id: undefined },
    ]);
    expect(holdsFromHeaders({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-12-03T10:05:00.000000Z' }, now)).toEqual([
      { scope: 'account', until: new Date('2026-12-03T10:05:00Z'), reason: 'x-ratelimit', id: undefined },
    ]);
    const buc = JSON.stringify({ '1234': [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 25, estimated_time_to_regain_access: 7 }] });
    expect(holdsFromHeaders({ 'x-business-use-case-usage': buc, 'x-app-usage': '{"call_count":100,"total_time":3,"total_cputime":4}' }, now)).toEqual([
      { scope: 'app', until: new Date('2026-12-03T10:10:00Z'), reason: 'x-app-usage', id: undefined },
      { scope: 'account', id: '1234', until: new Date('2026-12-03T10:07:00Z'), reason: 'x-business-use-case-usage' },
    ]);
    // a reset in the past, or a broken header, holds nothing; a reset far away is capped at 25 h
    expect(holdsFromHeaders({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'soon' }, now)).toEqual([]);
    expect(holdsFromHeaders({ 'x-app-usage': '{oops' }, now)).toEqual([]);
    expect(holdsFromHeaders({ 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': String(s + 30 * 86400) }, now)[0].until).toEqual(
      new Date('2026-12-04T11:00:00Z'),
    );
  });
});

describe('shared limits in PostgreSQL', () => {
  let tdb: { url: string; drop(): Promise<void> };
  let pool: Pool;
  const settings = (over: Partial<SharedLimitSettings> = {}): SharedLimitSettings => ({
    ...DEFAULT_SHARED_LIMITS,
    publishPerPlatformRate: 0,
    ...over,
  });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    pool = new Pool({ connectionString: tdb.url, max: 12 });
  });
  afterAll(async () => {
    await pool.end();
    await tdb.drop();
  });

  it('holds an account to its concurrency across two "processes" (two slot sets on one database)', async () => {
    const a = new ConcurrencySlots(pool, 2, 5_000);
    const b = new ConcurrencySlots(pool, 2, 5_000);
    let now = 0;
    let peak = 0;
    const call = async () => {
      now++;
      peak = Math.max(peak, now);
      await sleep(40);
      now--;
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).run('mastodon:acc-1', call)));
    expect(peak).toBe(2);
    expect(await a.inUse('mastodon:acc-1')).toBe(0);
  });

  it("frees a dead holder's slot when its lease runs out", async () => {
    await pool.query(`INSERT INTO limit_slots (key, slot, holder, lease_until) VALUES ('x:dead', 0, gen_random_uuid(), now() + interval '400 milliseconds')`);
    const slots = new ConcurrencySlots(pool, 1, 5_000);
    const started = Date.now();
    await slots.run('x:dead', async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('renews the lease of a long call, so no other process takes its slot', async () => {
    const a = new ConcurrencySlots(pool, 1, 300);
    const b = new ConcurrencySlots(pool, 1, 300);
    const order: string[] = [];
    const long = a.run('tiktok:long', async () => {
      await sleep(900);
      order.push('long done');
    });
    await sleep(50);
    await b.run('tiktok:long', async () => void order.push('second'));
    await long;
    expect(order).toEqual(['long done', 'second']);
  });

  it('token buckets: capacity, then a wait; a refund gives a token back', async () => {
    const buckets = new TokenBuckets(pool);
    for (let i = 0; i < 3; i++) expect(await buckets.take('t:1', 3, 1)).toEqual({ ok: true });
    const refused = await buckets.take('t:1', 3, 1);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.waitMs).toBeGreaterThan(800);
    await buckets.refund('t:1', 3);
    expect(await buckets.take('t:1', 3, 1)).toEqual({ ok: true });
  });

  it('quota days: spends until the budget, per day', async () => {
    const q = new QuotaDays(pool);
    expect(await q.spend('yt', '2026-12-03', 1600, 3200)).toBe(true);
    expect(await q.spend('yt', '2026-12-03', 1600, 3200)).toBe(true);
    expect(await q.spend('yt', '2026-12-03', 1600, 3200)).toBe(false);
    expect(await q.spend('yt', '2026-12-03', 1, 3200)).toBe(false);
    expect(await q.spent('yt', '2026-12-03')).toBe(3200);
    expect(await q.spend('yt', '2026-12-04', 1600, 3200)).toBe(true);
  });

  it('a YouTube upload that does not fit the day waits for midnight Pacific time', async () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const limits = new SharedLimits(pool, settings({ youtubeDailyUnits: 3300, youtubeUploadUnits: 1600 }), () => now);
    expect(await limits.admitPublish('youtube', 'chan-1')).toEqual({ ok: true });
    expect(await limits.admitPublish('youtube', 'chan-2')).toEqual({ ok: true });
    expect(await limits.admitPublish('youtube', 'chan-1')).toEqual({
      ok: false,
      until: new Date('2026-12-04T08:00:00Z'),
      reason: 'youtube_daily_units',
      detail: '2026-12-03',
    });
    // collection keeps one upload's units free for publishing: 100 left, all below that line
    expect(await limits.admitCollect('youtube', 'chan-1')).toMatchObject({ ok: false, reason: 'youtube_daily_units' });
    expect(await limits.youtubeDay(now)).toMatchObject({ day: '2026-12-03', spent: 3200, budget: 3300 });
  });

  it("posts per day per account and per app (X's tier), the account's refusal refunds nothing it did not spend", async () => {
    const limits = new SharedLimits(pool, settings({ postsPerDay: { x: 2 }, appPostsPerDay: { x: 3 } }));
    expect(await limits.admitPublish('x', 'u1')).toEqual({ ok: true });
    expect(await limits.admitPublish('x', 'u1')).toEqual({ ok: true });
    const third = await limits.admitPublish('x', 'u1');
    expect(third).toMatchObject({ ok: false, reason: 'posts_per_day' });
    expect(await limits.admitPublish('x', 'u2')).toEqual({ ok: true });
    // the app's third post went to u2: u3 finds the app's day full, and its own account token is given back
    expect(await limits.admitPublish('x', 'u3')).toMatchObject({ ok: false, reason: 'app_posts_per_day' });
    const { rows } = await pool.query(`SELECT round(tokens)::int AS t FROM limit_buckets WHERE key = 'posts:x:acct:u3'`);
    expect(rows[0].t).toBe(2);
  });

  it('rate headers become holds every process sees: a long one makes the post wait, a short one is waited out', async () => {
    const a = new SharedLimits(pool, settings());
    const b = new SharedLimits(pool, settings());
    a.observe('mastodon', 'm1', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 60_000).toISOString() });
    a.observe('mastodon', 'm2', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 600).toISOString() });
    await sleep(100); // observe writes in the background
    expect(await b.admitPublish('mastodon', 'm1')).toMatchObject({ ok: false, reason: 'rate_hold', detail: 'x-ratelimit' });
    const started = Date.now();
    expect(await b.admitPublish('mastodon', 'm2')).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await b.admitCollect('mastodon', 'm1')).toMatchObject({ ok: false, reason: 'rate_hold' });
  });

  it('posts per minute per account: a third post within the minute waits about half a minute', async () => {
    const limits = new SharedLimits(pool, settings({ publishPerAccountPerMinute: 2 }));
    expect(await limits.admitPublish('telegram', 'c1')).toEqual({ ok: true });
    expect(await limits.admitPublish('telegram', 'c1')).toEqual({ ok: true });
    const before = Date.now();
    const third = await limits.admitPublish('telegram', 'c1');
    expect(third).toMatchObject({ ok: false, reason: 'account_rate' });
    const waitMs = !third.ok ? third.until.getTime() - before : 0;
    expect(waitMs).toBeGreaterThan(25_000);
    expect(waitMs).toBeLessThanOrEqual(31_000);
    expect(await limits.admitPublish('telegram', 'c2')).toEqual({ ok: true });
  });

  it('a platform rate shared by two processes', async () => {
    const a = new SharedLimits(pool, settings({ publishPerPlatformRate: 5 }));
    const b = new SharedLimits(pool, settings({ publishPerPlatformRate: 5 }));
    const started = Date.now();
    await Promise.all(Array.from({ length: 15 }, (_, i) => (i % 2 ? a : b).admitPublish('facebook', `p${i}`)));
    // 5 at once (a second's burst), then 5 a second: the last ten need about two seconds
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_700);
  });
});
