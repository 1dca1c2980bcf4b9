import { http } from '../../support/http';
import { FIXED_NOW } from '../../support/fixed-clock';
import { TestApp, startTestApp } from '../../support/test-app';
import { createUserWithRole, loginAs, unitId, userWithRole } from '../../support/users';
import { BATU_TULIS, BOGOR_SELATAN, BONDONGAN, bilingual, createAccount } from './content-fixtures';

const DISKOMINFO = '32.71.OPD.DISKOMINFO';

describe('posts: the actions each state allows, notices of review, unit-bound targets, the composer helpers', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let reviewer: Awaited<ReturnType<typeof userWithRole>>;
  let cityAdmin: Awaited<ReturnType<typeof userWithRole>>;
  let kecAdmin: Awaited<ReturnType<typeof userWithRole>>;
  let batuTulisId: string;
  let x: { id: string; handle: string };
  let fb: { id: string; handle: string };
  let bondonganTg: { id: string; handle: string };
  const api = (token: string, method: string, path: string, body?: unknown, lang = 'id') =>
    http(t.baseUrl, method, `/api/v1${path}`, { token, body, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    t = await startTestApp({ clockStart: FIXED_NOW });
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin', name: 'Admin Batu Tulis' });
    reviewer = await userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'reviewer', name: 'Peninjau Bogor Selatan' });
    kecAdmin = await userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'admin', name: 'Admin Bogor Selatan' });
    cityAdmin = await userWithRole(t, { role: 'admin', name: 'Admin Kota' });
    batuTulisId = await unitId(t, BATU_TULIS);
    x = await createAccount(t, BATU_TULIS, 'x', 'kel_batutulis');
    fb = await createAccount(t, BATU_TULIS, 'facebook', 'kelurahanbatutulis');
    bondonganTg = await createAccount(t, BONDONGAN, 'telegram', 'kel_bondongan');
  }, 60_000);
  afterAll(() => t?.close());

  const draft = (extra: Record<string, unknown> = {}) => ({
    unitId: batuTulisId,
    pillar: 'cerita_wilayah',
    variants: bilingual('Kerja bakti warga RW 05 membersihkan saluran air.', 'Residents of RW 05 cleaned the drains together.'),
    targets: [{ accountId: x.id }, { accountId: fb.id, language: 'en' }],
    scheduledAt: '2099-11-26T09:00',
    ...extra,
  });
  const notices = async (userId: string) =>
    (await t.ds.query(`SELECT kind, message_key, params, post_id FROM notifications WHERE user_id = $1 ORDER BY id`, [userId])) as Array<{
      kind: string;
      message_key: string;
      params: Record<string, string>;
      post_id: string;
    }>;

  it('answers each state with the actions its caller may take, and notifies reviewers and the author at each review step', async () => {
    const created = (await api(admin.token, 'POST', '/posts', draft())).body;
    expect(created.allowedActions).toEqual(['edit', 'submit', 'delete', 'duplicate']);
    expect((await api(reviewer.token, 'GET', `/posts/${created.id}`)).body.allowedActions).toEqual([]);

    let res = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    expect(res.body.status).toBe('in_review');
    expect(res.body.allowedActions).toEqual(['edit', 'cancel', 'delete', 'duplicate']);
    expect((await api(reviewer.token, 'GET', `/posts/${created.id}`)).body.allowedActions).toEqual(['approve', 'request_changes']);
    // the reviewer of the kecamatan is told (in their language, when they read it); the author is not told of their own step
    const told = await notices(reviewer.id);
    expect(told.map((n) => [n.kind, n.post_id])).toEqual([['post_submitted', created.id]]);
    const list = await api(reviewer.token, 'GET', '/notifications', undefined, 'en');
    expect(list.body.items[0].message).toBe(
      'A new post from Batu Tulis is waiting for your review: "Kerja bakti warga RW 05 membersihkan saluran air." (submitted by Admin Batu Tulis).',
    );
    expect(await notices(admin.id)).toEqual([]);

    res = await api(reviewer.token, 'POST', `/posts/${created.id}/request-changes`, { comment: 'Tambahkan foto kegiatan.' });
    expect(res.body.status).toBe('changes_requested');
    expect((await api(admin.token, 'GET', '/notifications')).body.items[0].message).toBe(
      'Peninjau meminta perubahan pada unggahan Anda "Kerja bakti warga RW 05 membersihkan saluran air.": Tambahkan foto kegiatan.',
    );

    // Beranda lists it for the author's unit admins, opening the post
    let home = (await api(admin.token, 'GET', '/home')).body;
    expect(home.changesRequested).toMatchObject({ count: 1, items: [{ postId: created.id, unitName: 'Batu Tulis' }] });
    expect(home.approvedNotScheduled.count).toBe(0);

    res = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    res = await api(reviewer.token, 'POST', `/posts/${created.id}/approve`, { version: res.body.version });
    expect(res.body.status).toBe('scheduled');
    expect(res.body.allowedActions).toEqual([]);
    const mine = (await api(admin.token, 'GET', '/notifications')).body.items;
    expect(mine[0].message).toBe(
      'Unggahan Anda "Kerja bakti warga RW 05 membersihkan saluran air." disetujui dan dijadwalkan terbit Kamis, 26 November 2099 pukul 09.00 WIB.',
    );
    expect((await notices(reviewer.id)).map((n) => n.kind)).toEqual(['post_submitted', 'post_submitted']);

    const scheduled = (await api(admin.token, 'GET', `/posts/${created.id}`)).body;
    expect(scheduled.allowedActions).toEqual(['edit', 'reschedule', 'unschedule', 'cancel', 'duplicate']);
    res = await api(admin.token, 'POST', `/posts/${created.id}/unschedule`, { version: scheduled.version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    expect(res.body.targets.map((tg: any) => [tg.status, tg.scheduledAt])).toEqual([
      ['pending', '2099-11-26T02:00:00.000Z'],
      ['pending', '2099-11-26T02:00:00.000Z'],
    ]);
    expect(res.body.allowedActions).toEqual(['edit', 'schedule', 'cancel', 'delete', 'duplicate']);
    expect(res.body.history.at(-1)).toMatchObject({ action: 'unschedule', fromStatus: 'scheduled', toStatus: 'approved' });
    home = (await api(admin.token, 'GET', '/home')).body;
    expect([home.changesRequested.count, home.approvedNotScheduled.count, home.approvedNotScheduled.items[0].postId]).toEqual([0, 1, created.id]);
  });

  it('deletes only what nothing went out from, duplicates as a new draft, and never republishes a published target', async () => {
    const a = (await api(admin.token, 'POST', '/posts', draft())).body;
    let res = await api(admin.token, 'DELETE', `/posts/${a.id}`);
    expect(res.status).toBe(204);
    expect((await api(admin.token, 'GET', `/posts/${a.id}`)).status).toBe(404);

    const b = (await api(admin.token, 'POST', '/posts', draft())).body;
    const submitted = (await api(admin.token, 'POST', `/posts/${b.id}/submit`, {})).body;
    await api(reviewer.token, 'POST', `/posts/${b.id}/approve`, { version: submitted.version });
    res = await api(admin.token, 'DELETE', `/posts/${b.id}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('Unggahan berstatus "Terjadwal" tidak dapat dihapus: batalkan atau keluarkan dari jadwal dulu.');

    // one target went out: no edit, no new time, no delete, no unschedule; cancel stops the other; duplicate is a fresh draft
    await t.ds.query(`UPDATE post_targets SET status = 'published', external_url = 'https://x.com/i/9' WHERE post_id = $1 AND account_id = $2`, [b.id, x.id]);
    const now = (await api(admin.token, 'GET', `/posts/${b.id}`)).body;
    expect(now.allowedActions).toEqual(['cancel', 'duplicate']);
    expect((await api(admin.token, 'PATCH', `/posts/${b.id}`, { version: now.version, scheduledAt: '2099-12-01T09:00' })).status).toBe(409);
    expect((await api(admin.token, 'POST', `/posts/${b.id}/unschedule`, {})).status).toBe(409);
    expect((await api(admin.token, 'POST', `/posts/${b.id}/schedule`, { scheduledAt: '2099-12-01T09:00' })).status).toBe(409);
    expect((await api(admin.token, 'DELETE', `/posts/${b.id}`)).status).toBe(409);
    const [published] = await t.ds.query(`SELECT status, external_url, version FROM post_targets WHERE post_id = $1 AND account_id = $2`, [b.id, x.id]);
    expect([published.status, published.external_url]).toEqual(['published', 'https://x.com/i/9']);

    res = await api(admin.token, 'POST', `/posts/${b.id}/duplicate`, {});
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(b.id);
    expect([res.body.status, res.body.scheduledAt]).toEqual(['draft', null]);
    expect(res.body.variants.map((v: any) => v.text)).toEqual(now.variants.map((v: any) => v.text));
    expect(res.body.targets.map((tg: any) => [tg.accountId, tg.language, tg.status])).toEqual([
      [x.id, 'id', 'pending'],
      [fb.id, 'en', 'pending'],
    ]);
    expect(res.body.history.map((h: any) => [h.action, h.details])).toEqual([['duplicate', { from: b.id }]]);
    // the original is untouched
    expect((await api(admin.token, 'GET', `/posts/${b.id}`)).body.version).toBe(now.version);
  });

  it("targets only the accounts of the post's unit and its subtree, and says which account is refused", async () => {
    const diskominfo = await unitId(t, DISKOMINFO);
    const body = { unitId: diskominfo, pillar: 'layanan_publik', variants: bilingual('Layanan KTP-el buka Sabtu.'), targets: [{ accountId: fb.id }] };
    let res = await api(cityAdmin.token, 'POST', '/posts', body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      {
        field: 'targets[0].accountId',
        code: 'content.target.otherUnit',
        message:
          'Akun kelurahanbatutulis (facebook) milik Batu Tulis, bukan Dinas Komunikasi dan Informatika atau unit di bawahnya: unggahan Dinas Komunikasi dan Informatika hanya dapat diterbitkan di akun Dinas Komunikasi dan Informatika dan unit di bawahnya.',
      },
    ]);
    res = await api(cityAdmin.token, 'POST', '/posts', body, 'en');
    expect(res.body.details[0].message).toMatch(/^Account kelurahanbatutulis \(facebook\) belongs to Batu Tulis, not to Dinas Komunikasi dan Informatika/);
    // the live check says the same, next to the account
    res = await api(cityAdmin.token, 'POST', '/posts/validate', body);
    expect(res.body.problems.find((p: any) => p.code === 'content.target.otherUnit')).toMatchObject({ accountId: fb.id, field: 'targets[0].accountId' });
    // a kecamatan's post may go out on its kelurahan's accounts (its subtree)
    const kec = await api(kecAdmin.token, 'POST', '/posts', { ...draft(), unitId: await unitId(t, BOGOR_SELATAN) });
    expect(kec.status).toBe(201);

    // the composer is offered exactly those: Batu Tulis alone for its post, the whole kecamatan for the kecamatan's
    res = await api(admin.token, 'GET', `/posts/target-accounts?unitId=${batuTulisId}`);
    expect(res.body.map((a: any) => [a.platform, a.handle, a.unitName])).toEqual([
      ['facebook', 'kelurahanbatutulis', 'Batu Tulis'],
      ['x', 'kel_batutulis', 'Batu Tulis'],
    ]);
    res = await api(kecAdmin.token, 'GET', `/posts/target-accounts?unitId=${await unitId(t, BOGOR_SELATAN)}`);
    expect(res.body.map((a: any) => a.handle).sort()).toEqual([bondonganTg.handle, 'kel_batutulis', 'kelurahanbatutulis'].sort());
    // a unit outside the caller's own: not found
    expect((await api(admin.token, 'GET', `/posts/target-accounts?unitId=${await unitId(t, BONDONGAN)}`)).status).toBe(404);
  });

  it("offers the best time to post from the unit's own published posts, as the next such hour in the unit's zone", async () => {
    const account = await createAccount(t, BONDONGAN, 'instagram', 'bondongan_ig');
    const bondongan = await unitId(t, BONDONGAN);
    // 24 Tuesdays at 19:00 WIB with 5% interactions per follower, 6 Mondays at 08:00 with 1%; the clock stands on Wednesday 17 June 2099
    const at = (weeksBack: number, day: string, hh: string) => new Date(new Date(`2099-06-${day}T${hh}:00:00+07:00`).getTime() - weeksBack * 7 * 86_400_000);
    const rows = [
      ...Array.from({ length: 24 }, (_, k) => ({ at: at(k, '16', '19'), likes: 50 })),
      ...Array.from({ length: 6 }, (_, k) => ({ at: at(k, '15', '08'), likes: 10 })),
    ];
    for (const r of rows) {
      const [post] = await t.ds.query(`INSERT INTO posts (unit_id, pillar, status) VALUES ($1, 'cerita_wilayah', 'published') RETURNING id`, [bondongan]);
      const [target] = await t.ds.query(
        `INSERT INTO post_targets (post_id, account_id, language, status, idempotency_key, published_at) VALUES ($1, $2, 'id', 'published', gen_random_uuid()::text, $3) RETURNING id`,
        [post.id, account.id, r.at],
      );
      await t.ds.query(
        `INSERT INTO target_metrics (target_id, post_id, account_id, unit_id, platform, published_at, followers_at_post, likes, collected_at)
         VALUES ($1, $2, $3, $4, 'instagram', $5, 1000, $6, $5)`,
        [target.id, post.id, account.id, bondongan, r.at, r.likes],
      );
    }
    const bondonganAdmin = await createUserWithRole(t, { unitCode: BONDONGAN, role: 'admin' });
    const login = await loginAs(t, bondonganAdmin.email, bondonganAdmin.password);
    const res = await api(login.token, 'GET', `/posts/best-time?unitId=${bondongan}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'unit', posts: 30, timeZone: 'Asia/Jakarta' });
    expect(res.body.slots.map((s: any) => [s.weekday, s.hour, s.posts, s.next])).toEqual([
      [2, 19, 24, '2099-06-23T19:00'],
      [1, 8, 6, '2099-06-22T08:00'],
    ]);
    expect(res.body.slots[0].rate).toBeCloseTo(0.05, 5);
    // Batu Tulis has no history of its own yet: the city's (Bondongan's here) is offered, and said to be the city's
    const city = await api(admin.token, 'GET', `/posts/best-time?unitId=${batuTulisId}`);
    expect(city.body.source).toBe('city');
    expect(city.body.slots[0]).toMatchObject({ weekday: 2, hour: 19 });
  });
});
