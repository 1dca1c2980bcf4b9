import { describeContract } from './contract';
import { startHarness } from './harness';

const photo = (url: string) => ({ url, mimeType: 'image/jpeg' });

describeContract('tiktok', {
  basic: (h, tag) => ({ text: `Kerja bakti ${tag}`, hashtags: ['bogor'], media: [photo(h.media('bakti.jpg'))] }),
  withMedia: (h, tag) => ({ text: `Video ${tag}`, media: [{ url: h.media('clip.mp4'), mimeType: 'video/mp4' }] }),
  expectedRetrySec: 60,
  rejectedMessage: /spam/,
  oauth: { scopes: ['user.info.basic', 'user.info.profile', 'video.publish', 'video.list'] },
});

describe('tiktok specifics', () => {
  it('needs media and refuses PNG photos', async () => {
    const h = await startHarness();
    const tt = h.registry.get('tiktok');
    expect(tt.validate({ text: 'teks saja' })[0]).toMatchObject({ code: 'platform.mediaRequired' });
    expect(tt.validate({ text: 'x', media: [{ url: h.media('a.png'), mimeType: 'image/png' }] })[0]).toMatchObject({ code: 'platform.mediaTypeNotSupported' });
    await h.close();
  });

  it('reports FAILED photo_pull_failed as transient', async () => {
    const h = await startHarness();
    const res = h.registry.get('tiktok').publish(h.account('tiktok'), { text: 'x', media: [photo(h.media('missing.jpg'))] }, { idempotencyKey: 'p' });
    await expect(res).rejects.toMatchObject({ kind: 'transient', platformCode: 'photo_pull_failed' });
    await h.close();
  });

  it('refreshes and rotates the refresh token', async () => {
    const h = await startHarness();
    const acc = h.account('tiktok');
    const tt = h.registry.get('tiktok');
    const client = { clientId: 'kabar-client', clientSecret: 'secret' };
    const t = await tt.refresh!(acc, client);
    expect(t.refreshToken).not.toBe(acc.refreshToken);
    await expect(tt.refresh!(acc, client)).rejects.toMatchObject({ kind: 'auth', platformCode: 'invalid_grant' });
    await h.close();
  });
});
