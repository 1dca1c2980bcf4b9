import { xWeightedLength } from '../src/text/length';
import { AccountCredentials, PlatformAdapter, PublishContent } from '../src/types';
import { X_SETTLE_MS } from '../src/x/x.adapter';
import { describeContract } from './contract';
import { Harness, startHarness } from './harness';

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

describe('x check() after a lost answer', () => {
  let h: Harness;
  let acc: AccountCredentials;
  let x: PlatformAdapter;
  beforeAll(async () => {
    h = await startHarness();
    x = h.registry.get('x');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.sb.store.reset();
    acc = h.account('x');
  });
  async function lose(content: PublishContent, kind: '5xx' | 'drop_after_accept' | '5xx_after_store') {
    const since = new Date(h.sb.store.now());
    h.sb.store.injectFault({ platform: 'x', accountExternalId: acc.externalId, kind, calls: 'create' });
    await expect(x.publish(acc, content, { idempotencyKey: 'lost' })).rejects.toMatchObject({ kind: 'unknown_outcome' });
    const lostAt = new Date(h.sb.store.now());
    // Asked `minutesLater` after the answer was lost (the engine's clock).
    return (minutesLater: number) =>
      x.check(acc, { content, since, lostAt, now: new Date(lostAt.getTime() + minutesLater * 60_000), handles: {}, known: [], otherUnknown: 0 });
  }

  it('finds the tweet past the first page of the timeline (next_token), its link rewritten to t.co', async () => {
    const check = await lose({ text: 'Jalan ditutup', link: 'https://bogorkota.go.id/lalin' }, '5xx_after_store');
    for (let i = 0; i < 105; i++) await x.publish(acc, { text: `Info berikutnya ${i}` }, { idempotencyKey: `n${i}` });
    const lostId = h.sb.store.posts('x', acc.externalId)[0].externalId;
    expect(await check(5)).toMatchObject({ state: 'found', post: { externalId: lostId, url: `https://x.com/${acc.handle}/status/${lostId}` } });
  });

  it('is pending until the timeline has settled, then absent', async () => {
    const check = await lose({ text: 'Tidak pernah tersimpan' }, '5xx');
    expect(await check(1)).toEqual({ state: 'pending', how: 'x_user_timeline_settling', retryAfterMs: X_SETTLE_MS - 60_000 });
    expect(await check(3)).toEqual({ state: 'absent', how: 'x_user_timeline' });
  });

  it('a resend of a stored tweet is refused as duplicate content: the check then finds it', async () => {
    const content = { text: 'Sekali saja, walau jawabannya hilang' };
    const check = await lose(content, 'drop_after_accept');
    await expect(x.publish(acc, content, { idempotencyKey: 'again' })).rejects.toMatchObject({ kind: 'rejected', platformCode: 'duplicate_content' });
    expect(await check(0)).toMatchObject({ state: 'found', post: { externalId: h.sb.store.posts('x', acc.externalId)[0].externalId } });
    expect(h.sb.store.posts('x', acc.externalId)).toHaveLength(1);
  });
});
