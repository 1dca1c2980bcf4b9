import { addComment, sandboxComments, setCitizensEnabled } from '../../sandbox/src';
import { Harness, startHarness } from './harness';

const HOUR = 3_600_000;

describe('facebook comments', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  it('reads a post’s comments and replies oldest first, pages of 100, incremental from the cursor, without the Page’s own', async () => {
    const acc = h.account('facebook');
    const fb = h.registry.get('facebook');
    expect(fb.commentCapabilities).toEqual({ comments: true, mentions: false, perPost: true });
    const post = await fb.publish(acc, { text: 'Kerja bakti Minggu pagi' }, { idempotencyKey: 'k1' });
    const account = h.sb.store.account('facebook', acc.externalId)!;
    for (let i = 0; i < 130; i++) addComment(h.sb.store, account, { postExternalId: post.externalId, text: `komentar ${i}`, authorHandle: `warga${i}` });
    addComment(h.sb.store, account, { postExternalId: post.externalId, text: 'Terima kasih, kami teruskan.', own: true });
    const [scope] = fb.commentScopes(acc, [post.externalId]);
    expect(scope).toEqual({ key: `post:${post.externalId}`, postExternalId: post.externalId });
    const first = await fb.readComments(acc, scope, null);
    expect(first.items).toHaveLength(130);
    expect(first.items[0]).toMatchObject({ kind: 'comment', postExternalId: post.externalId, text: 'komentar 0', authorHandle: 'Warga' });
    expect(first.items.some((c) => c.text.startsWith('Terima kasih'))).toBe(false);
    expect(first.cursor).not.toBeNull();

    h.sb.store.advanceTime(HOUR);
    const parent = sandboxComments(h.sb.store, 'facebook', acc.externalId).find((c) => c.text === 'komentar 5')!;
    addComment(h.sb.store, account, { postExternalId: post.externalId, parentId: parent.id, text: 'setuju, jln nya parah' });
    const second = await fb.readComments(acc, scope, first.cursor);
    const fresh = second.items.filter((c) => !first.items.some((f) => f.externalId === c.externalId));
    const reply = fresh.find((c) => c.text === 'setuju, jln nya parah');
    expect(reply).toMatchObject({ kind: 'reply', parentExternalId: first.items[5].externalId });
    // the simulated citizens of the sandbox wrote too in that hour: all of theirs arrive, none twice
    const expected = sandboxComments(h.sb.store, 'facebook', acc.externalId).filter((c) => !c.own).length;
    expect(new Set([...first.items, ...second.items].map((c) => c.externalId)).size).toBe(expected);
  });

  it('stops at its page budget and says so; the next read continues from the last second read', async () => {
    const acc = h.account('facebook');
    const fb = h.registry.get('facebook');
    const account = h.sb.store.account('facebook', acc.externalId)!;
    const post = h.sb.store.addPost({
      platform: 'facebook',
      accountExternalId: acc.externalId,
      externalId: `${acc.externalId}_77`,
      url: 'u',
      text: 'x',
      media: [],
    });
    setCitizensEnabled(h.sb.store, false); // only these comments
    for (let batch = 0; batch < 6; batch++) {
      h.sb.store.advanceTime(1000);
      for (let i = 0; i < 100; i++) addComment(h.sb.store, account, { postExternalId: post.externalId, text: `b${batch} k${i}`, authorHandle: `w${i}` });
    }
    const scope = { key: `post:${post.externalId}`, postExternalId: post.externalId };
    const first = await fb.readComments(acc, scope, null);
    expect(first.items).toHaveLength(500);
    expect(first.more).toBe(true);
    const second = await fb.readComments(acc, scope, first.cursor);
    // the last second read (batch 4) comes again, then batch 5
    expect(second.items.map((c) => c.text)).toEqual([
      ...Array.from({ length: 100 }, (_, i) => `b4 k${i}`),
      ...Array.from({ length: 100 }, (_, i) => `b5 k${i}`),
    ]);
    expect(second.more).toBe(false);
    setCitizensEnabled(h.sb.store, true);
  });

  it('answers Graph errors for a post that is not the Page’s', async () => {
    const acc = h.account('facebook');
    await expect(h.registry.get('facebook').readComments(acc, { key: 'post:1_2', postExternalId: '1_2' }, null)).rejects.toMatchObject({
      kind: 'rejected',
      platformCode: 'object_gone',
    });
  });
});
