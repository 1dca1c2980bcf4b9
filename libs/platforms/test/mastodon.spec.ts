import { describeContract } from './contract';
import { startHarness } from './harness';

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
