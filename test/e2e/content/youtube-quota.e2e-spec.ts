import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { BATU_TULIS, bilingual, createAccount } from './content-fixtures';

/** "Says so before scheduling": a YouTube upload on a quota day whose units are spoken for gets a warning. */
describe('posts: YouTube daily quota warning before scheduling', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let unit: string;
  let yt: { id: string; handle: string };
  const api = (token: string, method: string, path: string, body?: unknown, lang = 'id') =>
    http(t.baseUrl, method, `/api/v1${path}`, { token, body, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    // two uploads a day (3,200 units at 1,600 each)
    t = await startTestApp({ youtubeDailyUnits: 3200, youtubeUploadUnits: 1600 });
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    [{ id: unit }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS]);
    yt = await createAccount(t, BATU_TULIS, 'youtube', 'kel_batutulis_yt');
  }, 60_000);
  afterAll(() => t?.close());

  const post = (scheduledAt: string) => ({
    unitId: unit,
    pillar: 'cerita_wilayah',
    variants: bilingual('Video kerja bakti Batu Tulis.'),
    targets: [{ accountId: yt.id }],
    scheduledAt,
  });
  /** Another post's YouTube upload, scheduled at `at`. */
  const planUpload = async (at: string) => {
    const [{ id }] = await t.ds.query(
      `INSERT INTO posts (unit_id, pillar, status, scheduled_at, time_zone) VALUES ($1, 'informasi', 'scheduled', $2, 'Asia/Jakarta') RETURNING id`,
      [unit, at],
    );
    await t.ds.query(
      `INSERT INTO post_targets (post_id, account_id, language, scheduled_at, status, idempotency_key) VALUES ($1::uuid, $2, 'id', $3, 'scheduled', 'kabar:' || $1::text)`,
      [id, yt.id, at],
    );
  };
  const quota = (res: { body: any }) => res.body.warnings.filter((w: any) => w.code === 'content.schedule.youtubeQuota');

  it('warns when the day is spoken for (spent units, other planned uploads), in Indonesian and English, and not on a free day', async () => {
    // 26 Nov 2030 09:00 WIB is 25 Nov, 18:00 Pacific time: that quota day has 1,700 units spent already
    await t.ds.query(`INSERT INTO limit_quota_days (key, day, units) VALUES ('youtube:app:units', '2030-11-25', 1700)`);
    let res = await api(admin.token, 'POST', '/posts/validate', post('2030-11-26T09:00'));
    expect(res.status).toBe(200);
    expect(quota(res)).toEqual([
      {
        field: 'targets[0].scheduledAt',
        code: 'content.schedule.youtubeQuota',
        accountId: yt.id,
        params: { date: '25 November 2030', uploads: 2, planned: 1 },
        message:
          'Kuota harian YouTube untuk 25 November 2030 (waktu Pasifik) sudah habis terpakai: cukup untuk 2 unggahan dan 1 sudah direncanakan atau terunggah. Video ini akan menunggu sampai kuota diperbarui.',
      },
    ]);
    res = await api(admin.token, 'POST', '/posts/validate', post('2030-11-26T09:00'), 'en');
    expect(quota(res)[0].message).toBe(
      "YouTube's daily quota for 25 November 2030 (Pacific time) is already spoken for: it allows 2 uploads; planned or done: 1. This video will wait until the quota resets.",
    );
    // 27 Nov 09:00 WIB (26 Nov Pacific): nothing spent; one other upload planned that day still leaves room
    await planUpload('2030-11-27T02:00:00Z');
    res = await api(admin.token, 'POST', '/posts/validate', post('2030-11-27T09:00'));
    expect(quota(res)).toEqual([]);
    // a second planned upload fills that day: the next one is told
    await planUpload('2030-11-27T03:00:00Z');
    res = await api(admin.token, 'POST', '/posts/validate', post('2030-11-27T09:00'), 'en');
    expect(quota(res).map((w: any) => w.message)).toEqual([
      "YouTube's daily quota for 26 November 2030 (Pacific time) is already spoken for: it allows 2 uploads; planned or done: 2. This video will wait until the quota resets.",
    ]);
  });
});
