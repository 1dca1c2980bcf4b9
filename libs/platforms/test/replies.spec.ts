import { addComment, sandboxReplies, telegramDiscussionChatId } from '../../sandbox/src';
import { AccountCredentials, CheckRequest, Platform, PublishContent, PublishHandles, ReplyTo } from '../src/types';
import { Harness, startHarness } from './harness';

type ReplyPlatform = Exclude<Platform, 'tiktok'>;

/** The citizen's comment each reply answers, named as the platform names it. */
function parentFor(h: Harness, platform: ReplyPlatform, acc: AccountCredentials): ReplyTo {
  switch (platform) {
    case 'facebook': {
      // a real comment under a Page post of the sandbox (Graph answers "does not exist" for a made-up comment's replies)
      const account = h.sb.store.account('facebook', acc.externalId)!;
      const post = h.sb.store.addPost({
        platform: 'facebook',
        accountExternalId: acc.externalId,
        externalId: `${acc.externalId}_${h.sb.store.newId()}`,
        url: '',
        text: 'Info',
        media: [],
      });
      const c = addComment(h.sb.store, account, { postExternalId: post.externalId, text: 'jln rusak tolong dong', authorHandle: 'warga.bogor' });
      return { externalId: `${post.externalId.split('_')[1]}_${c.id}`, postExternalId: post.externalId, authorHandle: 'warga.bogor' };
    }
    case 'instagram':
      return { externalId: '17890000000000001', postExternalId: '17880000000000001', authorHandle: 'warga.bogor' };
    case 'x':
      return { externalId: '1790000000000000001', authorHandle: 'wargabogor' };
    case 'mastodon':
      return { externalId: '113000000000000001', authorHandle: 'warga@mastodon.social' };
    case 'youtube':
      return { externalId: 'UgxKomentarWarga0001', postExternalId: 'dQw4w9WgXcQ', authorHandle: '@wargabogor' };
    case 'threads':
      return { externalId: '18000000000000001', authorHandle: 'warga.bogor' };
    case 'telegram': {
      const group = telegramDiscussionChatId(h.sb.store.account('telegram', acc.externalId)!);
      return { externalId: `${group}:42`, authorHandle: 'warga_bogor' };
    }
  }
}

const PLATFORMS: ReplyPlatform[] = ['facebook', 'instagram', 'x', 'mastodon', 'youtube', 'threads', 'telegram'];

