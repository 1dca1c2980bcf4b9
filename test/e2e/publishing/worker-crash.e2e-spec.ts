import { Pool } from 'pg';
import { SandboxHandle } from '@kabar/sandbox';
import {
  FixtureAccount,
  WorkerProcess,
  createAccount,
  ensureUnit,
  schedulePosts,
  spawnWorker,
  statusCounts,
  waitFor,
  PublishingHarness,
  startPublishingHarness,
} from './publishing-fixtures';

jest.setTimeout(120_000);

describe('a worker killed mid-publish', () => {
  let h: PublishingHarness;
  let db: Pool;
  let sb: SandboxHandle;
  let url: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    h = await startPublishingHarness();
    ({ db, sb, databaseUrl: url } = h);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await h?.close();
  });

  it('loses nothing and duplicates nothing: the next worker checks with the platform', async () => {
    const unit = await ensureUnit(db);
    const accounts: FixtureAccount[] = [];
    for (let i = 0; i < 5; i++) accounts.push(await createAccount(db, sb, unit, i % 2 ? 'mastodon' : 'facebook'));
    // Every post-creating call is carried out at once but answered only after 15 s: the worker is mid-call.
    sb.store.injectFault({ kind: 'slow', delayMs: 15_000, count: 10, calls: 'create' });
    const a = await spawnWorker(url, sb, { KABAR_WORKER_CONCURRENCY: '16' });
    workers.push(a);
    await a.ready();
    const targets = await schedulePosts(
      db,
      unit,
      Array.from({ length: 10 }, (_, i) => ({ account: accounts[i % 5], at: new Date(Date.now() + 500), text: `Pengumuman [K${i}] jadwal posyandu` })),
    );
    const ids = targets.map((t) => t.id);
    await waitFor('10 platform calls in flight', async () => sb.store.posts().length === 10 && ((await statusCounts(db, ids)).publishing ?? 0) === 10, 30_000);

    a.proc.kill('SIGKILL');
    await new Promise((r) => a.proc.once('exit', r));
    expect((await statusCounts(db, ids)).publishing).toBe(10);

    const b = await spawnWorker(url, sb);
    workers.push(b);
    await waitFor('every target published', async () => (await statusCounts(db, ids)).published === 10, 60_000);

    expect(sb.store.posts()).toHaveLength(10);
    const { rows } = await db.query(`SELECT t.external_id, t.external_url FROM post_targets t WHERE t.id = ANY($1::uuid[])`, [ids]);
    const externalIds = new Set(sb.store.posts().map((p) => p.externalId));
    for (const r of rows) expect(externalIds.has(r.external_id)).toBe(true);
    const attempts = await db.query(`SELECT outcome, count(*)::int AS n FROM publish_attempts WHERE target_id = ANY($1::uuid[]) GROUP BY outcome`, [ids]);
    expect(Object.fromEntries(attempts.rows.map((r) => [r.outcome, r.n]))).toEqual({ abandoned: 10, reconciled: 10 });
    // Each killed try counted as one; the check was not a try.
    const counts = await db.query(`SELECT attempt_count FROM post_targets WHERE id = ANY($1::uuid[])`, [ids]);
    expect(counts.rows.every((r) => r.attempt_count === 2)).toBe(true);
  });

  it('a stopping worker (SIGTERM) releases what it holds and exits cleanly', async () => {
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'telegram');
    const w = await spawnWorker(url, sb);
    workers.push(w);
    await w.ready();
    const targets = await schedulePosts(db, unit, [{ account, at: new Date(Date.now() + 300), text: 'Pengumuman [S1] kerja bakti' }]);
    await waitFor('published', async () => (await statusCounts(db, [targets[0].id])).published === 1, 30_000);
    const code = await w.stop('SIGTERM');
    expect(code).toBe(0);
    const held = await db.query(`SELECT count(*)::int AS n FROM post_targets WHERE lease_owner IS NOT NULL`);
    expect(held.rows[0].n).toBe(0);
  });

  it('a target whose tries keep ending with their worker ends failed with that reason, and its author is told', async () => {
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'facebook');
    const [t] = await schedulePosts(db, unit, [{ account, at: new Date(Date.now() - 1000), text: 'Pengumuman [K99] yang mematikan pekerja' }]);
    // Three earlier claims ended with their worker (the reaper requeued each, counted, nothing sent).
    await db.query(`UPDATE post_targets SET attempt_count = 3 WHERE id = $1`, [t.id]);
    await Promise.all(workers.map((x) => x.stop('SIGKILL'))); // only the worker below may claim it
    const w = await spawnWorker(url, sb, { KABAR_PUBLISH_MAX_ATTEMPTS: '3' });
    workers.push(w);
    await waitFor('failed', async () => (await statusCounts(db, [t.id])).failed === 1, 30_000).catch(async (e) => {
      throw new Error(`${(e as Error).message} ${JSON.stringify((await db.query(`SELECT * FROM post_targets WHERE id = $1`, [t.id])).rows[0])}`);
    });
    const r = (await db.query(`SELECT last_error_message, attempt_count FROM post_targets WHERE id = $1`, [t.id])).rows[0];
    expect(r).toEqual({ last_error_message: 'worker_crashed', attempt_count: 4 });
    expect(sb.store.posts(undefined, account.externalId)).toHaveLength(0);
    await w.stop('SIGTERM');
  });

  it('a rolling deploy (SIGTERM) never hands over a call in flight: the next worker checks and adopts, never resends', async () => {
    await Promise.all(workers.map((x) => x.stop('SIGKILL')));
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'mastodon');
    sb.store.injectFault({ platform: 'mastodon', accountExternalId: account.externalId, kind: 'slow', delayMs: 60_000, calls: 'create' });
    const a = await spawnWorker(url, sb, { KABAR_SHUTDOWN_GRACE: '1s' });
    workers.push(a);
    await a.ready();
    const [t] = await schedulePosts(db, unit, [{ account, at: new Date(Date.now() + 300), text: 'Pengumuman [R1] saat deploy' }]);
    await waitFor('the call in flight', async () => sb.store.posts(undefined, account.externalId).length === 1, 20_000);
    const b = await spawnWorker(url, sb);
    workers.push(b);
    await b.ready();
    expect(await a.stop('SIGTERM')).toBe(0);
    // The stopped worker left its lease running (not expired early); the target is still publishing.
    const held = (await db.query(`SELECT status, lease_until > now() AS leased FROM post_targets WHERE id = $1`, [t.id])).rows[0];
    expect(held).toEqual({ status: 'publishing', leased: true });
    await waitFor('published by the next worker', async () => (await statusCounts(db, [t.id])).published === 1, 40_000);
    expect(sb.store.posts(undefined, account.externalId)).toHaveLength(1);
    const outcomes = (await db.query(`SELECT kind, outcome FROM publish_attempts WHERE target_id = $1 ORDER BY id`, [t.id])).rows;
    expect(outcomes).toEqual([
      { kind: 'send', outcome: 'abandoned' },
      { kind: 'check', outcome: 'reconciled' },
    ]);
  });
});
