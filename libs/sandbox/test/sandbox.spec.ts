import axios from 'axios';
import * as http from 'node:http';
import { SandboxHandle, startSandbox } from '../src';

describe('sandbox server', () => {
  let sb: SandboxHandle;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const api = axios.create({ validateStatus: () => true, httpAgent: agent });
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    agent.destroy();
    await sb.close();
  });

  it('serves every platform under its prefix with the platform error for a missing token', async () => {
    const checks: Array<[string, number, (d: any) => unknown]> = [
      [`${sb.apiUrls.facebook}/me?fields=id`, 400, (d) => d.error.code],
      [`${sb.apiUrls.instagram}/me`, 400, (d) => d.error.code],
      [`${sb.apiUrls.x}/users/me`, 401, (d) => d.title],
      [`${sb.apiUrls.telegram}/bot123:abc/getMe`, 401, (d) => d.description],
      [`${sb.apiUrls.mastodon}/api/v1/accounts/verify_credentials`, 401, (d) => d.error],
      [`${sb.apiUrls.tiktok}/user/info/?fields=open_id`, 401, (d) => d.error.code],
      [`${sb.apiUrls.youtube}/channels?mine=true`, 401, (d) => d.error.errors[0].reason],
      [`${sb.apiUrls.threads}/me`, 400, (d) => d.error.code],
    ];
    const answers = await Promise.all(checks.map(([url]) => api.get(url)));
    expect(answers.map((r) => r.status)).toEqual(checks.map((c) => c[1]));
    expect(answers.map((r, i) => checks[i][2](r.data))).toEqual([
      2500,
      2500,
      'Unauthorized',
      'Unauthorized',
      'The access token is invalid',
      'access_token_invalid',
      'authError',
      2500,
    ]);
  });

  it('is steered over HTTP: accounts, faults, posts, reset', async () => {
    const acc = (await api.post(`${sb.url}/_sandbox/accounts`, { platform: 'x', handle: 'pemkotbogor', followers: 98120 })).data;
    expect(acc).toMatchObject({ handle: 'pemkotbogor', accessToken: expect.any(String), refreshToken: expect.any(String) });
    const headers = { Authorization: `Bearer ${acc.accessToken}` };
    expect((await api.post(`${sb.url}/_sandbox/faults`, { platform: 'x', accountExternalId: acc.externalId, kind: '5xx', count: 2 })).status).toBe(201);
    expect((await api.post(`${sb.apiUrls.x}/tweets`, { text: 'a' }, { headers })).status).toBe(503);
    expect((await api.post(`${sb.apiUrls.x}/tweets`, { text: 'a' }, { headers })).status).toBe(503);
    const ok = await api.post(`${sb.apiUrls.x}/tweets`, { text: 'a' }, { headers });
    expect(ok.status).toBe(201);
    expect(ok.headers['x-rate-limit-reset']).toMatch(/^\d+$/);
    expect(ok.headers['x-user-limit-24hour-remaining']).toBeDefined();
    const posts = (await api.get(`${sb.url}/_sandbox/posts?platform=x`)).data.posts;
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ text: 'a', accountExternalId: acc.externalId });
    await api.post(`${sb.url}/_sandbox/faults`, { platform: 'x', kind: 'drop_after_accept' });
    await expect(api.post(`${sb.apiUrls.x}/tweets`, { text: 'b' }, { headers })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(sb.store.posts('x')).toHaveLength(2);
    await api.post(`${sb.url}/_sandbox/reset`);
    expect(sb.store.posts()).toHaveLength(0);
    expect((await api.get(`${sb.apiUrls.x}/users/me`, { headers })).status).toBe(401);
  });

  it('serves an OAuth consent page that redirects back with code and state', async () => {
    const res = await api.get(
      `${sb.oauth.x.authorizeUrl}?response_type=code&client_id=c&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}&state=s1&scope=tweet.read&code_challenge=abc&code_challenge_method=S256`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.data).toMatch(/http:\/\/127\.0\.0\.1:9\/cb\?code=[^"&]+&(amp;|#38;)state=s1/);
    expect(res.data).toContain('location.replace');
    expect((await api.get(`${sb.oauth.x.authorizeUrl}?response_type=code&client_id=c&redirect_uri=x&state=s`)).status).toBe(400); // PKCE required
  });

  it('keeps state: IG containers go IN_PROGRESS → FINISHED and media_publish before that is refused', async () => {
    const acc = sb.store.createAccount('instagram');
    const base = `${sb.apiUrls.instagram}/${acc.externalId}`;
    const token = { access_token: acc.accessToken };
    const c = await api.post(`${base}/media`, null, { params: { ...token, image_url: `${sb.url}/_sandbox/media/a.jpg`, caption: 'hai' } });
    expect(c.status).toBe(200);
    const early = await api.post(`${base}/media_publish`, null, { params: { ...token, creation_id: c.data.id } });
    expect(early.data.error).toMatchObject({ code: 9007, error_subcode: 2207027 });
    expect((await api.get(`${sb.apiUrls.instagram}/${c.data.id}`, { params: { ...token, fields: 'status_code' } })).data.status_code).toBe('FINISHED');
    expect((await api.post(`${base}/media_publish`, null, { params: { ...token, creation_id: c.data.id } })).status).toBe(200);
    const noMedia = await api.post(`${base}/media`, null, { params: { ...token, caption: 'teks saja' } });
    expect(noMedia.data.error.code).toBe(100);
  });

  it('grows metrics on tick and applies latency to every answer', async () => {
    const acc = sb.store.createAccount('mastodon', { followers: 10 });
    sb.store.tick();
    expect(sb.store.account('mastodon', acc.externalId)!.followers).toBeGreaterThan(10);
    const slow = await startSandbox({ latencyMs: 50 });
    const t0 = Date.now();
    await api.get(`${slow.apiUrls.mastodon}/api/v2/instance`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    await slow.close();
  });
});
