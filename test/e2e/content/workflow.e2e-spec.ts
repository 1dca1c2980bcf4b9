import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { createUserWithRole, loginAs, userWithRole } from '../../support/users';
import { BATU_TULIS, BOGOR_SELATAN, BONDONGAN, bilingual, createAccount } from './content-fixtures';

describe('posts: drafting, review and scheduling over HTTP', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let reviewer: Awaited<ReturnType<typeof userWithRole>>;
  let otherAdmin: Awaited<ReturnType<typeof userWithRole>>;
  let batuTulisId: string;
  let x: { id: string; handle: string };
  let fb: { id: string; handle: string };
  const api = (token: string, method: string, path: string, body?: unknown, lang = 'id') =>
    http(t.baseUrl, method, `/api/v1${path}`, { token, body, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin', name: 'Admin Batu Tulis' });
    reviewer = await userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'reviewer', name: 'Peninjau Bogor Selatan' });
    otherAdmin = await userWithRole(t, { unitCode: BONDONGAN, role: 'admin' });
    [{ id: batuTulisId }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS]);
    x = await createAccount(t, BATU_TULIS, 'x', 'kel_batutulis');
    fb = await createAccount(t, BATU_TULIS, 'facebook', 'kelurahanbatutulis');
  }, 60_000);
  afterAll(() => t?.close());

  const draft = (extra: Record<string, unknown> = {}) => ({
    unitId: batuTulisId,
    pillar: 'cerita_wilayah',
    variants: bilingual('Kerja bakti warga RW 05 membersihkan saluran air.', 'Residents of RW 05 cleaned the drains together.'),
    targets: [{ accountId: x.id }, { accountId: fb.id, language: 'en' }],
    scheduledAt: '2030-11-26T09:00',
    ...extra,
  });

  it('stores a local WIB time as UTC: 09:00 WIB is 02:00Z, 09:00 WITA is 01:00Z', async () => {
    const res = await api(admin.token, 'POST', '/posts', draft());
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('draft');
    expect(res.body.scheduledAt).toBe('2030-11-26T02:00:00.000Z');
    expect(res.body.scheduledAtLocal).toBe('2030-11-26T09:00');
    expect(res.body.timeZone).toBe('Asia/Jakarta');
    expect(res.body.targets.map((tg: any) => [tg.platform, tg.language, tg.status, tg.scheduledAt])).toEqual([
      ['x', 'id', 'pending', '2030-11-26T02:00:00.000Z'],
      ['facebook', 'en', 'pending', '2030-11-26T02:00:00.000Z'],
    ]);
    const [row] = await t.ds.query(`SELECT scheduled_at FROM posts WHERE id = $1`, [res.body.id]);
    expect(new Date(row.scheduled_at).toISOString()).toBe('2030-11-26T02:00:00.000Z');
    const wita = await api(admin.token, 'POST', '/posts', draft({ timeZone: 'Asia/Makassar' }));
    expect(wita.body.scheduledAt).toBe('2030-11-26T01:00:00.000Z');
  });

  it('runs the whole workflow with history, and refuses self-approval and stale versions', async () => {
    const created = (await api(admin.token, 'POST', '/posts', draft())).body;
    let res = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('in_review');

    // the author, even holding the reviewer role, may not approve their own post
    await t.ds.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'reviewer')`, [admin.id, batuTulisId]);
    res = await api(admin.token, 'POST', `/posts/${created.id}/approve`, { version: res.body.version });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('Anda tidak dapat menyetujui unggahan Anda sendiri.');
    res = await api(otherAdmin.token, 'POST', `/posts/${created.id}/approve`, { version: 1 });
    expect(res.status).toBe(404);

    res = await api(reviewer.token, 'POST', `/posts/${created.id}/request-changes`, {}, 'en');
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: 'comment', message: 'Required.' });
    res = await api(reviewer.token, 'POST', `/posts/${created.id}/request-changes`, { comment: 'Tambahkan jam kegiatan.' });
    expect(res.body.status).toBe('changes_requested');

    res = await api(admin.token, 'PATCH', `/posts/${created.id}`, { version: 1, pillar: 'layanan_publik' });
    expect(res.status).toBe(409);
    const version = res.body.code === 'content.post.staleVersion' ? (await api(admin.token, 'GET', `/posts/${created.id}`)).body.version : 0;
    res = await api(admin.token, 'PATCH', `/posts/${created.id}`, {
      version,
      variants: bilingual('Kerja bakti warga RW 05, Minggu pukul 07.00.', 'Clean-up day, Sunday 07:00.'),
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('changes_requested');

    res = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    res = await api(reviewer.token, 'POST', `/posts/${created.id}/approve`, { version: res.body.version, comment: 'Baik.' });
    expect(res.status).toBe(200);
    // Approved with its time still ahead: on the schedule at once, nobody has to come back to click "Jadwalkan".
    expect(res.body.status).toBe('scheduled');
    expect(res.body.approvedBy).toBe(reviewer.id);
    expect(res.body.targets.map((tg: any) => tg.status)).toEqual(['scheduled', 'scheduled']);

    res = await api(admin.token, 'POST', `/posts/${created.id}/schedule`, { scheduledAt: '2020-01-01T09:00', version: res.body.version });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: 'scheduledAt', message: 'Waktu terbit tidak boleh di masa lalu.' });
    res = await api(admin.token, 'POST', `/posts/${created.id}/schedule`, {
      scheduledAt: '2030-11-26T10:00',
      targets: [{ accountId: fb.id, scheduledAt: '2030-11-26T11:30' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('scheduled');
    const targets = await t.ds.query(
      `SELECT id, account_id, status, scheduled_at, idempotency_key, fingerprint FROM post_targets WHERE post_id = $1 ORDER BY scheduled_at`,
      [created.id],
    );
    expect(targets.map((r: any) => [r.account_id, r.status, new Date(r.scheduled_at).toISOString(), r.idempotency_key === r.id, r.fingerprint])).toEqual([
      [x.id, 'scheduled', '2030-11-26T03:00:00.000Z', true, null],
      [fb.id, 'scheduled', '2030-11-26T04:30:00.000Z', true, null],
    ]);

    const full = (await api(admin.token, 'GET', `/posts/${created.id}`)).body;
    expect(full.history.map((h: any) => h.action)).toEqual(['create', 'submit', 'request_changes', 'edit', 'submit', 'approve', 'schedule', 'reschedule']);
    expect(full.history[2]).toMatchObject({
      comment: 'Tambahkan jam kegiatan.',
      actorName: 'Peninjau Bogor Selatan',
      fromStatus: 'in_review',
      toStatus: 'changes_requested',
    });
    expect(full.targets[0]).toMatchObject({ status: 'scheduled', externalUrl: null, lastError: null });

    // an edit after approval goes back to review and takes the targets back from publishing
    res = await api(admin.token, 'PATCH', `/posts/${created.id}`, { version: full.version, pillar: 'layanan_publik' });
    expect(res.body.status).toBe('in_review');
    expect(res.body.targets.map((tg: any) => tg.status)).toEqual(['pending', 'pending']);
    expect(res.body.history.at(-1).details.reason).toBe('content.history.editedAfterApproval');
  });

  it('refuses to edit a post whose target is already published (409) and cancels only what has not gone out', async () => {
    const created = (await api(admin.token, 'POST', '/posts', draft())).body;
    const submitted = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    await api(reviewer.token, 'POST', `/posts/${created.id}/approve`, { version: submitted.body.version });
    let res = await api(admin.token, 'POST', `/posts/${created.id}/schedule`, {});
    expect(res.body.status).toBe('scheduled');
    await t.ds.query(`UPDATE post_targets SET status = 'published', external_url = 'https://x.com/i/1' WHERE post_id = $1 AND account_id = $2`, [
      created.id,
      x.id,
    ]);
    res = await api(admin.token, 'PATCH', `/posts/${created.id}`, { version: res.body.version, pillar: 'wisata' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('kel_batutulis');
    res = await api(admin.token, 'POST', `/posts/${created.id}/cancel`, {});
    expect(res.status).toBe(200);
    expect(res.body.targets.map((tg: any) => [tg.platform, tg.status, tg.externalUrl])).toEqual([
      ['x', 'published', 'https://x.com/i/1'],
      ['facebook', 'cancelled', null],
    ]);
  });

  it('cancels a scheduled post: every target cancelled', async () => {
    const created = (await api(admin.token, 'POST', '/posts', draft())).body;
    const submitted = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    await api(reviewer.token, 'POST', `/posts/${created.id}/approve`, { version: submitted.body.version });
    await api(admin.token, 'POST', `/posts/${created.id}/schedule`, {});
    const res = await api(admin.token, 'POST', `/posts/${created.id}/cancel`, {});
    expect(res.body.status).toBe('cancelled');
    expect(res.body.targets.map((tg: any) => tg.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('skips review where the unit needs none', async () => {
    await t.ds.query(`UPDATE units SET review_required = false WHERE code = $1`, [BONDONGAN]);
    const [{ id: bondongan }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BONDONGAN]);
    const acc = await createAccount(t, BONDONGAN, 'telegram');
    const created = (
      await api(otherAdmin.token, 'POST', '/posts', {
        unitId: bondongan,
        pillar: 'layanan_publik',
        variants: bilingual('Pelayanan KTP-el buka Sabtu.'),
        targets: [{ accountId: acc.id }],
      })
    ).body;
    const res = await api(otherAdmin.token, 'POST', `/posts/${created.id}/submit`, {});
    expect(res.body.status).toBe('approved');
    expect(res.body.history.at(-1).details.reason).toBe('content.history.noReviewNeeded');
  });

  it('an approved post whose time has passed stays approved, with a warning saying what to do', async () => {
    const created = (await api(admin.token, 'POST', '/posts', draft())).body;
    const submitted = await api(admin.token, 'POST', `/posts/${created.id}/submit`, {});
    // The time passes while the post waits for review.
    await t.ds.query(`UPDATE posts SET scheduled_at = now() - interval '1 hour' WHERE id = $1`, [created.id]);
    const res = await api(reviewer.token, 'POST', `/posts/${created.id}/approve`, { version: submitted.body.version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    expect(res.body.warnings).toEqual([
      {
        field: 'scheduledAt',
        code: 'content.post.approvedTimePassed',
        params: {},
        message: 'Disetujui, tetapi waktu terbitnya sudah lewat: pilih waktu baru lalu jadwalkan.',
      },
    ]);
  });

  it('hides kelurahan A posts from the kelurahan B admin (404) and lists by filters', async () => {
    const created = (await api(admin.token, 'POST', '/posts', draft({ pillar: 'tanggap_aduan' }))).body;
    expect((await api(otherAdmin.token, 'GET', `/posts/${created.id}`)).status).toBe(404);
    expect((await api(otherAdmin.token, 'PATCH', `/posts/${created.id}`, { version: 1, pillar: 'wisata' })).status).toBe(404);
    expect((await api(otherAdmin.token, 'GET', `/posts?pillar=tanggap_aduan`)).body.total).toBe(0);
    const mine = await api(admin.token, 'GET', `/posts?pillar=tanggap_aduan&accountId=${x.id}&from=2030-11-26&to=2030-11-27&q=saluran`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: any) => i.id)).toEqual([created.id]);
    const viewer = await createUserWithRole(t, { unitCode: BATU_TULIS, role: 'viewer' });
    const v = await loginAs(t, viewer.email, viewer.password);
    expect((await api(v.token, 'GET', `/posts/${created.id}`)).status).toBe(200);
    expect((await api(v.token, 'PATCH', `/posts/${created.id}`, { version: 1, pillar: 'wisata' })).status).toBe(403);
    expect((await api(reviewer.token, 'GET', `/posts?unitId=${batuTulisId}&pageSize=2`)).body.items.length).toBe(2);
  });
});
