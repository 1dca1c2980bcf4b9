import { PlatformError } from '../src/errors';
import { AccountCredentials, CheckRequest, PublishContent, PublishHandles, PublishResult } from '../src/types';
import { describeContract } from './contract';
import { Harness, startHarness } from './harness';

const photo = (url: string) => ({ url, mimeType: 'image/jpeg' });

describeContract('tiktok', {
  basic: (h, tag) => ({ text: `Kerja bakti ${tag}`, hashtags: ['bogor'], media: [photo(h.media('bakti.jpg'))] }),
  withMedia: (h, tag) => ({ text: `Video ${tag}`, media: [{ url: h.media('clip.mp4'), mimeType: 'video/mp4' }] }),
  expectedRetrySec: 60,
  rejectedMessage: /spam/,
  // A 5xx on init leaves no publish_id: only the public listing can tell, and it proves no absence.
  provesAbsence: false,
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

describe('tiktok: one post per target across lost answers and slow processing', () => {
  let h: Harness;
  let acc: AccountCredentials;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    acc = h.account('tiktok');
  });
  const tt = () => h.registry.get('tiktok');
  const posts = () => h.sb.store.posts('tiktok', acc.externalId);
  /** The publishes TikTok holds for the account (one per init call). */
  const inits = () =>
    [...h.sb.store.bag<{ id: string; owner: string; failReason?: string }>('tiktok:publish').values()].filter((p) => p.owner === acc.externalId);
  const content = (): PublishContent => ({ text: 'Pasar murah Kecamatan Bogor Utara', hashtags: ['bogor'], media: [photo(h.media('pasar.jpg'))] });

  async function attempt(c: PublishContent, handles: PublishHandles, onCheckpoint?: () => void): Promise<{ res?: PublishResult; err?: PlatformError }> {
    try {
      const checkpoint = async (more: PublishHandles) => {
        Object.assign(handles, more);
        onCheckpoint?.();
      };
      return { res: await tt().publish(acc, c, { idempotencyKey: 't', handles: { ...handles }, checkpoint }) };
    } catch (err) {
      expect(err).toBeInstanceOf(PlatformError);
      return { err: err as PlatformError };
    }
  }
  const ask = (c: PublishContent, handles: PublishHandles, lostAt: Date, minutes: number, extra: Partial<CheckRequest> = {}) =>
    tt().check(acc, {
      content: c,
      since: new Date(lostAt.getTime() - 60_000),
      lostAt,
      handles,
      known: [],
      otherUnknown: 0,
      now: new Date(lostAt.getTime() + minutes * 60_000),
      ...extra,
    });

  it('an init answer lost after TikTok stored the post: no publishId, and check() finds it in the listing', async () => {
    for (const kind of ['drop_after_accept', '5xx_after_store'] as const) {
      acc = h.account('tiktok');
      const c = content();
      const handles: PublishHandles = {};
      h.sb.store.injectFault({ platform: 'tiktok', accountExternalId: acc.externalId, kind, calls: 'create' });
      expect((await attempt(c, handles)).err).toMatchObject({ kind: 'unknown_outcome' });
      expect(handles).toEqual({});
      expect(await ask(c, handles, new Date(), 5)).toMatchObject({ state: 'found', how: 'listing', post: { externalId: posts()[0].externalId } });
      expect(inits()).toHaveLength(1);
    }
  });

  it('an init that stored nothing is pending while a post could still be processing, then unknown', async () => {
    const c = content();
    h.sb.store.injectFault({ platform: 'tiktok', accountExternalId: acc.externalId, kind: '5xx', calls: 'create' });
    expect((await attempt(c, {})).err).toMatchObject({ kind: 'unknown_outcome' });
    const lostAt = new Date();
    expect(await ask(c, {}, lostAt, 5)).toMatchObject({ state: 'pending', how: 'listing_settling' });
    expect(await ask(c, {}, lostAt, 20)).toEqual({ state: 'unknown', reason: 'tiktok_init_answer_lost' });
    expect(posts()).toHaveLength(0);
  });

  it('processing that outlasts the poll budget: unknown_outcome (never transient), retries only poll, one post results', async () => {
    const c = content();
    const handles: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'tiktok', accountExternalId: acc.externalId, kind: 'slow_processing', delayMs: 10 * 60_000 });
    expect((await attempt(c, handles)).err).toMatchObject({ kind: 'unknown_outcome', platformCode: 'processing_timeout' });
    expect(handles.publishId).toBe(inits()[0].id);
    const lostAt = new Date();
    expect(await ask(c, handles, lostAt, 1)).toMatchObject({ state: 'pending', how: 'tiktok_processing' });
    // A processing post is not listed either: the listing could not have told.
    expect(await ask(c, {}, lostAt, 1)).toMatchObject({ state: 'pending', how: 'listing_settling' });
    expect((await attempt(c, handles)).err).toMatchObject({ kind: 'unknown_outcome', platformCode: 'processing_timeout' });
    expect(inits()).toHaveLength(1);
    h.sb.store.advanceTime(11 * 60_000);
    expect(await ask(c, handles, lostAt, 11)).toMatchObject({ state: 'found', how: 'tiktok_publish_complete', post: { externalId: posts()[0].externalId } });
    const done = await attempt(c, handles);
    expect(done.res).toMatchObject({ externalId: posts()[0].externalId, url: expect.stringContaining(`/photo/${posts()[0].externalId}`) });
    expect(inits()).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('a 5xx on the status poll is an unknown outcome, and the retry continues from the publishId', async () => {
    const c = content();
    const handles: PublishHandles = {};
    // Right after init answered (the checkpoint), the next call is the status poll: it fails.
    const first = await attempt(c, handles, () => h.sb.store.injectFault({ platform: 'tiktok', accountExternalId: acc.externalId, kind: '5xx' }));
    expect(first.err).toMatchObject({ kind: 'unknown_outcome', httpStatus: 500 });
    expect((await attempt(c, handles)).res?.externalId).toBe(posts()[0].externalId);
    expect(inits()).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('FAILED is absent only for a fail_reason that proves nothing was posted; a passing failure is retried with a new init', async () => {
    const c = { text: 'Foto hilang', media: [photo(h.media('missing.jpg'))] };
    const handles: PublishHandles = {};
    expect((await attempt(c, handles)).err).toMatchObject({ kind: 'transient', platformCode: 'photo_pull_failed' });
    const failed = handles.publishId;
    expect(await ask(c, handles, new Date(), 5)).toEqual({ state: 'absent', how: 'tiktok_publish_failed' });
    // The next try: that publish posted nothing and a download may work now, so a new init (still failing here).
    expect((await attempt(c, handles)).err).toMatchObject({ kind: 'transient', platformCode: 'photo_pull_failed' });
    expect(handles.publishId).not.toBe(failed);
    expect(inits()).toHaveLength(2);
    // A refusal by TnS is not retried: no new init.
    inits().find((p) => p.id === handles.publishId)!.failReason = 'spam_risk_text';
    expect((await attempt(c, handles)).err).toMatchObject({ kind: 'rejected', platformCode: 'spam_risk_text' });
    expect(inits()).toHaveLength(2);
    // A reason TikTok has not documented proves nothing.
    inits().find((p) => p.id === handles.publishId)!.failReason = 'something_new';
    expect(await ask(c, handles, new Date(), 5)).toEqual({ state: 'unknown', reason: 'tiktok_fail_reason_unproven' });
    expect(posts()).toHaveLength(0);
  });
});
