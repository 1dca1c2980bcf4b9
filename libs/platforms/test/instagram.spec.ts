import { describeContract } from './contract';
import { startHarness } from './harness';

const photo = (url: string) => ({ url, mimeType: 'image/jpeg' });

describeContract('instagram', {
  basic: (h, tag) => ({ text: `Kegiatan ${tag}`, hashtags: ['bogor', 'kotabogor'], media: [photo(h.media('kegiatan.jpg'))] }),
  expectedRetrySec: 120,
  rejectedMessage: /aspect ratio/,
  oauth: { scopes: ['instagram_business_basic', 'instagram_business_content_publish'] },
});

describe('instagram specifics', () => {
  it('requires media, JPEG, ≤30 hashtags and ≤2,200 characters', async () => {
    const h = await startHarness();
    const ig = h.registry.get('instagram');
    expect(ig.validate({ text: 'tanpa foto' })).toEqual([{ field: 'media', code: 'platform.mediaRequired', params: { platform: 'instagram', min: 1 } }]);
    expect(ig.validate({ text: 'x', media: [{ url: h.media('a.png'), mimeType: 'image/png' }] })[0]).toMatchObject({
      code: 'platform.mediaTypeNotSupported',
      params: { mimeType: 'image/png' },
    });
    const tags = Array.from({ length: 31 }, (_, i) => `tag${i}`);
    expect(ig.validate({ text: 'x', hashtags: tags, media: [photo(h.media('a.jpg'))] })[0]).toMatchObject({
      code: 'platform.tooManyHashtags',
      params: { count: 31, max: 30 },
    });
    expect(ig.validate({ text: 'a'.repeat(2201), media: [photo(h.media('a.jpg'))] })[0]).toMatchObject({ code: 'platform.tooLong', params: { max: 2200 } });
    await expect(ig.publish(h.account('instagram'), { text: 'tanpa foto' }, { idempotencyKey: 'x' })).rejects.toMatchObject({
      kind: 'rejected',
      platformCode: 'platform.mediaRequired',
    });
    await h.close();
  });

  it('goes container → IN_PROGRESS → FINISHED → media_publish, and a carousel works', async () => {
    const h = await startHarness();
    const acc = h.account('instagram');
    const ig = h.registry.get('instagram');
    const one = await ig.publish(acc, { text: 'Satu', media: [photo(h.media('1.jpg'))] }, { idempotencyKey: '1' });
    expect(one.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    await ig.publish(acc, { text: 'Album', media: [photo(h.media('1.jpg')), photo(h.media('2.jpg'))] }, { idempotencyKey: '2' });
    const posts = h.sb.store.posts('instagram', acc.externalId);
    expect(posts.map((p) => p.media.length)).toEqual([1, 2]);
    await h.close();
  });

  it('gives the media error for an image URL the platform cannot fetch', async () => {
    const h = await startHarness();
    const err = h.registry.get('instagram').publish(h.account('instagram'), { text: 'x', media: [photo(h.media('missing.jpg'))] }, { idempotencyKey: 'm' });
    await expect(err).rejects.toMatchObject({ kind: 'transient', platformCode: '9004/2207052' });
    await h.close();
  });

  it('a retry after a lost media_publish answer does not publish twice', async () => {
    const h = await startHarness();
    const acc = h.account('instagram');
    const ig = h.registry.get('instagram');
    h.sb.store.injectFault({ platform: 'instagram', kind: 'drop_after_accept' });
    const content = { text: 'Sekali', media: [photo(h.media('1.jpg'))] };
    await expect(ig.publish(acc, content, { idempotencyKey: 'same' })).rejects.toMatchObject({ kind: 'unknown_outcome' });
    await expect(ig.publish(acc, content, { idempotencyKey: 'same' })).rejects.toMatchObject({ kind: 'unknown_outcome', platformCode: 'container_published' });
    expect(h.sb.store.posts('instagram')).toHaveLength(1);
    await h.close();
  });

  it('refreshes a long-lived token only once it is 24 h old', async () => {
    const h = await startHarness();
    const acc = h.account('instagram');
    const ig = h.registry.get('instagram');
    await expect(ig.refresh!(acc)).rejects.toMatchObject({ kind: 'rejected' });
    h.sb.store.advanceTime(25 * 3600_000);
    const t = await ig.refresh!(acc);
    expect(t.accessToken).not.toBe(acc.accessToken);
    expect((await ig.accountMetrics({ ...acc, accessToken: t.accessToken })).followers).toBeGreaterThan(0);
    await h.close();
  });
});
