import { PublishingHarness, createAccount, ensureUnit, schedulePosts, startPublishingHarness, statusCounts, waitFor } from './publishing-fixtures';

jest.setTimeout(60_000);

describe('held targets when their account is active again', () => {
  let h: PublishingHarness;
  beforeAll(async () => {
    h = await startPublishingHarness();
  });
  afterAll(() => h?.close());

  it('publishes those still within the grace and reports the older ones as missed, never a burst of stale posts', async () => {
    const { db, sb } = h;
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'mastodon');
    await db.query(`UPDATE social_accounts SET status = 'disabled' WHERE id = $1`, [account.id]);
    const now = Date.now();
    const [recent, stale] = await schedulePosts(db, unit, [
      { account, at: new Date(now - 5 * 60_000), text: 'Masih dalam tenggang [H1]' },
      { account, at: new Date(now - 3 * 3600_000), text: 'Sudah basi [H2]' },
    ]);
    await db.query(`UPDATE post_targets SET status = 'held' WHERE id = ANY($1)`, [[recent.id, stale.id]]);
    await h.spawn();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await statusCounts(db, [recent.id, stale.id])).toEqual({ held: 2 }); // disabled: held, not failed
    await db.query(`UPDATE social_accounts SET status = 'active' WHERE id = $1`, [account.id]);
    await waitFor('resolved', async () => (await statusCounts(db, [recent.id])).published === 1 && (await statusCounts(db, [stale.id])).missed === 1, 30_000);
    expect(sb.store.posts('mastodon').map((p) => p.text)).toEqual([expect.stringContaining('[H1]')]);
  });
});
