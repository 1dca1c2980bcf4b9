import { INestApplicationContext } from '@nestjs/common';
import { addComment, sandboxComments, SandboxPlatform } from '@kabar/sandbox';
import { CommentCollector } from '@kabar/aduan';
import { CollectionHarness, startCollectionHarness, waitFor } from '../analytics/collection-fixtures';
import { FixtureAccount } from '../publishing/publishing-fixtures';
import { bogorTree, BogorTree, commentsOf, publishedTarget } from './collection-fixtures';

const HOUR = 3_600_000;

describe('aduan collection: worker, queue, sandbox, PostgreSQL', () => {
  let h: CollectionHarness;
  let tree: BogorTree;
  let w1: INestApplicationContext;
  let w2: INestApplicationContext;

  beforeAll(async () => {
    h = await startCollectionHarness();
    tree = await bogorTree(h.db);
    // two workers on one database, each with its trigger and consumer; collection every 2 s
    w1 = await h.worker({ aduanCollectIntervalMs: 2000 });
    w2 = await h.worker({ aduanCollectIntervalMs: 2000 });
  }, 60_000);
  afterAll(() => h?.close());

  /** The sandbox's own record of what citizens wrote (the account's own comments excluded). */
  const citizens = (platform: SandboxPlatform, a: FixtureAccount) => sandboxComments(h.sb.store, platform, a.externalId).filter((c) => !c.own);
  const account = (platform: SandboxPlatform) => h.account(platform, { unitId: tree.kedungBadak });

  it('collects each comment once across runs and workers, classified, placed, routed, linked to Kabar’s post; the Page’s own skipped', async () => {
    const fb = await account('facebook');
    const sbAccount = h.sb.store.account('facebook', fb.externalId)!;
    const post = h.sb.store.addPost({
      platform: 'facebook',
      accountExternalId: fb.externalId,
      externalId: `${fb.externalId}_9001`,
      url: 'https://facebook.com/x',
      text: 'Kerja bakti',
      media: [],
    });
    const targetId = await publishedTarget(h.db, tree.kedungBadak, fb, post.externalId, 'Kerja bakti di Kedung Badak');
    const complaint = addComment(h.sb.store, sbAccount, {
      postExternalId: post.externalId,
      text: 'min jln di kdg badak bolong2 udh sebulan gk dibenerin, tolong dong',
      authorHandle: 'ujang',
    });
    const spam = addComment(h.sb.store, sbAccount, {
      postExternalId: post.externalId,
      text: 'slot gacor maxwin deposit 10rb langsung jp, link di bio',
      authorHandle: 'slot88',
    });
    addComment(h.sb.store, sbAccount, {
      postExternalId: post.externalId,
      parentId: complaint.id,
      text: 'Terima kasih, sudah kami teruskan ke DPUPR.',
      own: true,
    });

    // first run(s): whatever the workers' triggers enqueue
    await waitFor('the comments collected', async () => (await commentsOf(h.db, fb.id)).length === citizens('facebook', fb).length, 20_000);
    // the sandbox clock moves on: the simulated citizens write more; a new complaint comes
    h.sb.store.advanceTime(6 * HOUR);
    addComment(h.sb.store, sbAccount, {
      postExternalId: post.externalId,
      text: 'sampah numpuk di pasar kedung badak udh 5 hari gk diangkut, bau bgt',
      authorHandle: 'neng',
    });
    await waitFor('the comments collected', async () => (await commentsOf(h.db, fb.id)).length === citizens('facebook', fb).length, 20_000);

    const rows = await commentsOf(h.db, fb.id);
    const expected = citizens('facebook', fb);
    expect(rows.map((r) => r.external_id.split('_')[1]).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(rows.some((r) => r.text.startsWith('Terima kasih, sudah kami'))).toBe(false);
    expect(rows.every((r) => r.post_target_id === targetId && r.classified_at && r.model_version)).toBe(true);

    const road = rows.find((r) => r.external_id.endsWith(`_${complaint.id}`))!;
    expect(road).toMatchObject({ kind: 'comment', is_complaint: true, category: 'jalan_rusak', place_unit_id: tree.kedungBadak });
    expect(road.reasons.length).toBeGreaterThan(0);
    const trash = rows.find((r) => r.text.startsWith('sampah numpuk di pasar'))!;
    expect(trash).toMatchObject({ is_complaint: true, category: 'sampah_kebersihan', agency_unit_id: tree.dlh, place_unit_id: tree.kedungBadak });
    expect(rows.find((r) => r.external_id.endsWith(`_${spam.id}`))).toMatchObject({ is_complaint: false, category: null });
    const { rows: cursors } = await h.db.query(`SELECT scope, cursor FROM aduan_cursors WHERE account_id = $1`, [fb.id]);
    expect(cursors).toEqual([{ scope: `post:${post.externalId}`, cursor: expect.any(String) }]);
  }, 60_000);

  it('two collectors of one account at once store each comment once', async () => {
    const fb = await account('facebook');
    const sbAccount = h.sb.store.account('facebook', fb.externalId)!;
    const post = h.sb.store.addPost({
      platform: 'facebook',
      accountExternalId: fb.externalId,
      externalId: `${fb.externalId}_9002`,
      url: 'https://facebook.com/y',
      text: 'Info',
      media: [],
    });
    await publishedTarget(h.db, tree.kedungBadak, fb, post.externalId, 'Info');
    for (let i = 0; i < 40; i++)
      addComment(h.sb.store, sbAccount, { postExternalId: post.externalId, text: `lampu jalan di kedung halang mati ${i}`, authorHandle: `w${i}` });
    const [a, b] = await Promise.all([w1.get(CommentCollector, { strict: false }).collect(fb.id), w2.get(CommentCollector, { strict: false }).collect(fb.id)]);
    const stored = [a, b].map((o) => (o.kind === 'collected' ? o.stored : 0));
    const rows = await commentsOf(h.db, fb.id);
    expect(rows).toHaveLength(citizens('facebook', fb).length);
    expect(stored[0] + stored[1]).toBe(rows.length);
  }, 60_000);

  it('collects mentions (Mastodon) and the discussion group (Telegram) through the queue, classified', async () => {
    const md = await account('mastodon');
    const tg = await account('telegram');
    const mdAccount = h.sb.store.account('mastodon', md.externalId)!;
    const tgAccount = h.sb.store.account('telegram', tg.externalId)!;
    const tgPost = h.sb.store.addPost({
      platform: 'telegram',
      accountExternalId: tg.externalId,
      externalId: '1',
      url: 'https://t.me/x/1',
      text: 'Info banjir',
      media: [],
    });
    const tgTarget = await publishedTarget(h.db, tree.kedungBadak, tg, tgPost.externalId, 'Info banjir');
    // the simulated citizens mention the Mastodon account every few hours
    h.sb.store.advanceTime(8 * HOUR);
    const mention = addComment(h.sb.store, mdAccount, {
      text: `@${mdAccount.handle} macet parah di jln kedung badak tiap pagi, tolong dishub atur`,
      authorHandle: 'fajar',
    });
    addComment(h.sb.store, mdAccount, { text: 'catatan admin', own: true });
    const tgComment = addComment(h.sb.store, tgAccount, {
      postExternalId: tgPost.externalId,
      text: 'selokan di kedung badak mampet, tiap ujan banjir',
      authorHandle: 'bu_yayah',
    });
    addComment(h.sb.store, tgAccount, { postExternalId: tgPost.externalId, parentId: tgComment.id, text: 'Terima kasih bu, kami teruskan.', own: true });

    await waitFor('the mentions collected', async () => (await commentsOf(h.db, md.id)).length === citizens('mastodon', md).length, 20_000);
    await waitFor('the group collected', async () => (await commentsOf(h.db, tg.id)).length === citizens('telegram', tg).length, 20_000);
    const mdRows = await commentsOf(h.db, md.id);
    expect(mdRows.length).toBeGreaterThan(1);
    expect(mdRows.find((r) => r.external_id === mention.id)).toMatchObject({
      kind: 'mention',
      is_complaint: true,
      category: 'kemacetan',
      agency_unit_id: tree.dishub,
      place_unit_id: tree.kedungBadak,
    });
    expect(mdRows.some((r) => r.text.includes('catatan admin'))).toBe(false);
    const tgRows = await commentsOf(h.db, tg.id);
    expect(tgRows.find((r) => r.text.startsWith('selokan'))).toMatchObject({
      kind: 'comment',
      post_target_id: tgTarget,
      is_complaint: true,
      category: 'saluran_air_banjir',
    });
    expect(tgRows.some((r) => r.text.startsWith('Terima kasih bu'))).toBe(false);
  }, 60_000);

  it('reads posts older than two days at most once an hour, young ones on every run', async () => {
    const fb = await account('facebook');
    const young = h.sb.store.addPost({
      platform: 'facebook',
      accountExternalId: fb.externalId,
      externalId: `${fb.externalId}_1`,
      url: 'u',
      text: 'baru',
      media: [],
    });
    const old = h.sb.store.addPost({
      platform: 'facebook',
      accountExternalId: fb.externalId,
      externalId: `${fb.externalId}_2`,
      url: 'u',
      text: 'lama',
      media: [],
    });
    await publishedTarget(h.db, tree.kedungBadak, fb, young.externalId, 'baru');
    const oldTarget = await publishedTarget(h.db, tree.kedungBadak, fb, old.externalId, 'lama');
    await h.db.query(`UPDATE post_targets SET published_at = now() - interval '3 days' WHERE id = $1`, [oldTarget]);
    const collector = w1.get(CommentCollector, { strict: false });
    const checked = async () =>
      Object.fromEntries(
        (await h.db.query(`SELECT scope, checked_at FROM aduan_cursors WHERE account_id = $1`, [fb.id])).rows.map((r) => [r.scope, r.checked_at.getTime()]),
      );
    // (the workers' triggers collect this account too: only what holds whoever reads is asserted)
    expect(await collector.collect(fb.id)).toMatchObject({ kind: 'collected' });
    const idle = async () =>
      (await h.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'aduan.collect' AND state = 'active' AND data->>'accountId' = $1`, [fb.id]))
        .rows[0].n === 0;
    await waitFor('no job of the account in flight', idle, 10_000, 50);
    const first = await checked();
    expect(Object.keys(first).sort()).toEqual([`post:${young.externalId}`, `post:${old.externalId}`].sort());
    expect(await collector.collect(fb.id)).toMatchObject({ kind: 'collected' });
    const second = await checked();
    expect(second[`post:${old.externalId}`]).toBe(first[`post:${old.externalId}`]);
    expect(second[`post:${young.externalId}`]).toBeGreaterThan(first[`post:${young.externalId}`]);
    // an hour later (as the database sees it) the old post is read again
    await h.db.query(`UPDATE aduan_cursors SET checked_at = checked_at - interval '61 minutes' WHERE account_id = $1`, [fb.id]);
    const shifted = await checked();
    expect(await collector.collect(fb.id)).toMatchObject({ kind: 'collected' });
    expect((await checked())[`post:${old.externalId}`]).toBeGreaterThan(shifted[`post:${old.externalId}`]);
  });

  it('a platform without comments says so and is never enqueued', async () => {
    const tt = await account('tiktok');
    expect(await w1.get(CommentCollector, { strict: false }).collect(tt.id)).toEqual({ kind: 'skipped', reason: 'no_comments' });
    const jobsOf = async (id: string) =>
      (await h.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'aduan.collect' AND data->>'accountId' = $1`, [id])).rows[0].n;
    // the triggers (every 500 ms) enqueue the Facebook account of the same unit, never the TikTok one
    const fb = await account('facebook');
    await waitFor('a job for the Facebook account', async () => (await jobsOf(fb.id)) > 0, 10_000);
    expect(await jobsOf(tt.id)).toBe(0);
  });
});
