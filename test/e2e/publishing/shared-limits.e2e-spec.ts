import { randomUUID } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { Pool } from 'pg';
import { quotaDay } from '@kabar/platforms';
import { SandboxHandle } from '@kabar/sandbox';
import {
  FixtureAccount,
  PublishingHarness,
  WorkerProcess,
  createAccount,
  ensureUnit,
  schedulePosts,
  startPublishingHarness,
  statusCounts,
  waitFor,
} from './publishing-fixtures';

jest.setTimeout(90_000);

const RATE = 4;
/** Every worker gets the same limits: they hold across the four processes, not in each one. */
const ENV = {
  KABAR_WORKER_CONCURRENCY: '16',
  KABAR_ADUAN_COLLECT_INTERVAL: '0', // the sandbox counts publishing's calls alone
  KABAR_PUBLISH_PER_ACCOUNT_CONCURRENCY: '1',
  KABAR_PUBLISH_PER_PLATFORM_RATE: String(RATE),
  KABAR_LIMIT_SLOT_LEASE: '1s',
  KABAR_YOUTUBE_DAILY_UNITS: '3200', // two uploads a day
  KABAR_YOUTUBE_UPLOAD_UNITS: '1600',
  KABAR_PLATFORM_POLL_INTERVAL: '100ms',
};

