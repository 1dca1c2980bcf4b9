import { addComment, sandboxComments, setCitizensEnabled } from '../../sandbox/src';
import { Harness, startHarness } from './harness';

describe('mastodon mentions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    setCitizensEnabled(h.sb.store, false);
  });
  afterAll(() => h.close());

  it('reads mention notifications page by page from the cursor: replies to the account’s posts, thread replies, mentions; own skipped', async () => {
    const acc = h.account('mastodon');
    const m = h.registry.get('mastodon');
    expect(m.commentCapabilities).toEqual({ comments: true, mentions: true, perPost: false });
    expect(m.commentScopes(acc, ['1'])).toEqual([{ key: 'mentions' }]);
    const post = await m.publish(acc, { text: 'Jadwal posyandu' }, { idempotencyKey: 'p1' });
    const a = h.sb.store.account('mastodon', acc.externalId)!;
    const first = addComment(h.sb.store, a, { postExternalId: post.externalId, text: 'posyandu di tegallega kapan min?', authorHandle: 'ujang' });
    for (let i = 0; i < 100; i++) addComment(h.sb.store, a, { text: `@${acc.handle} lampu jalan mati ${i}`, authorHandle: `w${i}` });
    addComment(h.sb.store, a, { postExternalId: post.externalId, parentId: first.id, text: 'iya sama', authorHandle: 'neng' });

    const read = await m.readComments(acc, { key: 'mentions' }, null);
    // the first read starts at the newest page (80): no history from before Kabar
    expect(read.items).toHaveLength(80);
    const all = sandboxComments(h.sb.store, 'mastodon', acc.externalId);
    const cursorFromStart = await m.readComments(acc, { key: 'mentions' }, String(BigInt(all[0].id) - 1n));
    expect(cursorFromStart.items).toHaveLength(102);
    expect(cursorFromStart.cursor).toBe(all[all.length - 1].id);
    expect(cursorFromStart.items.find((c) => c.externalId === first.id)).toMatchObject({
      kind: 'comment',
      postExternalId: post.externalId,
      authorHandle: 'ujang@warga.example',
      text: `@${acc.handle} posyandu di tegallega kapan min?`,
    });
    expect(cursorFromStart.items.find((c) => c.text.endsWith('iya sama'))).toMatchObject({ kind: 'reply', parentExternalId: first.id });
    expect(cursorFromStart.items.find((c) => c.text.endsWith('mati 7'))).toMatchObject({ kind: 'mention', postExternalId: undefined });

    addComment(h.sb.store, a, { text: 'catatan admin', own: true });
    const later = addComment(h.sb.store, a, { text: `@${acc.handle} sampah belum diangkut`, authorHandle: 'teh_rina' });
    const again = await m.readComments(acc, { key: 'mentions' }, cursorFromStart.cursor);
    expect(again.items.map((c) => c.externalId)).toEqual([later.id]);
    expect(again.cursor).toBe(later.id);
  });
});
