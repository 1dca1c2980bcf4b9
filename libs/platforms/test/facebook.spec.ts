import { describeContract } from './contract';
import { startHarness } from './harness';

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
