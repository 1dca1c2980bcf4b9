import axios from 'axios';
import { PlatformError } from '../src/errors';
import { threadsLength } from '../src/text/length';
import { AccountCredentials, PublishContent, PublishHandles, PublishResult } from '../src/types';
import { describeContract } from './contract';
import { Harness, startHarness } from './harness';

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

describe('threads: one post per target across lost answers and slow containers', () => {
  let h: Harness;
  let acc: AccountCredentials;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    acc = h.account('threads');
  });
  const th = () => h.registry.get('threads');
  const posts = () => h.sb.store.posts('threads', acc.externalId);
  const containers = () => [...h.sb.store.bag<{ id: string; owner: string }>('meta:containers').values()].filter((c) => c.owner === acc.externalId);
  const image = (): PublishContent => ({ text: 'Car free day Minggu ini', media: [{ url: h.media('cfd.png'), mimeType: 'image/png' }] });

  async function attempt(c: PublishContent, handles: PublishHandles): Promise<{ res?: PublishResult; err?: PlatformError }> {
    try {
      return {
        res: await th().publish(acc, c, { idempotencyKey: 't', handles: { ...handles }, checkpoint: async (more) => void Object.assign(handles, more) }),
      };
    } catch (err) {
      expect(err).toBeInstanceOf(PlatformError);
      return { err: err as PlatformError };
    }
  }
  const ask = (c: PublishContent, handles: PublishHandles, lostAt: Date, minutes: number) =>
    th().check(acc, {
      content: c,
      since: new Date(lostAt.getTime() - 60_000),
      lostAt,
      handles,
      known: [],
      otherUnknown: 0,
      now: new Date(lostAt.getTime() + minutes * 60_000),
    });

  it('after each kind of lost threads_publish answer, check() reads the container and a retry with the handles posts once', async () => {
    for (const kind of ['drop_after_accept', '5xx_after_store', '5xx'] as const) {
      acc = h.account('threads');
      const c = { text: `Kabar ${kind}` };
      const handles: PublishHandles = {};
      h.sb.store.injectFault({ platform: 'threads', accountExternalId: acc.externalId, kind, calls: 'create' });
      expect((await attempt(c, handles)).err).toMatchObject({ kind: 'unknown_outcome' });
      expect(handles.containerId).toBe(containers()[0].id);
      const checked = await ask(c, handles, new Date(), 5);
      const retry = await attempt(c, handles);
      expect(posts()).toHaveLength(1);
      expect(containers()).toHaveLength(1);
      if (kind === '5xx') {
        expect(checked).toEqual({ state: 'absent', how: 'container_finished', handles: { containerId: handles.containerId } });
        expect(retry.res?.externalId).toBe(posts()[0].externalId);
      } else {
        expect(checked).toMatchObject({ state: 'found', how: 'container_published', post: { externalId: posts()[0].externalId } });
        expect(retry.err).toMatchObject({ kind: 'unknown_outcome', platformCode: 'container_published' });
      }
    }
  });

  it('a slow media container: unknown_outcome processing_timeout, pending, then published from the same container', async () => {
    const c = image();
    const handles: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'threads', accountExternalId: acc.externalId, kind: 'slow_processing', delayMs: 5 * 60_000 });
    expect((await attempt(c, handles)).err).toMatchObject({ kind: 'unknown_outcome', platformCode: 'processing_timeout' });
    const lostAt = new Date();
    expect(await ask(c, handles, lostAt, 1)).toMatchObject({ state: 'pending', how: 'container_in_progress' });
    h.sb.store.advanceTime(6 * 60_000);
    expect(await ask(c, handles, lostAt, 6)).toMatchObject({ state: 'absent', how: 'container_finished' });
    expect((await attempt(c, handles)).res?.externalId).toBe(posts()[0].externalId);
    expect(posts()).toHaveLength(1);
    expect(containers()).toHaveLength(1);
  });

  it('check() without a container is absent (creating one posts nothing); a second threads_publish is refused', async () => {
    expect(await ask({ text: 'x' }, {}, new Date(), 5)).toEqual({ state: 'absent', how: 'no_container' });
    const base = `${h.sb.apiUrls.threads}/${acc.externalId}`;
    const api = axios.create({ validateStatus: () => true });
    const created = await api.post(`${base}/threads`, null, { params: { access_token: acc.accessToken, media_type: 'TEXT', text: 'sekali' } });
    expect((await api.post(`${base}/threads_publish`, null, { params: { access_token: acc.accessToken, creation_id: created.data.id } })).status).toBe(200);
    const again = await api.post(`${base}/threads_publish`, null, { params: { access_token: acc.accessToken, creation_id: created.data.id } });
    expect(again.status).toBe(400);
    expect(again.data.error).toMatchObject({ type: 'OAuthException', code: 24, error_subcode: 4279009 });
    expect(posts()).toHaveLength(1);
  });
});
