import axios from 'axios';
import { PlatformError } from '../src/errors';
import { AccountCredentials, PublishContent, PublishHandles, PublishResult } from '../src/types';
import { describeContract } from './contract';
import { Harness, startHarness } from './harness';

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

describe('youtube: one video per target across lost answers, resumed sessions and slow processing', () => {
  let h: Harness;
  let acc: AccountCredentials;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    acc = h.account('youtube');
  });
  const yt = () => h.registry.get('youtube');
  const posts = () => h.sb.store.posts('youtube', acc.externalId);
  const sessions = () =>
    [...h.sb.store.bag<{ owner: string; puts: number[]; received: number }>('youtube:sessions').values()].filter((x) => x.owner === acc.externalId);
  const content = (): PublishContent => ({ text: 'Festival Merah Putih\nLiputan lengkap', media: [video(h.media('festival.mp4'))] });

  async function attempt(c: PublishContent, handles: PublishHandles): Promise<{ res?: PublishResult; err?: PlatformError }> {
    try {
      return {
        res: await yt().publish(acc, c, { idempotencyKey: 'y', handles: { ...handles }, checkpoint: async (more) => void Object.assign(handles, more) }),
      };
    } catch (err) {
      expect(err).toBeInstanceOf(PlatformError);
      return { err: err as PlatformError };
    }
  }
  const ask = (c: PublishContent, handles: PublishHandles, lostAt: Date, minutes: number) =>
    yt().check(acc, {
      content: c,
      since: new Date(lostAt.getTime() - 60_000),
      lostAt,
      handles,
      known: [],
      otherUnknown: 0,
      now: new Date(lostAt.getTime() + minutes * 60_000),
    });

  it('after each kind of lost upload answer, check() asks the session and a retry with the handles uploads once', async () => {
    for (const kind of ['drop_after_accept', '5xx_after_store', '5xx'] as const) {
      acc = h.account('youtube');
      const c = content();
      const handles: PublishHandles = {};
      h.sb.store.injectFault({ platform: 'youtube', accountExternalId: acc.externalId, kind, calls: 'create' });
      expect((await attempt(c, handles)).err).toMatchObject({ kind: 'unknown_outcome' });
      expect(handles.uploadUrl).toMatch(/upload_id=/);
      expect(handles.uploadBytes).toBe('88');
      const checked = await ask(c, handles, new Date(), 5);
      const retry = await attempt(c, handles);
      expect(posts()).toHaveLength(1);
      expect(retry.res?.externalId).toBe(posts()[0].externalId);
      expect(sessions()).toHaveLength(1);
      if (kind === '5xx') expect(checked).toEqual({ state: 'absent', how: 'upload_incomplete', handles });
      else expect(checked).toMatchObject({ state: 'found', how: 'upload_complete', post: { externalId: posts()[0].externalId } });
    }
  });

  it('resumes an interrupted upload from the Range the session reports', async () => {
    const c = content();
    const handles: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'youtube', accountExternalId: acc.externalId, kind: '5xx', calls: 'create' });
    await attempt(c, handles);
    // An upload cut after 40 of its 88 bytes.
    const bytes = Buffer.from((await axios.get<ArrayBuffer>(h.media('festival.mp4'), { responseType: 'arraybuffer' })).data);
    const cut = await axios.put(handles.uploadUrl, bytes.subarray(0, 40), {
      headers: { Authorization: `Bearer ${acc.accessToken}`, 'Content-Type': 'video/mp4', 'Content-Range': 'bytes 0-39/88' },
      validateStatus: () => true,
      maxRedirects: 0,
    });
    expect([cut.status, cut.headers.range]).toEqual([308, 'bytes=0-39']);
    expect(await ask(c, handles, new Date(), 5)).toMatchObject({ state: 'absent', how: 'upload_incomplete' });
    const done = await attempt(c, handles);
    expect(done.res?.externalId).toBe(posts()[0].externalId);
    expect(sessions()[0]).toMatchObject({ puts: [0, 40], received: 88 });
    expect(posts()[0].media[0].bytes).toBe(88);
  });

  it('a session gone: check() falls back to the uploads listing, else unknown; a retry never uploads blindly', async () => {
    const c = content();
    const stored: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'youtube', accountExternalId: acc.externalId, kind: 'drop_after_accept' });
    await attempt(c, stored);
    const lost: PublishHandles = {};
    const other = { text: 'Upacara 17 Agustus', media: c.media };
    h.sb.store.injectFault({ platform: 'youtube', accountExternalId: acc.externalId, kind: '5xx', calls: 'create' });
    await attempt(other, lost);
    h.sb.store.advanceTime(8 * 86_400_000);
    // A week later the access token has long expired: refreshed as the worker would.
    acc = { ...acc, accessToken: (await yt().refresh!(acc, { clientId: 'kabar-client', clientSecret: 'secret' })).accessToken };
    const lostAt = new Date();
    expect(await ask(c, stored, lostAt, 5)).toMatchObject({ state: 'found', how: 'listing', post: { externalId: posts()[0].externalId } });
    expect(await ask(other, lost, lostAt, 5)).toEqual({ state: 'unknown', reason: 'upload_session_gone' });
    expect((await attempt(other, lost)).err).toMatchObject({ kind: 'unknown_outcome', platformCode: 'upload_session_gone' });
    expect(posts()).toHaveLength(1);
  });

  it('no session (its opening answer was lost) is absent: opening one creates no video', async () => {
    const c = content();
    const handles: PublishHandles = {};
    h.sb.store.injectFault({ platform: 'youtube', accountExternalId: acc.externalId, kind: '5xx' });
    expect((await attempt(c, handles)).err).toMatchObject({ kind: 'transient' });
    expect(handles).toEqual({});
    expect(await ask(c, handles, new Date(), 5)).toEqual({ state: 'absent', how: 'no_upload_session' });
    expect((await attempt(c, handles)).res?.externalId).toBe(posts()[0].externalId);
    expect(posts()).toHaveLength(1);
  });

  it('processing after the upload is not awaited: the video counts once uploaded, however long YouTube processes it', async () => {
    h.sb.store.injectFault({ platform: 'youtube', accountExternalId: acc.externalId, kind: 'slow_processing', delayMs: 30 * 60_000 });
    const res = await yt().publish(acc, content(), { idempotencyKey: 'p' });
    const status = async () =>
      (
        await axios.get(`${h.sb.apiUrls.youtube}/videos`, {
          params: { part: 'status', id: res.externalId },
          headers: { Authorization: `Bearer ${acc.accessToken}` },
        })
      ).data.items[0].status.uploadStatus;
    expect(await status()).toBe('uploaded');
    h.sb.store.advanceTime(31 * 60_000);
    expect(await status()).toBe('processed');
    expect(posts()).toHaveLength(1);
  });
});
