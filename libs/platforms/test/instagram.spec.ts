import axios from 'axios';
import { PlatformError } from '../src/errors';
import { AccountCredentials, CheckRequest, PublishContent, PublishHandles, PublishResult } from '../src/types';
import { describeContract } from './contract';
import { Harness, startHarness } from './harness';

const photo = (url: string) => ({ url, mimeType: 'image/jpeg' });

describeContract('instagram', {
  basic: (h, tag) => ({ text: `Kegiatan ${tag}`, hashtags: ['bogor', 'kotabogor'], media: [photo(h.media('kegiatan.jpg'))] }),
  expectedRetrySec: 120,
  rejectedMessage: /aspect ratio/,
  oauth: { scopes: ['instagram_business_basic', 'instagram_business_content_publish'] },
});

describe('instagram specifics', () => {
  it('requires media, JPEG, ≤30 hashtags and ≤2,200 characters', async () => {
    const h = await startHarness();
    const ig = h.registry.get('instagram');
    expect(ig.validate({ text: 'tanpa foto' })).toEqual([{ field: 'media', code: 'platform.mediaRequired', params: { platform: 'instagram', min: 1 } }]);
    expect(ig.validate({ text: 'x', media: [{ url: h.media('a.png'), mimeType: 'image/png' }] })[0]).toMatchObject({
      code: 'platform.mediaTypeNotSupported',
      params: { mimeType: 'image/png' },
    });
    const tags = Array.from({ length: 31 }, (_, i) => `tag${i}`);
    expect(ig.validate({ text: 'x', hashtags: tags, media: [photo(h.media('a.jpg'))] })[0]).toMatchObject({
      code: 'platform.tooManyHashtags',
      params: { count: 31, max: 30 },
    });
    expect(ig.validate({ text: 'a'.repeat(2201), media: [photo(h.media('a.jpg'))] })[0]).toMatchObject({ code: 'platform.tooLong', params: { max: 2200 } });
    await expect(ig.publish(h.account('instagram'), { text: 'tanpa foto' }, { idempotencyKey: 'x' })).rejects.toMatchObject({
      kind: 'rejected',
      platformCode: 'platform.mediaRequired',
    });
    await h.close();
  });

  it('goes container → IN_PROGRESS → FINISHED → media_publish, and a carousel works', async () => {
    const h = await startHarness();
    const acc = h.account('instagram');
    const ig = h.registry.get('instagram');
    const one = await ig.publish(acc, { text: 'Satu', media: [photo(h.media('1.jpg'))] }, { idempotencyKey: '1' });
    expect(one.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    await ig.publish(acc, { text: 'Album', media: [photo(h.media('1.jpg')), photo(h.media('2.jpg'))] }, { idempotencyKey: '2' });
    const posts = h.sb.store.posts('instagram', acc.externalId);
    expect(posts.map((p) => p.media.length)).toEqual([1, 2]);
    await h.close();
  });

  it('gives the media error for an image URL the platform cannot fetch', async () => {
    const h = await startHarness();
    const err = h.registry.get('instagram').publish(h.account('instagram'), { text: 'x', media: [photo(h.media('missing.jpg'))] }, { idempotencyKey: 'm' });
    await expect(err).rejects.toMatchObject({ kind: 'transient', platformCode: '9004/2207052' });
    await h.close();
  });

  it('refreshes a long-lived token only once it is 24 h old', async () => {
    const h = await startHarness();
    const acc = h.account('instagram');
    const ig = h.registry.get('instagram');
    await expect(ig.refresh!(acc)).rejects.toMatchObject({ kind: 'rejected' });
    h.sb.store.advanceTime(25 * 3600_000);
    const t = await ig.refresh!(acc);
    expect(t.accessToken).not.toBe(acc.accessToken);
    expect((await ig.accountMetrics({ ...acc, accessToken: t.accessToken })).followers).toBeGreaterThan(0);
    await h.close();
  });
});

describe('instagram: one post per target across lost answers and slow containers', () => {
  let h: Harness;
  let acc: AccountCredentials;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    acc = h.account('instagram');
  });
  const ig = () => h.registry.get('instagram');
  const withMedia = (): PublishContent => ({ text: 'Posyandu Sukasari', hashtags: ['bogor'], media: [photo(h.media('posyandu.jpg'))] });
  const posts = () => h.sb.store.posts('instagram', acc.externalId);
  const containers = () => [...h.sb.store.bag<{ id: string; owner: string }>('meta:containers').values()].filter((c) => c.owner === acc.externalId);

  /** One try as the engine runs it: the handles kept so far in, new ones checkpointed into the same record. */
  async function attempt(c: PublishContent, handles: PublishHandles): Promise<{ res?: PublishResult; err?: PlatformError }> {
    try {
      return {
        res: await ig().publish(acc, c, { idempotencyKey: 'target-1', handles: { ...handles }, checkpoint: async (more) => void Object.assign(handles, more) }),
      };
    } catch (err) {
      expect(err).toBeInstanceOf(PlatformError);
      return { err: err as PlatformError };
    }
  }
  const ask = (c: PublishContent, handles: PublishHandles, lostAt: Date, minutes: number, extra: Partial<CheckRequest> = {}) =>
    ig().check(acc, {
      content: c,
      since: new Date(lostAt.getTime() - 60_000),
      lostAt,
      handles,
      known: [],
      otherUnknown: 0,
      now: new Date(lostAt.getTime() + minutes * 60_000),
      ...extra,
    });

  it('after each kind of lost media_publish answer, check() reads the container and a retry with the handles posts once', async () => {
    for (const kind of ['drop_after_accept', '5xx_after_store', '5xx'] as const) {
      acc = h.account('instagram');
      const c = withMedia();
      const handles: PublishHandles = {};
      h.sb.store.injectFault({ platform: 'instagram', accountExternalId: acc.externalId, kind, calls: 'create' });
      const first = await attempt(c, handles);
      expect(first.err).toMatchObject({ kind: 'unknown_outcome' });
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

  it('a container still IN_PROGRESS when the poll budget runs out: unknown_outcome, pending, then published from that container', async () => {
    const c = withMedia();
    const handles: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'instagram', accountExternalId: acc.externalId, kind: 'slow_processing', delayMs: 10 * 60_000 });
    const first = await attempt(c, handles);
    expect(first.err).toMatchObject({ kind: 'unknown_outcome', platformCode: 'processing_timeout' });
    expect(posts()).toHaveLength(0);
    const lostAt = new Date();
    expect(await ask(c, handles, lostAt, 1)).toMatchObject({ state: 'pending', how: 'container_in_progress', retryAfterMs: 60_000 });
    // Another worker picks the target up while the container still processes: it keeps polling the same one.
    expect((await attempt(c, handles)).err).toMatchObject({ kind: 'unknown_outcome', platformCode: 'processing_timeout' });
    h.sb.store.advanceTime(11 * 60_000);
    expect(await ask(c, handles, lostAt, 11)).toMatchObject({ state: 'absent', how: 'container_finished', handles: { containerId: handles.containerId } });
    const done = await attempt(c, handles);
    expect(done.res?.externalId).toBe(posts()[0].externalId);
    expect(posts()).toHaveLength(1);
    expect(containers()).toHaveLength(1);
  });

  it('an expired container (24 h unpublished) is absent and the retry creates a new one', async () => {
    const c = withMedia();
    const handles: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'instagram', accountExternalId: acc.externalId, kind: 'slow_processing', delayMs: 10 * 60_000 });
    expect((await attempt(c, handles)).err).toMatchObject({ platformCode: 'processing_timeout' });
    const old = handles.containerId;
    h.sb.store.advanceTime(25 * 3600_000);
    expect(await ask(c, handles, new Date(), 60)).toEqual({ state: 'absent', how: 'container_expired' });
    const done = await attempt(c, handles);
    expect(done.res).toBeDefined();
    expect(handles.containerId).not.toBe(old);
    expect(containers()).toHaveLength(2);
    expect(posts()).toHaveLength(1);
  });

  it('check(): no container is absent; a PUBLISHED container whose media is not listed is pending, later unknown', async () => {
    expect(await ask(withMedia(), {}, new Date(), 5)).toEqual({ state: 'absent', how: 'no_container' });
    const c = withMedia();
    const handles: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'instagram', accountExternalId: acc.externalId, kind: 'drop_after_accept' });
    await attempt(c, handles);
    // Listed, but Kabar knows that post already: never adopted, so the media is "not listed" for this target.
    const known = [{ externalId: posts()[0].externalId, publishedAt: new Date() }];
    const lostAt = new Date();
    expect(await ask(c, handles, lostAt, 5, { known })).toMatchObject({ state: 'pending', how: 'published_not_listed' });
    expect(await ask(c, handles, lostAt, 60, { known })).toEqual({ state: 'unknown', reason: 'published_media_not_listed' });
  });

  it('two workers publishing the same kept container make one post: the loser sees the container PUBLISHED', async () => {
    const c = withMedia();
    const handles: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'instagram', accountExternalId: acc.externalId, kind: '5xx', calls: 'create' });
    await attempt(c, handles);
    const both = await Promise.all([attempt(c, handles), attempt(c, handles)]);
    expect(both.filter((r) => r.res)).toHaveLength(1);
    expect(both.find((r) => r.err)?.err).toMatchObject({ kind: 'unknown_outcome', platformCode: 'container_published' });
    expect(posts()).toHaveLength(1);
  });

  it('the platform refuses a second media_publish of a container with the Graph error envelope', async () => {
    const base = `${h.sb.apiUrls.instagram}/${acc.externalId}`;
    const token = { access_token: acc.accessToken };
    const api = axios.create({ validateStatus: () => true });
    const created = await api.post(`${base}/media`, null, { params: { ...token, image_url: h.media('a.jpg'), caption: 'sekali saja' } });
    expect((await api.get(`${h.sb.apiUrls.instagram}/${created.data.id}`, { params: { ...token, fields: 'status_code' } })).data.status_code).toBe('FINISHED');
    expect((await api.post(`${base}/media_publish`, null, { params: { ...token, creation_id: created.data.id } })).status).toBe(200);
    const again = await api.post(`${base}/media_publish`, null, { params: { ...token, creation_id: created.data.id } });
    expect(again.status).toBe(400);
    expect(again.data.error).toMatchObject({ type: 'OAuthException', code: 24, error_subcode: 2207008, is_transient: false });
    expect(again.data.error.fbtrace_id).toBeTruthy();
    expect((await api.get(`${h.sb.apiUrls.instagram}/${created.data.id}`, { params: { ...token, fields: 'status_code' } })).data.status_code).toBe('PUBLISHED');
    expect(posts()).toHaveLength(1);
  });
});