/** Serves the video at the signed public URL Kabar hands to YouTube (any media id). */
async function videoServer(data: Buffer): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': data.length }).end(req.method === 'HEAD' ? undefined : data);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('limits shared by four worker processes', () => {
  let h: PublishingHarness;
  let db: Pool;
  let sb: SandboxHandle;
  let video: { url: string; close(): Promise<void> };
  const workers: WorkerProcess[] = [];
  let unit: string;

  beforeAll(async () => {
    h = await startPublishingHarness({ latencyMs: 150 });
    ({ db, sb } = h);
    unit = await ensureUnit(db);
    video = await videoServer(Buffer.from(await (await fetch(`${sb.url}/_sandbox/media/clip.mp4?bytes=200000`)).arrayBuffer()));
    for (let i = 0; i < 4; i++) workers.push(await h.spawn({ ...ENV, KABAR_PUBLIC_URL: video.url }));
    await Promise.all(workers.map((w) => w.ready()));
  });
  afterAll(async () => {
    await h?.close();
    await video?.close();
  });

  it("an account's concurrency and a platform's rate hold across all workers; YouTube's day stops uploads at its budget", async () => {
    const accounts: FixtureAccount[] = [];
    for (let i = 0; i < 4; i++) accounts.push(await createAccount(db, sb, unit, 'mastodon'));
    const channel = await createAccount(db, sb, unit, 'youtube');
    // The rate's judge: one post on each of 24 Pages (no account waits for another, so calls arrive as they are let through).
    const pages: FixtureAccount[] = [];
    for (let i = 0; i < 24; i++) pages.push(await createAccount(db, sb, unit, 'facebook'));
    // This account's first toot is answered 429 with X-RateLimit-Remaining: 0 until 9 s later: a hold for every worker.
    const paused = await createAccount(db, sb, unit, 'mastodon');
    sb.store.injectFault({ platform: 'mastodon', accountExternalId: paused.externalId, kind: '429', calls: 'create', count: 1, resetInSeconds: 9 });
    const [refused] = await schedulePosts(db, unit, [{ account: paused, at: new Date(), text: 'Pengumuman [H0] ditolak' }]);
    await waitFor(
      'the 429 and its hold',
      async () => {
        const { rows } = await db.query(
          `SELECT 1 FROM post_targets t, limit_holds h WHERE t.id = $1 AND t.last_error_class = 'rate_limited' AND h.key = $2 AND h.until > now()`,
          [refused.id, `mastodon:acct:${paused.externalId}`],
        );
        return rows.length > 0;
      },
      20_000,
      100,
    );
    await new Promise((r) => setTimeout(r, 1_100)); // every worker reads the running holds at least once a second
    const at = new Date(Date.now() + 500);
    const posts = await schedulePosts(db, unit, [
      ...Array.from({ length: 24 }, (_, i) => ({ account: accounts[i % 4], at, text: `Pengumuman [L${i}] jadwal posyandu` })),
      ...Array.from({ length: 3 }, (_, i) => ({ account: channel, at, text: `Video kerja bakti [V${i}]` })),
      ...Array.from({ length: 2 }, (_, i) => ({ account: paused, at, text: `Pengumuman [H${i + 1}] ditahan` })),
      ...pages.map((account, i) => ({ account, at, text: `Info layanan [F${i}] Kota Bogor` })),
    ]);
    const mediaId = randomUUID();
    await db.query(
      `INSERT INTO media (id, unit_id, kind, mime_type, bytes, width, height, storage_key, original_name, sha256)
       VALUES ($1, $2, 'video', 'video/mp4', 200000, 1080, 1920, $3, 'limits.mp4', repeat('0', 64))`,
      [mediaId, unit, mediaId],
    );
    const videos = posts.slice(24, 27);
    const held = [refused.id, ...posts.slice(27, 29).map((p) => p.id)];
    const feed = posts.slice(29).map((p) => p.id);
    await db.query(`INSERT INTO post_media (post_id, media_id, position) SELECT unnest($1::uuid[]), $2, 0`, [videos.map((p) => p.postId), mediaId]);

    const toots = posts.slice(0, 24).map((p) => p.id);
    let waitedForHold = 0;
    await waitFor(
      'the toots, the held ones and the Page posts published',
      async () => {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM post_targets WHERE id = ANY($1::uuid[]) AND budget_wait = 'rate_hold'`, [held]);
        waitedForHold = Math.max(waitedForHold, rows[0].n);
        return (await statusCounts(db, [...toots, ...held, ...feed])).published === 51;
      },
      45_000,
      100,
    );
    await waitFor(
      'the videos published or waiting',
      async () => {
        const { rows } = await db.query(`SELECT status, budget_wait FROM post_targets WHERE id = ANY($1::uuid[])`, [videos.map((v) => v.id)]);
        return rows.every((r) => r.status === 'published' || (r.status === 'scheduled' && r.budget_wait === 'youtube_daily_units'));
      },
      30_000,
    );

    // Concurrency 1 per account: never two calls of one account at the sandbox, although all four workers published for it.
    for (const a of accounts) expect(sb.calls.maxInFlight('mastodon', a.externalId)).toBe(1);
    const { rows: byWorker } = await db.query(`SELECT count(DISTINCT pa.worker)::int AS n FROM publish_attempts pa WHERE pa.target_id = ANY($1::uuid[])`, [
      toots,
    ]);
    expect(byWorker[0].n).toBeGreaterThan(1);
    // RATE posts a second to Facebook, all workers together: a second's burst, then RATE a second. Judged where the
    // posts are let through (each attempt is recorded right after, on the database's clock): any second holds at most
    // 2 × RATE (a bucket per worker would allow that per worker) and the 24 take (24 − RATE) / RATE seconds. At the
    // sandbox they arrive spread over seconds too (arrivals lag by up to a second on a busy machine: a looser bound).
    const { rows: attempts } = await db.query(
      `SELECT (extract(epoch FROM started_at) * 1000)::float8 AS at FROM publish_attempts WHERE target_id = ANY($1::uuid[]) AND kind = 'send' ORDER BY started_at`,
      [feed],
    );
    expect(attempts).toHaveLength(24);
    const most = (times: number[], windowMs: number) => {
      let best = 0;
      for (let i = 0, j = 0; j < times.length; j++) {
        while (times[j] - times[i] >= windowMs) i++;
        best = Math.max(best, j - i + 1);
      }
      return best;
    };
    const perSecond = most(
      attempts.map((r) => Number(r.at)),
      1000,
    );
    expect(perSecond).toBeLessThanOrEqual(2 * RATE + 1); // +1: the clock of two statements, not of the bucket
    const attemptSpan = Math.round(Number(attempts[23].at) - Number(attempts[0].at));
    expect(attemptSpan).toBeGreaterThanOrEqual(((24 - RATE) / RATE) * 1000 - 500);
    const starts = sb.calls
      .calls({ platform: 'facebook', create: true })
      .map((c) => c.at)
      .sort((x, y) => x - y);
    expect(starts).toHaveLength(24);
    expect(starts[23] - starts[0]).toBeGreaterThanOrEqual(((24 - RATE) / RATE) * 1000 - 2000);

    // The hold the 429's headers set: the account's other toots waited for it (on their targets), no call went out before its end.
    expect(waitedForHold).toBeGreaterThan(0);
    const heldCalls = sb.calls.calls({ platform: 'mastodon', account: paused.externalId, create: true }).map((c) => c.at);
    expect(heldCalls).toHaveLength(4); // the refused call, then the three posts
    for (const t of heldCalls.slice(1)) expect(t - heldCalls[0]).toBeGreaterThanOrEqual(8_000);

    // YouTube: two uploads fit a day; the third waits for midnight Pacific time, on its target, not failed.
    const { rows: days } = await db.query(`SELECT day::text FROM limit_quota_days WHERE key = 'youtube:app:units'`);
    const { rows: vt } = await db.query(`SELECT status, budget_wait, next_attempt_at FROM post_targets WHERE id = ANY($1::uuid[])`, [videos.map((v) => v.id)]);
    const published = vt.filter((r) => r.status === 'published').length;
    expect(days.length).toBeGreaterThan(0);
    process.stdout.write(
      `shared limits: ${byWorker[0].n} workers published for 4 accounts; most calls of one account at once ${Math.max(...accounts.map((a) => sb.calls.maxInFlight('mastodon', a.externalId)))}; ` +
        `most Page posts let through in one second ${perSecond} (rate ${RATE}/s), 24 Page posts let through over ${attemptSpan} ms, arriving over ${starts[23] - starts[0]} ms; YouTube published ${published} of 3\n`,
    );
    expect(published).toBe(Math.min(3, 2 * days.length)); // a run across midnight Pacific gets a second day
    expect(sb.store.posts('youtube', channel.externalId)).toHaveLength(published);
    for (const r of vt.filter((x) => x.status !== 'published')) {
      expect(r.budget_wait).toBe('youtube_daily_units');
      const next = new Date(r.next_attempt_at);
      expect(next.getTime()).toBeGreaterThan(Date.now());
      expect(quotaDay(new Date(next.getTime() - 1), 'America/Los_Angeles').resetsAt).toEqual(next);
    }
  });

  it("a killed worker's slot comes back: the account's next post goes out after the lease, the killed one is checked, not resent", async () => {
    const account = await createAccount(db, sb, unit, 'mastodon');
    sb.store.injectFault({ platform: 'mastodon', accountExternalId: account.externalId, kind: 'slow', delayMs: 30_000, calls: 'create', count: 1 });
    const [first] = await schedulePosts(db, unit, [{ account, at: new Date(Date.now() + 200), text: 'Pengumuman [K1] saat pekerja mati' }]);
    const owner = await waitFor(
      'the slow call in flight',
      async () => {
        const { rows } = await db.query(`SELECT lease_owner FROM post_targets WHERE id = $1 AND status = 'publishing'`, [first.id]);
        return sb.calls.calls({ platform: 'mastodon', account: account.externalId, create: true }).length === 1 && rows[0]?.lease_owner;
      },
      20_000,
      100,
    );
    const victim = workers.find((w) => owner.endsWith(`:${w.proc.pid}`))!;
    expect(victim).toBeDefined();
    await victim.stop('SIGKILL');
    // The dead worker's slot is still taken (its lease runs on), the only one of the account.
    const held = await db.query(`SELECT holder FROM limit_slots WHERE key = $1 AND lease_until > now()`, [`mastodon:${account.externalId}`]);
    expect(held.rows).toHaveLength(1);

    const [second] = await schedulePosts(db, unit, [{ account, at: new Date(), text: 'Pengumuman [K2] sesudahnya' }]);
    await waitFor('both published', async () => (await statusCounts(db, [first.id, second.id])).published === 2, 30_000);
    expect(sb.store.posts('mastodon', account.externalId)).toHaveLength(2);
    const { rows } = await db.query(`SELECT outcome FROM publish_attempts WHERE target_id = $1 ORDER BY started_at`, [first.id]);
    expect(rows.map((r) => r.outcome)).toEqual(['abandoned', 'reconciled']);
    const after = await db.query(`SELECT holder FROM limit_slots WHERE key = $1 AND holder = $2`, [`mastodon:${account.externalId}`, held.rows[0].holder]);
    expect(after.rows).toHaveLength(0);
  });
});
