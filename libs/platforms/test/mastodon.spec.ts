import { MASTODON_SETTLE_MS } from '../src/mastodon/mastodon.adapter';
import { AccountCredentials, CheckRequest, PlatformAdapter, PublishContent } from '../src/types';
import { describeContract } from './contract';
import { Harness, startHarness } from './harness';

describeContract('mastodon', {
  basic: (_h, tag) => ({ text: `Pengumuman ${tag}`, hashtags: ['bogor'] }),
  withMedia: (h, tag) => ({ text: `Foto ${tag}`, media: [{ url: h.media('foto.png'), mimeType: 'image/png', altText: 'Foto kegiatan' }] }),
  expectedRetrySec: 120,
  rejectedMessage: /character limit of 500/,
});

describe('mastodon specifics', () => {
  it('replays the Idempotency-Key: a retry returns the same status and posts nothing new', async () => {
    const h = await startHarness();
    const acc = h.account('mastodon');
    const m = h.registry.get('mastodon');
    const first = await m.publish(acc, { text: 'Sekali saja' }, { idempotencyKey: 'kabar:target-1' });
    const again = await m.publish(acc, { text: 'Sekali saja' }, { idempotencyKey: 'kabar:target-1' });
    expect(again.externalId).toBe(first.externalId);
    expect(h.sb.store.posts('mastodon', acc.externalId)).toHaveLength(1);
    h.sb.store.injectFault({ platform: 'mastodon', kind: 'drop_after_accept' });
    await expect(m.publish(acc, { text: 'Hilang jawaban' }, { idempotencyKey: 'kabar:target-2' })).rejects.toMatchObject({ kind: 'unknown_outcome' });
    await m.publish(acc, { text: 'Hilang jawaban' }, { idempotencyKey: 'kabar:target-2' });
    expect(h.sb.store.posts('mastodon', acc.externalId)).toHaveLength(2);
    await h.close();
  });

  it('waits for video processing (202 → 206 → 200) before posting', async () => {
    const h = await startHarness();
    const acc = h.account('mastodon');
    const res = await h.registry
      .get('mastodon')
      .publish(acc, { text: 'Video', media: [{ url: h.media('clip.mp4'), mimeType: 'video/mp4' }] }, { idempotencyKey: 'v' });
    expect(h.sb.store.posts('mastodon')[0].externalId).toBe(res.externalId);
    await h.close();
  });

  it('counts URLs as 23 characters', async () => {
    const h = await startHarness();
    const m = h.registry.get('mastodon');
    const url = `https://bogorkota.go.id/${'x'.repeat(200)}`;
    expect(m.validate({ text: `${'a'.repeat(476)} ${url}` })).toEqual([]);
    expect(m.validate({ text: `${'a'.repeat(477)} ${url}` })[0]).toMatchObject({ code: 'platform.tooLong', params: { length: 501, max: 500 } });
    await h.close();
  });
});

describe('mastodon check() after a lost answer', () => {
  let h: Harness;
  let acc: AccountCredentials;
  let m: PlatformAdapter;
  beforeAll(async () => {
    h = await startHarness();
    m = h.registry.get('mastodon');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.sb.store.reset();
    acc = h.account('mastodon');
  });
  const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);
  async function lose(content: PublishContent, kind: '5xx' | 'drop_after_accept') {
    const since = new Date(h.sb.store.now());
    h.sb.store.injectFault({ platform: 'mastodon', accountExternalId: acc.externalId, kind, calls: 'create' });
    await expect(m.publish(acc, content, { idempotencyKey: 'kabar:lost' })).rejects.toMatchObject({ kind: 'unknown_outcome' });
    const lostAt = new Date(h.sb.store.now());
    // Asked `minutesLater` after the answer was lost (the engine's clock, not the sandbox's).
    return (minutesLater: number, extra: Partial<CheckRequest> = {}) =>
      m.check(acc, { content, since, lostAt, now: minutes(lostAt, minutesLater), handles: {}, known: [], otherUnknown: 0, ...extra });
  }

  it('finds the status on a later page of the account listing (max_id pagination)', async () => {
    const content = { text: 'Pengumuman yang jawabannya hilang' };
    const check = await lose(content, 'drop_after_accept');
    for (let i = 0; i < 45; i++) await m.publish(acc, { text: `Kabar berikutnya ${i}` }, { idempotencyKey: `kabar:n${i}` });
    const lostId = h.sb.store.posts('mastodon', acc.externalId)[0].externalId;
    expect(await check(5)).toMatchObject({ state: 'found', post: { externalId: lostId }, how: 'mastodon_account_statuses' });
  });

  it('is pending while the lost request may still run on the instance, then absent', async () => {
    const check = await lose({ text: 'Tidak pernah tersimpan' }, '5xx');
    expect(await check(0.5)).toEqual({ state: 'pending', how: 'mastodon_account_statuses_settling', retryAfterMs: MASTODON_SETTLE_MS - 30_000 });
    expect(await check(2)).toEqual({ state: 'absent', how: 'mastodon_account_statuses' });
  });

  it('has nothing to match for a post without text', async () => {
    const check = await lose({ text: '', media: [{ url: h.media('foto.png'), mimeType: 'image/png', altText: 'Foto' }] }, '5xx');
    expect(await check(5)).toEqual({ state: 'unknown', reason: 'no_text_to_match' });
  });

  it('keeps an Idempotency-Key one hour after the status was created, then posts again', async () => {
    const first = await m.publish(acc, { text: 'Satu jam' }, { idempotencyKey: 'kabar:hour' });
    h.sb.store.advanceTime(59 * 60_000);
    expect((await m.publish(acc, { text: 'Satu jam' }, { idempotencyKey: 'kabar:hour' })).externalId).toBe(first.externalId);
    h.sb.store.advanceTime(60_001);
    const after = await m.publish(acc, { text: 'Satu jam' }, { idempotencyKey: 'kabar:hour' });
    expect(after.externalId).not.toBe(first.externalId);
    expect(h.sb.store.posts('mastodon', acc.externalId)).toHaveLength(2);
  });
});
