import { randomUUID } from 'crypto';
import { AnalyticsFixtures } from '../../support/analytics-fixtures';
import { http } from '../../support/http';
import { startTestApp, TestApp } from '../../support/test-app';
import { unitId, userWithRole } from '../../support/users';

const BATU_TULIS = '32.71.01.1001';
const BONDONGAN = '32.71.01.1002';

/**
 * posts.first_published_at (issue #17: leaderboards read posts by unit and time from an index) follows the
 * post's targets whoever writes them: a statement trigger on post_targets keeps it the earliest published
 * target's time, or null.
 */
describe('a post’s first publication, kept by the database', () => {
  let t: TestApp;
  let f: AnalyticsFixtures;
  let a: string, b: string;
  const first = async (postId: string) => (await t.ds.query(`SELECT first_published_at FROM posts WHERE id = $1`, [postId]))[0].first_published_at;

  beforeAll(async () => {
    t = await startTestApp();
    f = new AnalyticsFixtures(t);
    a = (await f.account(BATU_TULIS, 'x')).id;
    b = (await f.account(BATU_TULIS, 'facebook')).id;
  });
  afterAll(() => t.close());

  it('follows inserts, status changes, earlier targets and deletes', async () => {
    const post = await f.post({ unitCode: BATU_TULIS, accountIds: [a, b], status: 'scheduled', targetStatus: 'scheduled', excerpt: 'Kerja bakti' });
    expect(await first(post)).toBeNull();
    await t.ds.query(`UPDATE post_targets SET status = 'published', published_at = '2026-02-10T03:00:00Z' WHERE post_id = $1 AND account_id = $2`, [post, b]);
    expect(await first(post)).toEqual(new Date('2026-02-10T03:00:00Z'));
    await t.ds.query(`UPDATE post_targets SET status = 'published', published_at = '2026-02-10T02:00:00Z' WHERE post_id = $1 AND account_id = $2`, [post, a]);
    expect(await first(post)).toEqual(new Date('2026-02-10T02:00:00Z'));
    // a lease or a counter changing touches nothing
    await t.ds.query(`UPDATE post_targets SET attempt_count = attempt_count + 1 WHERE post_id = $1`, [post]);
    expect(await first(post)).toEqual(new Date('2026-02-10T02:00:00Z'));
    await t.ds.query(`DELETE FROM post_targets WHERE post_id = $1 AND account_id = $2`, [post, a]);
    expect(await first(post)).toEqual(new Date('2026-02-10T03:00:00Z'));
    await t.ds.query(`UPDATE post_targets SET status = 'failed' WHERE post_id = $1`, [post]);
    expect(await first(post)).toBeNull();
    const published = await f.publishedPost({
      unitCode: BATU_TULIS,
      accountIds: [a],
      publishedAt: '2026-02-11T01:00:00Z',
      pillar: 'wisata',
      excerpt: 'Festival',
    });
    expect(await first(published.postId)).toEqual(new Date('2026-02-11T01:00:00Z'));
  });

  it('the leaderboard counts a post in the caller’s week of its first publication', async () => {
    // Sunday 1 March 2026 23:30 WIB and Monday 2 March 00:30 WIB: two ISO weeks in WIB, one in UTC
    for (const at of ['2026-03-01T16:30:00Z', '2026-03-01T17:30:00Z', '2026-03-01T17:40:00Z']) {
      await f.publishedPost({
        unitCode: BONDONGAN,
        accountIds: [(await f.account(BONDONGAN, 'x', { handle: `h${randomUUID().slice(0, 6)}` })).id],
        publishedAt: at,
        pillar: 'wisata',
        excerpt: at,
      });
    }
    const reviewer = await userWithRole(t, { role: 'reviewer' });
    const kec = await unitId(t, '32.71.01');
    const row = async (lang: string, minPosts: number) =>
      (
        await http(t.baseUrl, 'GET', `/api/v1/analytics/leaderboard?parentId=${kec}&kind=kelurahan&from=2026-02-23&to=2026-03-08&minPosts=${minPosts}`, {
          token: reviewer.token,
          headers: { 'accept-language': lang },
        })
      ).body.rows.find((r: { unitName: string }) => r.unitName === 'Bondongan');
    expect(await row('id', 1)).toMatchObject({ postsPublished: 3, consistencyWeeks: 2, weeks: 2 });
    expect(await row('id', 2)).toMatchObject({ postsPublished: 3, consistencyWeeks: 1 });
  });
});
