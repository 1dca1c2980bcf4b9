import axios from 'axios';
import { SandboxHandle, startSandbox, telegramDiscussionChatId } from '../src';

/** The sandbox's reply endpoints spoken to raw, as the platforms document them, and counted from outside. */
describe('sandbox replies', () => {
  let sb: SandboxHandle;
  const api = axios.create({ validateStatus: () => true });
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => sb.store.reset());

  const count = async (platform: string, parent: string) =>
    (await api.get(`${sb.url}/_sandbox/replies`, { params: { platform, parent } })).data.replies.length as number;

  it('Facebook: POST /{comment-id}/comments stores the reply; a 502 after storing still stores it; GET lists it', async () => {
    const page = sb.store.createAccount('facebook');
    const comment = `${page.externalId}_555`;
    const url = `${sb.apiUrls.facebook}/${comment}/comments`;
    const ok = await api.post(url, new URLSearchParams({ message: 'Siap, kami teruskan' }), { params: { access_token: page.accessToken } });
    expect(ok.status).toBe(200);
    expect(ok.data.id).toMatch(new RegExp(`^${page.externalId}_\\d+$`));
    sb.store.injectFault({ platform: 'facebook', kind: '5xx_after_store', calls: 'create' });
    const lost = await api.post(url, new URLSearchParams({ message: 'Balasan kedua' }), { params: { access_token: page.accessToken } });
    expect(lost.status).toBeGreaterThanOrEqual(500);
    expect(await count('facebook', comment)).toBe(2);
    const listed = await api.get(url, { params: { access_token: page.accessToken, order: 'reverse_chronological', fields: 'id,message,from' } });
    expect(listed.data.data.map((c: { message: string }) => c.message)).toEqual(['Balasan kedua', 'Siap, kami teruskan']);
    expect(listed.data.data[0].from.id).toBe(page.externalId);
    sb.store.injectFault({ platform: 'facebook', kind: '5xx', calls: 'create' });
    expect(
      (await api.post(url, new URLSearchParams({ message: 'Tidak tersimpan' }), { params: { access_token: page.accessToken } })).status,
    ).toBeGreaterThanOrEqual(500);
    expect(await count('facebook', comment)).toBe(2);
  });

  it('YouTube comments.insert needs snippet.parentId and text; X hides replies from the timeline with exclude=replies', async () => {
    const yt = sb.store.createAccount('youtube');
    const auth = { Authorization: `Bearer ${yt.accessToken}` };
    const missing = await api.post(`${sb.apiUrls.youtube}/comments`, { snippet: { textOriginal: 'x' } }, { params: { part: 'snippet' }, headers: auth });
    expect(missing.status).toBe(400);
    expect(missing.data.error.errors[0].reason).toBe('parentIdMissing');
    const made = await api.post(
      `${sb.apiUrls.youtube}/comments`,
      { snippet: { parentId: 'Ugx1', textOriginal: 'Terima kasih' } },
      { params: { part: 'snippet' }, headers: auth },
    );
    expect(made.data).toMatchObject({ kind: 'youtube#comment', snippet: { parentId: 'Ugx1', authorChannelId: { value: yt.externalId } } });
    expect(await count('youtube', 'Ugx1')).toBe(1);

    const x = sb.store.createAccount('x', { scopes: ['tweet.read', 'tweet.write', 'users.read'] });
    const xa = { Authorization: `Bearer ${x.accessToken}` };
    await api.post(`${sb.apiUrls.x}/tweets`, { text: 'Pengumuman' }, { headers: xa });
    await api.post(`${sb.apiUrls.x}/tweets`, { text: 'Balasan', reply: { in_reply_to_tweet_id: '123' } }, { headers: xa });
    const timeline = (exclude: string) => api.get(`${sb.apiUrls.x}/users/${x.externalId}/tweets`, { params: { exclude }, headers: xa });
    expect((await timeline('retweets,replies')).data.data.map((t: { text: string }) => t.text)).toEqual(['Pengumuman']);
    expect((await timeline('retweets')).data.data.map((t: { text: string }) => t.text)).toEqual(['Balasan', 'Pengumuman']);
    expect(await count('x', '123')).toBe(1);
  });

  it("Telegram: sendMessage to the channel's discussion group with reply_parameters is a reply there", async () => {
    const bot = sb.store.createAccount('telegram');
    const group = telegramDiscussionChatId(sb.store.account('telegram', bot.externalId)!);
    const res = await api.post(`${sb.apiUrls.telegram}/bot${bot.accessToken}/sendMessage`, {
      chat_id: group,
      text: 'Terima kasih, Kak',
      reply_parameters: { message_id: 9 },
    });
    expect(res.data).toMatchObject({
      ok: true,
      result: { message_id: 1, chat: { id: Number(group), type: 'supergroup' }, reply_to_message: { message_id: 9 } },
    });
    expect(await count('telegram', `${group}:9`)).toBe(1);
    // The channel's own numbering is untouched.
    expect(sb.store.posts('telegram')).toHaveLength(0);
  });
});
