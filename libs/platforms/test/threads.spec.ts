import { threadsLength } from '../src/text/length';
import { describeContract } from './contract';
import { startHarness } from './harness';

describeContract('threads', {
  basic: (_h, tag) => ({ text: `Kabar kota ${tag} 😀` }),
  withMedia: (h, tag) => ({ text: `Foto ${tag}`, media: [{ url: h.media('foto.png'), mimeType: 'image/png' }] }),
  expectedRetrySec: 120,
  rejectedMessage: /at most 500 characters/,
  oauth: { scopes: ['threads_basic', 'threads_content_publish', 'threads_manage_insights'] },
});

describe('threads specifics', () => {
  it('counts emoji as UTF-8 bytes and allows at most 5 links', async () => {
    expect(threadsLength('😀')).toBe(4);
    expect(threadsLength('abc')).toBe(3);
    const h = await startHarness();
    const th = h.registry.get('threads');
    expect(th.validate({ text: `${'a'.repeat(496)}😀` })).toEqual([]);
    expect(th.validate({ text: `${'a'.repeat(497)}😀` })[0]).toMatchObject({ code: 'platform.tooLong', params: { length: 501, max: 500 } });
    const links = Array.from({ length: 6 }, (_, i) => `https://a${i}.example.com`).join(' ');
    expect(th.validate({ text: links })[0]).toMatchObject({ code: 'platform.tooManyLinks', params: { count: 6, max: 5 } });
    await h.close();
  });

  it('refreshes a 24 h old token', async () => {
    const h = await startHarness();
    const acc = h.account('threads');
    h.sb.store.advanceTime(25 * 3600_000);
    const t = await h.registry.get('threads').refresh!(acc);
    expect(t.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 86400_000);
    await h.close();
  });
});
