import { addComment, setCitizensEnabled } from '../../sandbox/src';
import { Harness, startHarness } from './harness';

describe('telegram discussion group', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    setCitizensEnabled(h.sb.store, false);
  });
  afterAll(() => h.close());

  it('reads the linked group’s messages through getUpdates from the offset, 100 an update page; the channel’s own and forwards skipped', async () => {
    const acc = h.account('telegram');
    const tg = h.registry.get('telegram');
    expect(tg.commentCapabilities).toEqual({ comments: true, mentions: false, perPost: false });
    const [scope] = tg.commentScopes(acc, []);
    expect(scope).toEqual({ key: 'discussion' });
    const post = await tg.publish(acc, { text: 'Pemadaman listrik besok' }, { idempotencyKey: 'tg1' });
    const a = h.sb.store.account('telegram', acc.externalId)!;
    const first = addComment(h.sb.store, a, { postExternalId: post.externalId, text: 'di kel. sempur jg gk?', authorHandle: 'bu_yayah' });
    for (let i = 0; i < 120; i++) addComment(h.sb.store, a, { postExternalId: post.externalId, text: `info ${i}`, authorHandle: `w${i}` });
    addComment(h.sb.store, a, { postExternalId: post.externalId, parentId: first.id, text: 'Iya bu, termasuk Sempur.', own: true });
    addComment(h.sb.store, a, { postExternalId: post.externalId, parentId: first.id, text: 'sama di tajur', authorHandle: 'mamat' });

    const page1 = await tg.readComments(acc, scope, null);
    // the first page holds the post's automatic forward and 99 comments
    expect(page1.items).toHaveLength(99);
    expect(page1.more).toBe(true);
    expect(page1.items[0]).toMatchObject({ kind: 'comment', postExternalId: post.externalId, text: 'di kel. sempur jg gk?', authorHandle: 'bu_yayah' });
    const page2 = await tg.readComments(acc, scope, page1.cursor);
    expect(page2.more).toBe(false);
    expect(page2.items.map((c) => c.text)).toEqual([...Array.from({ length: 22 }, (_, i) => `info ${98 + i}`), 'sama di tajur']);
    expect(page2.items.at(-1)).toMatchObject({ kind: 'reply', parentExternalId: page1.items[0].externalId });
    // the offset confirmed everything before it: nothing comes twice
    expect((await tg.readComments(acc, scope, page2.cursor)).items).toEqual([]);
  });
});
