import { Pool } from 'pg';
import { addComment, sandboxComments, SandboxHandle, startSandbox } from '@kabar/sandbox';
import { createTestDatabase } from '../../support/test-database';
import { createAccount, FixtureAccount, spawnWorker, waitFor, WorkerProcess } from '../publishing/publishing-fixtures';
import { bogorTree, commentsOf, publishedTarget } from './collection-fixtures';

const HOUR = 3_600_000;

/** Two worker processes (`dist/apps/worker`), as deployed: each comment is stored once, whichever worker reads it. */
describe('aduan collection across two worker processes', () => {
  let tdb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Pool;
  let sb: SandboxHandle;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = new Pool({ connectionString: tdb.url, max: 2 });
    sb = await startSandbox();
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await db?.end();
    await sb?.close();
    await tdb?.drop();
  });

  it('collects every comment of several accounts once over several periods', async () => {
    const tree = await bogorTree(db);
    const accounts: FixtureAccount[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await createAccount(db, sb, tree.kedungBadak, i % 2 ? 'facebook' : 'mastodon');
      if (a.platform === 'facebook') {
        const post = sb.store.addPost({
          platform: 'facebook',
          accountExternalId: a.externalId,
          externalId: `${a.externalId}_1`,
          url: 'u',
          text: 'Info',
          media: [],
        });
        await publishedTarget(db, tree.kedungBadak, a, post.externalId, 'Info');
      }
      accounts.push(a);
    }
    sb.store.advanceTime(6 * HOUR);
    for (let i = 0; i < 2; i++) workers.push(await spawnWorker(tdb.url, sb, { KABAR_ADUAN_COLLECT_INTERVAL: '1s' }));
    await Promise.all(workers.map((w) => w.ready()));
    const expected = (a: FixtureAccount) => sandboxComments(sb.store, a.platform, a.externalId).filter((c) => !c.own).length;
    const allCollected = async () => {
      for (const a of accounts) if ((await commentsOf(db, a.id)).length !== expected(a)) return false;
      return true;
    };
    await waitFor('the first comments collected', allCollected, 30_000);
    for (let round = 0; round < 3; round++) {
      sb.store.advanceTime(3 * HOUR);
      for (const a of accounts)
        addComment(sb.store, sb.store.account(a.platform, a.externalId)!, {
          text: `@x jln rusak di kedung badak ${round}`,
          postExternalId: a.platform === 'facebook' ? `${a.externalId}_1` : undefined,
        });
      await waitFor(`round ${round} collected`, allCollected, 30_000);
    }
    const { rows } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT (account_id, external_id))::int AS d FROM aduan_comments`);
    expect(rows[0].n).toBe(rows[0].d);
    expect(rows[0].n).toBe(accounts.reduce((s, a) => s + expected(a), 0));
    const { rows: unclassified } = await db.query(`SELECT count(*)::int AS n FROM aduan_comments WHERE classified_at IS NULL`);
    expect(unclassified[0].n).toBe(0);
    // collected over several periods (one job per account and period)
    const { rows: jobs } = await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'aduan.collect' AND state = 'completed'`);
    expect(jobs[0].n).toBeGreaterThan(accounts.length);
  }, 180_000);
});
