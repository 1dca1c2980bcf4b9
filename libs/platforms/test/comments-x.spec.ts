import { addComment, sandboxComments, setCitizensEnabled } from '../../sandbox/src';
import { Harness, startHarness } from './harness';

describe('x mentions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    setCitizensEnabled(h.sb.store, false);
  });
  afterAll(() => h.close());

  it('reads the mentions timeline since the cursor through every page; replies to the account’s tweets are comments on them', async () => {
    const acc = h.account('x');
    const x = h.registry.get('x');
    expect(x.commentCapabilities).toEqual({ comments: true, mentions: true, perPost: false });
    const post = await x.publish(acc, { text: 'Car free day Minggu' }, { idempotencyKey: 'p1' });
    const a = h.sb.store.account('x', acc.externalId)!;
    const start = addComment(h.sb.store, a, { text: 'awal', authorHandle: 'ujang' });
    const first = await x.readComments(acc, { key: 'mentions' }, null);
    expect(first.items.map((c) => c.externalId)).toEqual([start.id]);
    expect(first.cursor).toBe(start.id);

    const c = addComment(h.sb.store, a, { postExternalId: post.externalId, text: 'cfd di jln sudirman jam brp min?', authorHandle: 'neng_siti' });
    for (let i = 0; i < 250; i++) addComment(h.sb.store, a, { text: `parkir liar di pasar anyar ${i}`, authorHandle: `w${i}` });
    addComment(h.sb.store, a, { postExternalId: post.externalId, parentId: c.id, text: 'jam 6 kayaknya', authorHandle: 'kang_dadan' });
    addComment(h.sb.store, a, { text: 'admin sendiri', own: true });
    const read = await x.readComments(acc, { key: 'mentions' }, first.cursor);
    expect(read.items).toHaveLength(252);
    expect(read.more).toBe(false);
    const all = sandboxComments(h.sb.store, 'x', acc.externalId).filter((s) => !s.own);
    expect(read.cursor).toBe(all[all.length - 1].id);
    expect(read.items.find((i) => i.externalId === c.id)).toMatchObject({
      kind: 'comment',
      postExternalId: post.externalId,
      authorHandle: 'neng_siti',
      text: `@${acc.handle} cfd di jln sudirman jam brp min?`,
    });
    expect(read.items.find((i) => i.text.endsWith('jam 6 kayaknya'))).toMatchObject({ kind: 'reply', parentExternalId: c.id });
    expect(read.items.some((i) => i.text.includes('admin sendiri'))).toBe(false);
    expect((await x.readComments(acc, { key: 'mentions' }, read.cursor)).items).toEqual([]);
  });
});
