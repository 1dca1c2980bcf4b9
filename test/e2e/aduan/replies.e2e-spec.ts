import { Pool } from 'pg';
import { ADUAN_ANSWERED_HOOK, RepliesRepository, RepliesSettler } from '@kabar/aduan';
import { SandboxHandle, SandboxPlatform, sandboxReplies, startSandbox, telegramDiscussionChatId } from '@kabar/sandbox';
import { http } from '../../support/http';
import { sandboxOverrides } from '../../support/sandbox-config';
import { startTestApp, TestApp } from '../../support/test-app';
import { unitId, userWithRole } from '../../support/users';
import { createAccount, FixtureAccount, SECRET, spawnWorker, waitFor, WorkerProcess } from '../publishing/publishing-fixtures';

jest.setTimeout(180_000);

const KELURAHAN = '32.71.01.1001'; // Batu Tulis, Bogor Selatan
const OTHER_KELURAHAN = '32.71.01.1002'; // Bondongan
const DAY = 86_400_000;

describe('replies to citizens through the exactly-once engine (API, real worker, sandbox)', () => {
  let t: TestApp;
  let sb: SandboxHandle;
  let db: Pool;
  let worker: WorkerProcess | undefined;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  const accounts = new Map<SandboxPlatform, FixtureAccount>();
  let dishub: string;

  /** A citizen's comment as collection stores it (inserted directly: collection is built elsewhere). */
  async function comment(
    platform: SandboxPlatform,
    opts: { text?: string; externalId?: string; handle?: string; writtenAt?: Date; category?: string; kind?: string; parent?: string; post?: string } = {},
  ): Promise<{ id: string; externalId: string }> {
    const acc = accounts.get(platform)!;
    const externalId = opts.externalId ?? `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const [row] = await t.ds.query(
      `INSERT INTO aduan_comments (account_id, platform, external_id, kind, post_external_id, parent_external_id, author_handle, text, written_at,
         is_complaint, category, agency_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10, $11) RETURNING id`,
      [
        acc.id,
        platform,
        externalId,
        opts.kind ?? 'comment',
        opts.post ?? null,
        opts.parent ?? null,
        opts.handle ?? 'warga_batutulis',
        opts.text ?? 'jln batu tulis macet parah tiap sore, tolong dong dishub',
        opts.writtenAt ?? new Date(Date.now() - 3_600_000),
        opts.category ?? 'kemacetan',
        opts.category === 'lainnya' ? null : dishub,
      ],
    );
    return { id: row.id, externalId };
  }

  const post = (c: { id: string }, body: unknown, token = admin.token) => http(t.baseUrl, 'POST', `/api/v1/aduan/comments/${c.id}/replies`, { body, token });
  const list = (c: { id: string }, token = admin.token) => http(t.baseUrl, 'GET', `/api/v1/aduan/comments/${c.id}/replies`, { token });

  beforeAll(async () => {
    sb = await startSandbox();
    t = await startTestApp({ ...sandboxOverrides(sb), secretKey: SECRET });
    db = new Pool({ connectionString: t.databaseUrl, max: 2 });
    const unit = await unitId(t, KELURAHAN);
    dishub = await unitId(t, '32.71.OPD.DISHUB');
    for (const p of ['facebook', 'instagram', 'x', 'mastodon', 'youtube', 'threads', 'telegram', 'tiktok'] as SandboxPlatform[])
      accounts.set(p, await createAccount(db, sb, unit, p));
    admin = await userWithRole(t, { unitCode: KELURAHAN, role: 'admin' });
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await db?.end();
    await t?.close();
    await sb?.close();
  });

  it('scope: only admins of the account’s unit (or above) reply; others of the unit read; other units see nothing', async () => {
    const c = await comment('facebook', { externalId: `${accounts.get('facebook')!.externalId}_700001` });
    const viewer = await userWithRole(t, { unitCode: KELURAHAN, role: 'viewer' });
    const reviewer = await userWithRole(t, { unitCode: KELURAHAN, role: 'reviewer' });
    const elsewhere = await userWithRole(t, { unitCode: OTHER_KELURAHAN, role: 'admin' });
    const cityAdmin = await userWithRole(t, { role: 'admin' });
    expect((await post(c, { text: 'Siap, kami cek.' }, viewer.token)).status).toBe(403);
    expect((await post(c, { text: 'Siap, kami cek.' }, reviewer.token)).status).toBe(403);
    const hidden = await post(c, { text: 'Siap, kami cek.' }, elsewhere.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect((await list(c, elsewhere.token)).status).toBe(404);
    expect((await list(c, viewer.token)).status).toBe(200);
    const byCity = await post(c, { text: 'Terima kasih, laporan sudah kami teruskan ke Dishub.' }, cityAdmin.token);
    expect(byCity.status).toBe(201);
    expect(byCity.body).toMatchObject({ status: 'scheduled', language: 'id', templateKey: null });
    // Who replied is kept, on the reply and in the audit log (with the account's unit).
    expect(byCity.body.createdBy).toBe(cityAdmin.id);
    const audit = await t.ds.query(`SELECT actor_id, object_id, unit_id, action FROM audit_log WHERE actor_id = $1 AND action LIKE 'Replies.%'`, [
      cityAdmin.id,
    ]);
    expect(audit).toEqual([{ actor_id: cityAdmin.id, object_id: c.id, unit_id: await unitId(t, KELURAHAN), action: 'Replies.create' }]);
    // The same words twice to the same comment are one reply (a double click), refused with 409.
    expect((await post(c, { text: 'Terima kasih, laporan sudah kami teruskan ke Dishub.' }, cityAdmin.token)).status).toBe(409);
    expect((await post(c, { text: 'a', template: 'kemacetan.diteruskan' })).status).toBe(400);
    expect((await post(c, { template: 'tidak.ada' })).status).toBe(400);
  });

  it('templates: rendered in the citizen’s language with the handle, the agency and the ticket number', async () => {
    const id = await comment('instagram', { text: 'jln pajajaran macet parah gk gerak udh sejam, tolong dong', handle: 'siti.bogor' });
    const en = await comment('instagram', { text: 'The traffic on this road is terrible every evening, please fix it', handle: 'tourist_jo' });
    const a = await post(id, { template: 'kemacetan.diteruskan' });
    expect(a.status).toBe(201);
    expect(a.body.language).toBe('id');
    expect(a.body.text).toContain('Halo @siti.bogor,');
    expect(a.body.text).toContain('Dinas Perhubungan');
    expect(a.body.text).toMatch(/Nomor aduan Anda: ADU-[0-9A-F]{8}\./);
    expect(a.body.text).not.toMatch(/\{(handle|agency|ticket)\}/);
    const b = await post(en, { template: 'kemacetan.diteruskan' });
    expect(b.body.language).toBe('en');
    expect(b.body.text).toMatch(/^Hello @tourist_jo, thank you/);
    // The language can be chosen; the list offers the comment's category first.
    const c = await post(en, { template: 'kemacetan.selesai', language: 'id' });
    expect(c.body).toMatchObject({ language: 'id', templateKey: 'kemacetan.selesai' });
    const l = await list(en);
    expect(l.body.detectedLanguage).toBe('en');
    expect(l.body.templates.slice(0, 2).map((x: { key: string }) => x.key)).toEqual(['kemacetan.diteruskan', 'kemacetan.selesai']);
    expect(l.body.templates.map((x: { key: string }) => x.key)).toContain('umum.terima_kasih');
    // Offered filled in, as they would be sent.
    expect(l.body.templates[0]).toEqual({ key: 'kemacetan.diteruskan', language: 'en', text: b.body.text });
    expect(l.body.items).toHaveLength(2);
  });

  it('TikTok has no reply API: refused with a clear message, nothing queued', async () => {
    const c = await comment('tiktok');
    const res = await post(c, { text: 'Terima kasih' });
    expect(res.status).toBe(400);
    // In the caller's language (their profile's: Indonesian).
    expect(res.body).toMatchObject({
      statusCode: 400,
      message: 'tiktok tidak menyediakan API untuk membalas komentar: balas langsung di aplikasi tiktok.',
    });
    const [n] = await t.ds.query(`SELECT count(*)::int AS n FROM aduan_replies WHERE comment_id = $1`, [c.id]);
    expect(n.n).toBe(0);
  });

  it('warns while Meta’s 7-day private-reply window closes; none on platforms without a window', async () => {
    const old = await comment('facebook', { writtenAt: new Date(Date.now() - 6.5 * DAY), externalId: `${accounts.get('facebook')!.externalId}_700002` });
    const closed = await comment('instagram', { writtenAt: new Date(Date.now() - 8 * DAY) });
    const x = await comment('x', { writtenAt: new Date(Date.now() - 30 * DAY) });
    const w = (await list(old)).body.warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'aduan.replies.warnings.privateWindowClosing', params: { platform: 'facebook', days: 7, hoursLeft: 11 } });
    expect(w[0].message).toContain('7');
    expect((await list(closed)).body.warnings[0].code).toBe('aduan.replies.warnings.privateWindowClosed');
    expect((await list(x)).body.warnings).toEqual([]);
  });

  it('the answered hook hears of each published reply once, with its publication time', async () => {
    const c = await comment('mastodon');
    const r = await post(c, { text: 'Sudah kami teruskan ke Dishub.' });
    expect(r.body.text).toBe('@warga_batutulis Sudah kami teruskan ke Dishub.');
    // As if the engine had published it (the worker below is not running yet).
    await t.ds.query(`UPDATE post_targets SET status = 'published', external_id = 'm-1', published_at = '2026-01-05T03:00:00Z' WHERE id = $1`, [
      r.body.targetId,
    ]);
    const heard: Array<[string, string]> = [];
    const hook = { markAnswered: async (id: string, at: Date) => void heard.push([id, at.toISOString()]) };
    const settler = new RepliesSettler(t.app.get(RepliesRepository), hook);
    expect(t.app.get(ADUAN_ANSWERED_HOOK)).toBeDefined();
    expect(await settler.settle()).toBe(1);
    expect(await settler.settle()).toBe(0);
    expect(heard).toEqual([[c.id, '2026-01-05T03:00:00.000Z']]);
  });

  it('a reply per platform reaches the sandbox exactly once, also when the answer is lost after storing (502, dropped)', async () => {
    const fb = accounts.get('facebook')!;
    const tgAccount = sb.store.account('telegram', accounts.get('telegram')!.externalId)!;
    const group = telegramDiscussionChatId(tgAccount);
    const cases: Array<{ platform: SandboxPlatform; externalId: string; fault?: Array<'drop_after_accept' | '5xx_after_store' | '5xx'> }> = [
      { platform: 'facebook', externalId: `${fb.externalId}_800001`, fault: ['5xx_after_store'] },
      { platform: 'instagram', externalId: '17890000000800001', fault: ['5xx_after_store'] },
      { platform: 'x', externalId: '1790000000000800001', fault: ['drop_after_accept'] },
      { platform: 'mastodon', externalId: '113000000000800001', fault: ['5xx_after_store'] },
      { platform: 'youtube', externalId: 'UgxWarga800001', fault: ['5xx_after_store'] },
      // Threads: a 502 before anything was stored (the kept container proves it was not published: sent again), then
      // a 502 after storing (found through the container).
      { platform: 'threads', externalId: '18000000000800001', fault: ['5xx', '5xx_after_store'] },
      { platform: 'telegram', externalId: `${group}:77` },
    ];
    const made: Array<{ platform: SandboxPlatform; externalId: string; replyId: string; commentId: string; text: string }> = [];
    for (const k of cases) {
      const c = await comment(k.platform, { externalId: k.externalId });
      const text = `Terima kasih, laporan kemacetan sudah kami teruskan ke Dishub [${k.platform}]`;
      const r = await post(c, { text });
      expect(r.status).toBe(201);
      made.push({ platform: k.platform, externalId: k.externalId, replyId: r.body.id, commentId: c.id, text: r.body.text });
      for (const kind of k.fault ?? [])
        sb.store.injectFault({ platform: k.platform, accountExternalId: accounts.get(k.platform)!.externalId, kind, calls: 'create' });
    }
    worker = await spawnWorker(t.databaseUrl, sb, { KABAR_WORKER_CONCURRENCY: '4' });
    await worker.ready();
    // A Telegram reply whose answer is lost cannot be checked (the group's ids are shared with citizens): unconfirmed.
    // Written once the first Telegram reply went out, so the dropped answer is this one's.
    await waitFor('the first telegram reply', async () => sandboxReplies(sb.store, { platform: 'telegram' }).length === 1, 30_000, 100);
    sb.store.injectFault({ platform: 'telegram', accountExternalId: accounts.get('telegram')!.externalId, kind: 'drop_after_accept', calls: 'create' });
    const lostTg = await comment('telegram', { externalId: `${group}:78` });
    const lostTgReply = await post(lostTg, { text: 'Terima kasih, sudah kami teruskan [telegram-lost]' });

    const settled = async () => {
      const rows = await Promise.all(made.map(async (m) => (await list({ id: m.commentId })).body.items.find((i: { id: string }) => i.id === m.replyId)));
      return rows.every((r) => r.status === 'published') ? rows : undefined;
    };
    const rows = await waitFor('every reply to be published', settled, 90_000, 300).catch(async (e) => {
      const all = await t.ds.query(
        `SELECT t.status, t.last_error_class, t.last_error_message, t.unconfirmed_reason, t.reply_to FROM post_targets t WHERE t.reply_to IS NOT NULL`,
      );
      throw new Error(`${(e as Error).message}\n${JSON.stringify(all, null, 1)}\n${worker!.output().slice(-3000)}`);
    });
    for (const [i, m] of made.entries()) {
      const onPlatform = sandboxReplies(sb.store, { platform: m.platform, parent: m.externalId });
      expect({ platform: m.platform, count: onPlatform.length }).toEqual({ platform: m.platform, count: 1 });
      expect(onPlatform[0].text).toBe(m.text);
      expect(rows[i]).toMatchObject({ status: 'published', externalId: onPlatform[0].externalId });
    }
    // Six answers were lost after the platform stored the reply: each was checked, found and adopted, never re-sent.
    const [checks] = await t.ds.query(
      `SELECT count(*)::int AS n FROM publish_attempts a JOIN post_targets t ON t.id = a.target_id WHERE t.reply_to IS NOT NULL AND a.kind = 'check' AND a.outcome = 'reconciled'`,
    );
    expect(checks.n).toBe(6);
    const [absent] = await t.ds.query(
      `SELECT count(*)::int AS n FROM publish_attempts a JOIN post_targets t ON t.id = a.target_id JOIN social_accounts s ON s.id = t.account_id
        WHERE t.reply_to IS NOT NULL AND a.kind = 'check' AND a.outcome = 'absent' AND s.platform = 'threads'`,
    );
    expect(absent.n).toBe(1);
    await waitFor('the lost telegram reply to be unconfirmed', async () => (await list(lostTg)).body.items[0].status === 'unconfirmed', 30_000, 300);
    const tg = (await list(lostTg)).body.items[0];
    expect(tg).toMatchObject({ id: lostTgReply.body.id, status: 'unconfirmed', problem: 'telegram_reply_no_check' });
    expect(sandboxReplies(sb.store, { platform: 'telegram', parent: `${group}:78` })).toHaveLength(1);
    // Replies never show as the accounts' posts on the platforms' post listings, nor among Kabar's posts: not in the
    // content browser, no first publication (leaderboards), no metrics collection.
    expect(sb.store.posts('facebook')).toHaveLength(0);
    const browser = await http(t.baseUrl, 'GET', '/api/v1/posts?pageSize=100', { token: admin.token });
    expect(browser.status).toBe(200);
    expect(browser.body.total).toBe(0);
    const [kabar] = await t.ds.query(
      `SELECT count(*) FILTER (WHERE p.first_published_at IS NOT NULL)::int AS first, count(*) FILTER (WHERE t.metrics_due_at IS NOT NULL)::int AS metrics,
              count(*) FILTER (WHERE t.status = 'published')::int AS published
         FROM posts p JOIN post_targets t ON t.post_id = p.id WHERE p.kind = 'reply'`,
    );
    expect(kabar).toEqual({ first: 0, metrics: 0, published: expect.any(Number) });
    expect(kabar.published).toBeGreaterThanOrEqual(made.length);
    await waitFor(
      'published replies marked answered',
      async () => {
        const [a] = await t.ds.query(
          `SELECT count(*)::int AS n FROM aduan_replies r JOIN post_targets t ON t.id = r.target_id WHERE t.status = 'published' AND r.answered_at IS NULL`,
        );
        return a.n === 0;
      },
      20_000,
      300,
    );
  });
});
