import { FIXED_NOW } from '../../support/fixed-clock';
import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { BATU_TULIS, BOGOR_SELATAN, BONDONGAN, seedReportsScenario } from '../../support/analytics-fixtures';

/** A post scheduled two weeks after the fixed clock's now. */
const NEXT_AT = new Date(FIXED_NOW.getTime() + 14 * 86_400_000).toISOString();

describe('GET /api/v1/home', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedReportsScenario>>;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let reviewer: Awaited<ReturnType<typeof userWithRole>>;
  let scheduled: string;
  const home = (token: string) => http(t.baseUrl, 'GET', '/api/v1/home', { token });

  beforeAll(async () => {
    t = await startTestApp({ clockStart: FIXED_NOW });
    s = await seedReportsScenario(t);
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    reviewer = await userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'reviewer' });
    // this month (the fixed clock's): one reading today for a1 (1300); the last day before the month is 2 March 2026 (1250)
    await s.f.snapshots([[s.a1.id, FIXED_NOW.toISOString(), 1300]]);
    scheduled = await s.f.post({
      unitCode: BATU_TULIS,
      accountIds: [s.a1.id],
      status: 'scheduled',
      targetStatus: 'scheduled',
      scheduledAt: NEXT_AT,
      excerpt: 'Kerja bakti Minggu pagi',
    });
    await s.f.post({ unitCode: BATU_TULIS, accountIds: [s.a1.id], status: 'partially_failed', targetStatus: 'failed', excerpt: 'Gagal terkirim' });
    await s.f.post({ unitCode: BONDONGAN, accountIds: [s.a2.id], status: 'partially_failed', targetStatus: 'missed', excerpt: 'Terlewat' });
    await s.f.post({ unitCode: BONDONGAN, accountIds: [s.a2.id], status: 'in_review', excerpt: 'Menunggu tinjauan', authorId: admin.id });
    await s.f.post({ unitCode: BONDONGAN, accountIds: [s.a2.id], status: 'in_review', excerpt: 'Tinjauan sendiri', authorId: reviewer.id });
  }, 120_000);
  afterAll(() => t?.close());

  it('for a kelurahan admin: its accounts, next posts, problems and growth of its unit this month', async () => {
    const res = await home(admin.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accounts: [{ id: s.a1.id, handle: 'batutulis', platform: 'instagram', status: 'active', followers: 1300, unitName: 'Batu Tulis' }],
      nextScheduled: [{ postId: scheduled, excerpt: 'Kerja bakti Minggu pagi', scheduledAt: NEXT_AT, platforms: ['instagram'] }],
      problems: { failed: 1, missed: 0, held: 0, needsReconnect: 0 },
      awaitingReview: 0,
      approvedNotScheduled: { count: 0, items: [] },
      changesRequested: { count: 0, items: [] },
      growthThisMonth: { followers: 1300, netNew: 50, growthPct: 4 },
    });
  });

  it('for a kecamatan reviewer: every account in scope, problems of the kecamatan, reviews waiting (not their own)', async () => {
    const res = await home(reviewer.token);
    expect(res.status).toBe(200);
    expect(res.body.accounts.map((a: any) => [a.handle, a.unitName, a.followers, a.status])).toEqual([
      ['batutulis', 'Batu Tulis', 1300, 'active'],
      ['bondongan', 'Bondongan', 2100, 'active'],
      ['empang_tg', 'Empang', null, 'needs_reconnect'],
      ['empang', 'Empang', 600, 'active'],
    ]);
    expect(res.body.nextScheduled.map((n: any) => n.postId)).toEqual([scheduled]);
    expect(res.body.problems).toEqual({ failed: 1, missed: 1, held: 0, needsReconnect: 1 });
    expect(res.body.awaitingReview).toBe(1);
    // the kecamatan's subtree: only a1 reported this month (1300); on 2 March 2026 the subtree had 1250
    expect(res.body.growthThisMonth).toEqual({ followers: 1300, netNew: 50, growthPct: 4 });
  });
});
