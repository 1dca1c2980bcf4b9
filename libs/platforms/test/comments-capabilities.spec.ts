import { NO_COMMENT_PLATFORMS } from '../../../apps/web/src/pages/accounts/types';
import { PLATFORMS } from '../src/types';
import { Harness, startHarness } from './harness';

describe('comment capabilities', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  it('TikTok gives no comments: it says so, reads nothing, and the console names exactly the platforms without comments', async () => {
    const tiktok = h.registry.get('tiktok');
    expect(tiktok.commentCapabilities).toEqual({ comments: false, mentions: false, perPost: false });
    const acc = h.account('tiktok');
    expect(tiktok.commentScopes(acc, ['1'])).toEqual([]);
    await expect(tiktok.readComments(acc, { key: 'post:1', postExternalId: '1' }, null)).rejects.toMatchObject({
      kind: 'rejected',
      platformCode: 'comments_unsupported',
    });
    const without = PLATFORMS.filter((p) => !h.registry.get(p).commentCapabilities.comments && !h.registry.get(p).commentCapabilities.mentions);
    expect(without).toEqual([...NO_COMMENT_PLATFORMS]);
    expect(PLATFORMS.filter((p) => h.registry.get(p).commentCapabilities.mentions)).toEqual(['x', 'mastodon']);
  });
});
