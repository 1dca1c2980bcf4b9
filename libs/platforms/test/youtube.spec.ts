import { describeContract } from './contract';
import { startHarness } from './harness';

const video = (url: string) => ({ url, mimeType: 'video/mp4' });

describeContract('youtube', {
  basic: (h, tag) => ({ text: `Profil Kota Bogor ${tag}\nVideo profil`, hashtags: ['bogor'], media: [video(h.media('profil.mp4'))] }),
  rejectedMessage: /metadata is invalid/,
  oauth: { scopes: ['https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube.readonly'] },
});

describe('youtube specifics', () => {
  it('refuses text and image posts: video only', async () => {
    const h = await startHarness();
    const yt = h.registry.get('youtube');
    expect(yt.validate({ text: 'teks saja' })).toEqual([{ field: 'media', code: 'platform.videoRequired', params: { platform: 'youtube' } }]);
    expect(yt.validate({ text: 'x', media: [{ url: h.media('a.jpg'), mimeType: 'image/jpeg' }] }).map((p) => p.code)).toContain('platform.videoRequired');
    expect(yt.validate({ text: 'a <b>', media: [video(h.media('a.mp4'))] })[0]).toMatchObject({
      code: 'platform.forbiddenCharacters',
      params: { chars: '<>' },
    });
    await h.close();
  });

  it('maps quotaExceeded to rate_limited until the next Pacific midnight', async () => {
    const h = await startHarness();
    const acc = h.account('youtube');
    h.sb.store.injectFault({ platform: 'youtube', kind: '429' });
    const err = await h.registry
      .get('youtube')
      .accountMetrics(acc)
      .catch((e) => e);
    expect(err).toMatchObject({ kind: 'rate_limited', platformCode: 'quotaExceeded' });
    const hoursAway = (err.retryAt.getTime() - Date.now()) / 3600_000;
    expect(hoursAway).toBeGreaterThan(0);
    expect(hoursAway).toBeLessThanOrEqual(24);
    await h.close();
  });

  it('refreshes the access token and keeps the refresh token', async () => {
    const h = await startHarness();
    const acc = h.account('youtube');
    h.sb.store.expireTokens('youtube', acc.externalId);
    const yt = h.registry.get('youtube');
    await expect(yt.accountMetrics(acc)).rejects.toMatchObject({ kind: 'auth', platformCode: 'authError' });
    const t = await yt.refresh!(acc, { clientId: 'kabar-client', clientSecret: 'secret' });
    expect(t.refreshToken).toBe(acc.refreshToken);
    expect((await yt.accountMetrics({ ...acc, accessToken: t.accessToken })).followers).toBeGreaterThan(0);
    await h.close();
  });
});
