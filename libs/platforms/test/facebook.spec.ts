import { FACEBOOK_SETTLE_MS } from '../src/facebook/facebook.adapter';
import { AccountCredentials, PlatformAdapter, PublishContent } from '../src/types';
import { describeContract } from './contract';
import { Harness, startHarness } from './harness';

describeContract('facebook', {
  basic: (_h, tag) => ({ text: `Jadwal posyandu ${tag}`, link: 'https://bogorkota.go.id/posyandu' }),
  withMedia: (h, tag) => ({ text: `Foto ${tag}`, media: [{ url: h.media('foto.jpg'), mimeType: 'image/jpeg' }] }),
  expectedRetrySec: 120,
  rejectedMessage: /Community Standards/,
  oauth: { scopes: ['pages_manage_posts', 'pages_read_engagement', 'pages_show_list'] },
});

describe('facebook specifics', () => {
  it('publishes several photos as one post (unpublished photos + attached_media)', async () => {
    const h = await startHarness();
    const acc = h.account('facebook');
    const img = (n: string) => ({ url: h.media(n), mimeType: 'image/jpeg' });
    const res = await h.registry.get('facebook').publish(acc, { text: 'Album', media: [img('1.jpg'), img('2.jpg')] }, { idempotencyKey: 'a' });
    const posts = h.sb.store.posts('facebook', acc.externalId);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ externalId: res.externalId, media: [{}, {}] });
    await h.close();
  });

  it('rejects an identical consecutive message with 506 and code 190 is auth', async () => {
    const h = await startHarness();
    const acc = h.account('facebook');
    const fb = h.registry.get('facebook');
    await fb.publish(acc, { text: 'Dua kali' }, { idempotencyKey: '1' });
    await expect(fb.publish(acc, { text: 'Dua kali' }, { idempotencyKey: '2' })).rejects.toMatchObject({ kind: 'rejected', platformCode: 506 });
    h.sb.store.expireTokens('facebook', acc.externalId);
    await expect(fb.accountMetrics(acc)).rejects.toMatchObject({ kind: 'auth', platformCode: '190/463' });
    await h.close();
  });

  it('validates Facebook photo limits', async () => {
    const h = await startHarness();
    const fb = h.registry.get('facebook');
    expect(fb.validate({ text: 'x', media: [{ url: h.media('a.jpg'), mimeType: 'image/jpeg', bytes: 5 * 1024 * 1024 }] })[0]).toMatchObject({
      code: 'platform.mediaTooLarge',
      field: 'media[0]',
    });
    expect(fb.validate({ text: '' })[0].code).toBe('platform.textRequired');
    await h.close();
  });
});

describe('facebook check() after a lost answer', () => {
  let h: Harness;
  let acc: AccountCredentials;
  let fb: PlatformAdapter;
  beforeAll(async () => {
    h = await startHarness();
    fb = h.registry.get('facebook');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.sb.store.reset();
    acc = h.account('facebook');
  });
  async function lose(content: PublishContent, kind: '5xx' | '5xx_after_store') {
    const since = new Date(h.sb.store.now());
    h.sb.store.injectFault({ platform: 'facebook', accountExternalId: acc.externalId, kind, calls: 'create' });
    await expect(fb.publish(acc, content, { idempotencyKey: 'lost' })).rejects.toMatchObject({ kind: 'unknown_outcome' });
    const lostAt = new Date(h.sb.store.now());
    // Asked `minutesLater` after the answer was lost (the engine's clock).
    return (minutesLater: number) =>
      fb.check(acc, { content, since, lostAt, now: new Date(lostAt.getTime() + minutesLater * 60_000), handles: {}, known: [], otherUnknown: 0 });
  }

  it('finds a photo post by its caption in published_posts, past the first page of 100', async () => {
    const check = await lose({ text: 'Foto kerja bakti', media: [{ url: h.media('kerja.jpg'), mimeType: 'image/jpeg' }] }, '5xx_after_store');
    for (let i = 0; i < 101; i++) await fb.publish(acc, { text: `Kabar berikutnya ${i}` }, { idempotencyKey: `n${i}` });
    const lostId = h.sb.store.posts('facebook', acc.externalId)[0].externalId;
    expect(await check(5)).toMatchObject({ state: 'found', post: { externalId: lostId }, how: 'facebook_published_posts' });
  });

  it("an album's photos are uploaded unpublished: a create fault hits the post, not an upload", async () => {
    const img = (n: string) => ({ url: h.media(n), mimeType: 'image/jpeg' });
    const check = await lose({ text: 'Album kegiatan', media: [img('1.jpg'), img('2.jpg')] }, '5xx_after_store');
    expect(await check(5)).toMatchObject({ state: 'found', post: { externalId: h.sb.store.posts('facebook', acc.externalId)[0].externalId } });
  });

  it('is pending until the Page listing has settled, then absent', async () => {
    const check = await lose({ text: 'Tidak pernah tersimpan' }, '5xx');
    expect(await check(2)).toEqual({ state: 'pending', how: 'facebook_published_posts_settling', retryAfterMs: FACEBOOK_SETTLE_MS - 120_000 });
    expect(await check(3)).toEqual({ state: 'absent', how: 'facebook_published_posts' });
  });
});
