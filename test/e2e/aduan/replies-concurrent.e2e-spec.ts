import { Pool } from 'pg';
import { FaultKind, SandboxHandle, SandboxPlatform, sandboxReplies, startSandbox } from '@kabar/sandbox';
import { http } from '../../support/http';
import { sandboxOverrides } from '../../support/sandbox-config';
import { startTestApp, TestApp } from '../../support/test-app';
import { unitId, userWithRole } from '../../support/users';
import { createAccount, SECRET, spawnWorker, waitFor, WorkerProcess } from '../publishing/publishing-fixtures';

jest.setTimeout(240_000);

/** Faults whose outcome a check settles at once: stored then lost (found), or refused with a reset time. */
const FAULTS: FaultKind[] = ['drop_after_accept', '5xx_after_store', '429'];
/**
 * Where a 429 is retried after the advertised reset (seconds here). YouTube's quota resets at Pacific midnight and
 * Graph's usage limits advise an hour: the engine rightly waits that long, so their 429s are not drawn here.
 */
const SHORT_RESET: SandboxPlatform[] = ['x', 'mastodon'];
const PLATFORMS: SandboxPlatform[] = ['facebook', 'instagram', 'x', 'mastodon', 'youtube', 'threads'];
const PER_PLATFORM = 6;

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('replies with two workers and faults at random: each reply reaches the platform exactly once', () => {
  let t: TestApp;
  let sb: SandboxHandle;
  let db: Pool;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sb = await startSandbox({ latencyMs: 5 });
    t = await startTestApp({ ...sandboxOverrides(sb), secretKey: SECRET });
    db = new Pool({ connectionString: t.databaseUrl, max: 2 });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await db?.end();
    await t?.close();
    await sb?.close();
  });

  it(`${PLATFORMS.length} platforms × ${PER_PLATFORM} replies, lost answers and 429s injected`, async () => {
    const unit = await unitId(t, '32.71.01.1001');
    const admin = await userWithRole(t, { unitCode: '32.71.01.1001', role: 'admin' });
    const rnd = prng(20261203);
    const parents: Array<{ platform: SandboxPlatform; externalId: string; replyId: string }> = [];
    let injected = 0;
    let rateLimits = 0;
    for (const platform of PLATFORMS) {
      const acc = await createAccount(db, sb, unit, platform);
      for (let i = 0; i < PER_PLATFORM; i++) {
        const externalId = platform === 'facebook' ? `${acc.externalId}_9${i}` : `${platform === 'youtube' ? 'Ugx' : ''}1790000000009${i}`;
        const [c] = await t.ds.query(
          `INSERT INTO aduan_comments (account_id, platform, external_id, kind, author_handle, text, written_at, is_complaint, category)
           VALUES ($1, $2, $3, 'comment', $4, 'sampah numpuk di depan pasar, tolong diangkut', now() - interval '2 hours', true, 'sampah_kebersihan') RETURNING id`,
          [acc.id, platform, externalId, `warga${i}`],
        );
        const r = await http(t.baseUrl, 'POST', `/api/v1/aduan/comments/${c.id}/replies`, {
          body: { template: 'sampah_kebersihan.diteruskan' },
          token: admin.token,
        });
        expect(r.status).toBe(201);
        parents.push({ platform, externalId, replyId: r.body.id });
      }
      // Half of the creates of each platform meet a fault, drawn at random (the same on every run).
      for (let i = 0; i < PER_PLATFORM / 2; i++) {
        const drawn = FAULTS[Math.floor(rnd() * FAULTS.length)];
        const kind = drawn === '429' && !SHORT_RESET.includes(platform) ? '5xx_after_store' : drawn;
        sb.store.injectFault({ platform, accountExternalId: acc.externalId, kind, calls: 'create', resetInSeconds: 1 });
        injected++;
        if (kind === '429') rateLimits++;
      }
    }
    expect(injected).toBe((PLATFORMS.length * PER_PLATFORM) / 2);
    expect(rateLimits).toBe(2); // the seed draws one 429 for X and one for Mastodon
    for (let i = 0; i < 2; i++) workers.push(await spawnWorker(t.databaseUrl, sb, { KABAR_WORKER_CONCURRENCY: '4' }));
    await Promise.all(workers.map((w) => w.ready()));

    await waitFor(
      'every reply to be published',
      async () => {
        const [n] = await t.ds.query(
          `SELECT count(*) FILTER (WHERE t.status = 'published')::int AS n FROM aduan_replies r JOIN post_targets t ON t.id = r.target_id`,
        );
        return n.n === parents.length;
      },
      150_000,
      500,
    ).catch(async (e) => {
      const rows = await t.ds.query(
        `SELECT t.status, t.last_error_class, t.unconfirmed_reason, count(*)::int AS n FROM post_targets t WHERE t.reply_to IS NOT NULL GROUP BY 1, 2, 3`,
      );
      throw new Error(`${(e as Error).message}\n${JSON.stringify(rows)}\n${workers.map((w) => w.output().slice(-2000)).join('\n---\n')}`);
    });

    // Judged at the sandbox: one reply under each comment, no more, and every fault was met.
    const counts = parents.map((p) => sandboxReplies(sb.store, { platform: p.platform, parent: p.externalId }).length);
    expect(counts).toEqual(parents.map(() => 1));
    expect(sandboxReplies(sb.store)).toHaveLength(parents.length);
    expect(sb.store.faults()).toEqual([]);
    // Both workers took part; every stored-then-lost answer was settled by a check (found), never by a second send.
    const [seen] = await t.ds.query(`SELECT count(DISTINCT worker)::int AS n FROM publish_attempts`);
    expect(seen.n).toBe(2);
    const [rate] = await t.ds.query(
      `SELECT count(*)::int AS n FROM publish_attempts a JOIN post_targets t ON t.id = a.target_id WHERE t.reply_to IS NOT NULL AND a.error_class = 'rate_limited'`,
    );
    expect(rate.n).toBe(rateLimits);
    const [sends] = await t.ds.query(
      `SELECT count(*) FILTER (WHERE a.kind = 'send' AND a.outcome = 'published')::int AS published,
              count(*) FILTER (WHERE a.kind = 'check' AND a.outcome = 'reconciled')::int AS reconciled
         FROM publish_attempts a JOIN post_targets t ON t.id = a.target_id WHERE t.reply_to IS NOT NULL`,
    );
    expect(sends.published + sends.reconciled).toBe(parents.length);
  });
});
