import { addComment, setCitizensEnabled } from '../../sandbox/src';
import { Harness, startHarness } from './harness';

const DAY = 86_400_000;

describe('youtube comment threads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    setCitizensEnabled(h.sb.store, false);
  });
  afterAll(() => h.close());

  it('reads the channel’s threads newest first, pages of 100, replies included, up to the cursor; the channel’s own skipped', async () => {
    const acc = h.account('youtube');
    const yt = h.registry.get('youtube');
    expect(yt.commentCapabilities).toEqual({ comments: true, mentions: false, perPost: false });
    const video = h.sb.store.addPost({
      platform: 'youtube',
      accountExternalId: acc.externalId,
      externalId: 'vid00000001',
      url: 'https://youtu.be/vid00000001',
      text: 'Bogor',
      media: [],
    });
    const a = h.sb.store.account('youtube', acc.externalId)!;
    const top = addComment(h.sb.store, a, { postExternalId: video.externalId, text: 'jln ke katulampa rusak parah', authorHandle: 'asep' });
    for (let i = 0; i < 150; i++) addComment(h.sb.store, a, { postExternalId: video.externalId, text: `mantap ${i}`, authorHandle: `w${i}` });
    addComment(h.sb.store, a, { postExternalId: video.externalId, parentId: top.id, text: 'betul, udh lama', authorHandle: 'neng' });
    addComment(h.sb.store, a, { postExternalId: video.externalId, parentId: top.id, text: 'Terima kasih, kami teruskan.', own: true });
    const [scope] = yt.commentScopes(acc, []);
    const first = await yt.readComments(acc, scope, null);
    expect(first.items).toHaveLength(152);
    expect(first.items.find((c) => c.text === 'betul, udh lama')).toMatchObject({
      kind: 'reply',
      parentExternalId: `Ugz${top.id}`,
      postExternalId: video.externalId,
    });
    expect(first.items.find((c) => c.externalId === `Ugz${top.id}`)).toMatchObject({ kind: 'comment', authorHandle: 'asep' });
    expect(first.items.some((c) => c.text.startsWith('Terima kasih'))).toBe(false);

    // days later: a new thread; threads older than the cursor less two days (for late replies) are not read again
    h.sb.store.advanceTime(5 * DAY);
    const late = addComment(h.sb.store, a, { postExternalId: video.externalId, text: 'lampu jalan mati', authorHandle: 'ujang' });
    const fresh = { ...acc, accessToken: h.sb.store.issueTokens(a).accessToken }; // Google tokens last an hour
    const second = await yt.readComments(fresh, scope, first.cursor);
    expect(second.items[0].externalId).toBe(`Ugz${late.id}`);
    expect(Date.parse(second.cursor!)).toBe(late.createdAt);
    h.sb.store.advanceTime(30 * 60_000);
    const later = addComment(h.sb.store, a, { postExternalId: video.externalId, text: 'sampah numpuk', authorHandle: 'teh_rina' });
    addComment(h.sb.store, a, { postExternalId: video.externalId, parentId: late.id, text: 'di mana?', authorHandle: 'kang' });
    const third = await yt.readComments(fresh, scope, second.cursor);
    expect(third.items.map((c) => c.text).sort()).toEqual(['di mana?', 'lampu jalan mati', 'sampah numpuk']);
    expect(Date.parse(third.cursor!)).toBe(later.createdAt);
  });

  it('answers YouTube’s errors', async () => {
    const acc = h.account('youtube');
    h.sb.store.injectFault({ platform: 'youtube', accountExternalId: acc.externalId, kind: '429' });
    await expect(h.registry.get('youtube').readComments(acc, { key: 'channel' }, null)).rejects.toMatchObject({ kind: 'rate_limited' });
  });
});
