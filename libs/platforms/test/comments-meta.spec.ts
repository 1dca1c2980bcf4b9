import { addComment, setCitizensEnabled } from '../../sandbox/src';
import { Harness, startHarness } from './harness';

const HOUR = 3_600_000;

describe('instagram and threads comments', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    setCitizensEnabled(h.sb.store, false);
  });
  afterAll(() => h.close());

  it('instagram: a post’s comments newest first with their replies, pages of 50, from the cursor; own skipped', async () => {
    const acc = h.account('instagram');
    const ig = h.registry.get('instagram');
    expect(ig.commentCapabilities).toEqual({ comments: true, mentions: false, perPost: true });
    const post = await ig.publish(acc, { text: 'Taman Sempur', media: [{ url: h.media('a.jpg'), mimeType: 'image/jpeg' }] }, { idempotencyKey: 'i1' });
    const a = h.sb.store.account('instagram', acc.externalId)!;
    const top = addComment(h.sb.store, a, { postExternalId: post.externalId, text: 'tamannya kotor min', authorHandle: 'neng_siti' });
    for (let i = 0; i < 70; i++) addComment(h.sb.store, a, { postExternalId: post.externalId, text: `bagus ${i}`, authorHandle: `w${i}` });
    addComment(h.sb.store, a, { postExternalId: post.externalId, parentId: top.id, text: 'iya banyak sampah', authorHandle: 'ujang' });
    addComment(h.sb.store, a, { postExternalId: post.externalId, parentId: top.id, text: 'Terima kasih, kami teruskan', own: true });
    const [scope] = ig.commentScopes(acc, [post.externalId]);
    const first = await ig.readComments(acc, scope, null);
    expect(first.items).toHaveLength(72);
    expect(first.items.find((c) => c.text === 'iya banyak sampah')).toMatchObject({ kind: 'reply', parentExternalId: top.id, authorHandle: 'ujang' });
    expect(first.items.some((c) => c.text.startsWith('Terima kasih'))).toBe(false);

    h.sb.store.advanceTime(3 * 24 * HOUR);
    const late = addComment(h.sb.store, a, { postExternalId: post.externalId, text: 'lampu taman mati', authorHandle: 'asep' });
    // comments up to two days before the cursor are read again (their late replies come with them), older ones not
    const second = await ig.readComments(acc, scope, first.cursor);
    expect(second.items[0].externalId).toBe(late.id);
    h.sb.store.advanceTime(3 * 24 * HOUR);
    const later = addComment(h.sb.store, a, { postExternalId: post.externalId, text: 'parkir liar di depan taman', authorHandle: 'fajar' });
    const third = await ig.readComments(acc, scope, second.cursor);
    expect(third.items.map((c) => c.externalId)).toEqual([later.id, late.id]);
    await expect(ig.readComments(acc, { key: 'post:404', postExternalId: '404' }, null)).rejects.toMatchObject({ kind: 'rejected' });
  });

  it('threads: the whole conversation of a post newest first, from the cursor; own replies skipped', async () => {
    const acc = h.account('threads');
    const th = h.registry.get('threads');
    expect(th.commentCapabilities).toEqual({ comments: true, mentions: false, perPost: true });
    const post = await th.publish(acc, { text: 'Jadwal CFD' }, { idempotencyKey: 't1' });
    const a = h.sb.store.account('threads', acc.externalId)!;
    const top = addComment(h.sb.store, a, { postExternalId: post.externalId, text: 'cfd dimana aja min', authorHandle: 'teh_rina' });
    h.sb.store.advanceTime(60_000);
    for (let i = 0; i < 120; i++) addComment(h.sb.store, a, { postExternalId: post.externalId, text: `hadir ${i}`, authorHandle: `w${i}` });
    h.sb.store.advanceTime(60_000);
    addComment(h.sb.store, a, { postExternalId: post.externalId, parentId: top.id, text: 'di jln sudirman', own: true });
    addComment(h.sb.store, a, { postExternalId: post.externalId, parentId: top.id, text: 'sama pajajaran', authorHandle: 'kang_dadan' });
    const [scope] = th.commentScopes(acc, [post.externalId]);
    const first = await th.readComments(acc, scope, null);
    expect(first.items).toHaveLength(122);
    expect(first.items.find((c) => c.text === 'sama pajajaran')).toMatchObject({ kind: 'reply', parentExternalId: top.id });
    expect(first.items.find((c) => c.externalId === top.id)).toMatchObject({ kind: 'comment', postExternalId: post.externalId });
    h.sb.store.advanceTime(HOUR);
    const late = addComment(h.sb.store, a, { postExternalId: post.externalId, text: 'jalanan macet', authorHandle: 'fajar' });
    const second = await th.readComments(acc, scope, first.cursor);
    // the cursor's own second is read again (Graph times are whole seconds; the store drops what it has)
    expect(second.items.map((c) => c.text)).toEqual(['jalanan macet', 'sama pajajaran']);
    expect(Date.parse(second.cursor!)).toBe(Math.floor(late.createdAt / 1000) * 1000);
  });
});
