import { xWeightedLength } from '../src/text/length';
import { describeContract } from './contract';
import { startHarness } from './harness';

describeContract('x', {
  basic: (_h, tag) => ({ text: `Info lalu lintas ${tag} https://bogorkota.go.id/info` }),
  withMedia: (h, tag) => ({ text: `Foto ${tag}`, media: [{ url: h.media('foto.jpg'), mimeType: 'image/jpeg' }] }),
  expectedRetrySec: 120,
  rejectedMessage: /invalid/i,
  oauth: { scopes: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'], pkce: true },
});

describe('x specifics', () => {
  it('counts weighted length like twitter-text: URL = 23, emoji = 2, CJK = 2', () => {
    expect(xWeightedLength('halo')).toBe(4);
    expect(xWeightedLength('https://bogorkota.go.id/a/very/long/path/that/is/longer/than/23')).toBe(23);
    expect(xWeightedLength('lihat bogorkota.go.id')).toBe(6 + 23);
    expect(xWeightedLength('😀')).toBe(2);
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2); // one ZWJ sequence
    expect(xWeightedLength('你好')).toBe(4);
    expect(xWeightedLength('“quoted”')).toBe(8); // U+201C/D are in a weight-1 range
  });

  it('validates 280 weighted characters', async () => {
    const h = await startHarness();
    const x = h.registry.get('x');
    expect(x.validate({ text: '😀'.repeat(140) })).toEqual([]);
    expect(x.validate({ text: '😀'.repeat(141) })).toEqual([{ field: 'text', code: 'platform.tooLong', params: { platform: 'x', length: 282, max: 280 } }]);
    expect(x.validate({ text: `${'a'.repeat(256)} https://example.com/${'p'.repeat(300)}` })).toEqual([]);
    const img = { url: h.media('a.jpg'), mimeType: 'image/jpeg' };
    expect(x.validate({ text: 'a', media: [img, img, img, img, img] })[0]).toMatchObject({ code: 'platform.tooManyMedia', params: { count: 5, max: 4 } });
    await h.close();
  });

  it('rejects duplicate text with the platform reason (X 403 duplicate content)', async () => {
    const h = await startHarness();
    const acc = h.account('x');
    const x = h.registry.get('x');
    await x.publish(acc, { text: 'Sama persis' }, { idempotencyKey: '1' });
    await expect(x.publish(acc, { text: 'Sama persis' }, { idempotencyKey: '2' })).rejects.toMatchObject({
      kind: 'rejected',
      httpStatus: 403,
      platformCode: 'duplicate_content',
      platformMessage: 'You are not allowed to create a Tweet with duplicate content.',
    });
    expect(h.sb.store.posts('x')).toHaveLength(1);
    await h.close();
  });

  it('uploads video in chunks and waits for processing', async () => {
    const h = await startHarness();
    const acc = h.account('x');
    const res = await h.registry
      .get('x')
      .publish(acc, { text: 'Video', media: [{ url: h.media('clip.mp4'), mimeType: 'video/mp4' }] }, { idempotencyKey: 'v' });
    expect(h.sb.store.posts('x')[0]).toMatchObject({ externalId: res.externalId, media: [{ mimeType: 'video/mp4' }] });
    await h.close();
  });

  it('treats a media upload without media.write as auth', async () => {
    const h = await startHarness();
    const acc = h.account('x', { scopes: ['tweet.read', 'tweet.write', 'users.read'] });
    await expect(
      h.registry.get('x').publish(acc, { text: 'a', media: [{ url: h.media('a.jpg'), mimeType: 'image/jpeg' }] }, { idempotencyKey: 'm' }),
    ).rejects.toMatchObject({ kind: 'auth' });
    await h.close();
  });

  it('refreshes with rotation: the new pair works, the old refresh token is spent', async () => {
    const h = await startHarness();
    const acc = h.account('x');
    const x = h.registry.get('x');
    const client = { clientId: 'kabar-client', clientSecret: 'secret' };
    const t = await x.refresh!(acc, client);
    expect(t.refreshToken).toBeTruthy();
    expect(t.refreshToken).not.toBe(acc.refreshToken);
    expect(t.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7000_000);
    expect((await x.accountMetrics({ ...acc, accessToken: t.accessToken })).followers).toBeGreaterThan(0);
    await expect(x.refresh!(acc, client)).rejects.toMatchObject({ kind: 'auth' });
    await h.close();
  });
});