describe('replies to citizens through the adapters, against the sandbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sb.store.reset());

  it.each(PLATFORMS)('%s: a reply lands once, under the comment it answers', async (platform) => {
    const acc = h.account(platform);
    const replyTo = parentFor(h, platform, acc);
    const content: PublishContent = { text: `Terima kasih laporannya, Kak. Sudah kami teruskan ke Dishub (${platform}).`, replyTo };
    const res = await h.registry.get(platform).publish(acc, content, { idempotencyKey: `reply-${platform}` });
    const replies = sandboxReplies(h.sb.store, { platform });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      externalId: res.externalId,
      parentExternalId: replyTo.externalId,
      text: content.text,
      accountExternalId: acc.externalId,
    });
    expect(res.url).toMatch(/^https?:\/\//);
    // A reply is not a post of the account: it never shows in the account's own post listings (X and Mastodon list
    // their replies as tweets/statuses, but not with exclude=replies, as the engine's post checks read them).
    const recent = await h.registry.get(platform).findRecent(acc, new Date(0));
    expect(recent.map((p) => p.externalId)).not.toContain(res.externalId);
  });

  it('instagram: a mention on another account’s media is answered through /{ig-user-id}/mentions; its lost answer is unknown', async () => {
    const acc = h.account('instagram');
    const ig = h.registry.get('instagram');
    const onComment: ReplyTo = { externalId: '17890000000000009', postExternalId: '17880000000000009', kind: 'mention', authorHandle: 'warga' };
    await ig.publish(acc, { text: 'Terima kasih sudah menandai kami', replyTo: onComment }, { idempotencyKey: 'm1' });
    const onCaption: ReplyTo = { externalId: '17880000000000010', postExternalId: '17880000000000010', kind: 'mention' };
    await ig.publish(acc, { text: 'Terima kasih, kami cek', replyTo: onCaption }, { idempotencyKey: 'm2' });
    expect(sandboxReplies(h.sb.store, { platform: 'instagram' }).map((r) => r.parentExternalId)).toEqual(['17890000000000009', '17880000000000010']);
    const req: CheckRequest = {
      content: { text: 'x', replyTo: onComment },
      since: new Date(),
      lostAt: new Date(),
      now: new Date(),
      handles: {},
      known: [],
      otherUnknown: 0,
    };
    expect(await ig.check(acc, req)).toEqual({ state: 'unknown', reason: 'instagram_mention_no_check' });
  });

  it('tiktok: refused before any call, with a clear reason', async () => {
    const acc = h.account('tiktok');
    await expect(
      h.registry.get('tiktok').publish(acc, { text: 'Terima kasih', replyTo: { externalId: '7300000000000000001' } }, { idempotencyKey: 'tt' }),
    ).rejects.toMatchObject({ kind: 'rejected', platformCode: 'reply_not_supported' });
  });

  it('a reply needs text and carries no media (Instagram posts need media; replies do not)', () => {
    const ig = h.registry.get('instagram');
    expect(ig.validate({ text: 'Siap, kami tindak lanjuti', replyTo: { externalId: '1' } })).toEqual([]);
    expect(ig.validate({ text: '  ', replyTo: { externalId: '1' } })[0].code).toBe('platform.textRequired');
    expect(ig.validate({ text: 'Foto', media: [{ url: h.media('a.jpg'), mimeType: 'image/jpeg' }], replyTo: { externalId: '1' } })[0].code).toBe(
      'platform.tooManyMedia',
    );
  });

  describe('check() after a lost answer', () => {
    async function lose(platform: ReplyPlatform, kind: '5xx' | '5xx_after_store' | 'drop_after_accept') {
      const acc = h.account(platform);
      const content: PublishContent = { text: `Laporan jalan rusak sudah diteruskan ke DPUPR [${platform}-${kind}]`, replyTo: parentFor(h, platform, acc) };
      const handles: PublishHandles = {};
      const since = new Date(h.sb.store.now() - 1000);
      h.sb.store.injectFault({ platform, accountExternalId: acc.externalId, kind, calls: 'create' });
      await expect(
        h.registry.get(platform).publish(acc, content, { idempotencyKey: 'lost', checkpoint: async (more) => void Object.assign(handles, more) }),
      ).rejects.toMatchObject({ kind: 'unknown_outcome' });
      const lostAt = new Date(h.sb.store.now());
      const check = (minutesLater: number) => {
        const req: CheckRequest = { content, since, lostAt, now: new Date(lostAt.getTime() + minutesLater * 60_000), handles, known: [], otherUnknown: 0 };
        return h.registry.get(platform).check(acc, req);
      };
      return { acc, check };
    }

    it.each(['facebook', 'instagram', 'youtube', 'x', 'mastodon'] as ReplyPlatform[])(
      '%s: stored then 502 → found among the parent’s replies; 5xx before storing → pending, then absent once settled',
      async (platform) => {
        const stored = await lose(platform, '5xx_after_store');
        const [reply] = sandboxReplies(h.sb.store, { platform, account: stored.acc.externalId });
        expect(reply).toBeDefined();
        expect(await stored.check(0)).toMatchObject({ state: 'found', post: { externalId: reply.externalId } });

        const notStored = await lose(platform, '5xx');
        expect(sandboxReplies(h.sb.store, { platform, account: notStored.acc.externalId })).toHaveLength(0);
        expect((await notStored.check(0)).state).toBe('pending');
        expect(await notStored.check(5)).toMatchObject({ state: 'absent' });
      },
    );

    it('threads: the kept reply container decides (published → found in the replies listing; not published → absent)', async () => {
      const stored = await lose('threads', '5xx_after_store');
      const [reply] = sandboxReplies(h.sb.store, { platform: 'threads', account: stored.acc.externalId });
      expect(await stored.check(0)).toMatchObject({ state: 'found', post: { externalId: reply.externalId } });

      const dropped = await lose('threads', '5xx');
      expect(sandboxReplies(h.sb.store, { platform: 'threads', account: dropped.acc.externalId })).toHaveLength(0);
      expect(await dropped.check(0)).toMatchObject({ state: 'absent' });
    });

    it('telegram: a reply in the discussion group has no safe check → unknown (unconfirmed, a person decides)', async () => {
      const lost = await lose('telegram', 'drop_after_accept');
      expect(sandboxReplies(h.sb.store, { platform: 'telegram', account: lost.acc.externalId })).toHaveLength(1);
      expect(await lost.check(10)).toEqual({ state: 'unknown', reason: 'telegram_reply_no_check' });
    });
  });
});
