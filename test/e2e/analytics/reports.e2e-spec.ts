import { unzipSync, strFromU8 } from 'fflate';
import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { unitId, userWithRole } from '../../support/users';
import { BATU_TULIS, BOGOR_SELATAN, BONDONGAN, EMPANG, seedReportsScenario } from '../../support/analytics-fixtures';

/** RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** The JSON rows as the export must carry them: header = the row keys, null = empty, numbers plain. */
function asTable(rows: Array<Record<string, unknown>>, columns: string[]): string[][] {
  return [columns, ...rows.map((r) => columns.map((c) => (r[c] === null ? '' : String(r[c]))))];
}

describe('analytics reports', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedReportsScenario>>;
  let city: Awaited<ReturnType<typeof userWithRole>>;
  let kelAdmin: Awaited<ReturnType<typeof userWithRole>>;
  let units: Record<string, string>;
  const get = (token: string, path: string, headers: Record<string, string> = {}) => http(t.baseUrl, 'GET', `/api/v1/analytics${path}`, { token, headers });
  const raw = async (token: string, path: string) => {
    const res = await fetch(`${t.baseUrl}/api/v1/analytics${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    s = await seedReportsScenario(t);
    city = await userWithRole(t, { role: 'reviewer' });
    kelAdmin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    units = {
      city: await unitId(t, '32.71'),
      bogorSelatan: await unitId(t, BOGOR_SELATAN),
      batuTulis: await unitId(t, BATU_TULIS),
      bondongan: await unitId(t, BONDONGAN),
      empang: await unitId(t, EMPANG),
    };
  }, 120_000);
  afterAll(() => t?.close());

  describe('followers', () => {
    it('daily series: local days in WIB (16:59:59Z vs 17:00:00Z), the month boundary, the baseline before from, a gap as null', async () => {
      const res = await get(kelAdmin.token, `/followers?scope=account&id=${s.a1.id}&from=2026-01-30&to=2026-02-03`);
      expect(res.status).toBe(200);
      expect(res.body.meta).toMatchObject({ report: 'followers', from: '2026-01-30', to: '2026-02-03', timeZone: 'Asia/Jakarta', granularity: 'day' });
      expect(res.body.rows).toEqual([
        // Jan 30 ends with the 16:59:59Z reading; 17:00:00Z (1020) opens Jan 31, whose last is 1030 (16:59:59Z)
        { period: '2026-01-30', followers: 1010, netNew: 10, growthPct: 1, accounts: 1, expectedAccounts: 1 },
        { period: '2026-01-31', followers: 1030, netNew: 20, growthPct: 1.98, accounts: 1, expectedAccounts: 1 },
        { period: '2026-02-01', followers: 1050, netNew: 20, growthPct: 1.94, accounts: 1, expectedAccounts: 1 },
        { period: '2026-02-02', followers: null, netNew: null, growthPct: null, accounts: 0, expectedAccounts: 1 },
        { period: '2026-02-03', followers: 1070, netNew: null, growthPct: null, accounts: 1, expectedAccounts: 1 },
      ]);
    });

    it('ISO week buckets start on Monday; month buckets; the first bucket without an earlier day has no netNew', async () => {
      let res = await get(city.token, `/followers?scope=account&id=${s.a1.id}&from=2026-01-29&to=2026-02-15&granularity=week`);
      expect(res.body.rows.map((r: any) => [r.period, r.followers, r.netNew, r.growthPct])).toEqual([
        ['2026-01-26', 1050, null, null],
        ['2026-02-02', 1070, 20, 1.9],
        ['2026-02-09', 1100, 30, 2.8],
      ]);
      res = await get(city.token, `/followers?scope=account&id=${s.a1.id}&from=2026-01-01&to=2026-03-31&granularity=month`);
      expect(res.body.rows.map((r: any) => [r.period, r.followers, r.netNew, r.growthPct])).toEqual([
        ['2026-01-01', 1030, null, null],
        ['2026-02-01', 1200, 170, 16.5],
        ['2026-03-01', 1250, 50, 4.17],
      ]);
    });

    it('a subtree sums the accounts that reported and says how many should have', async () => {
      const res = await get(city.token, `/followers?scope=subtree&id=${units.bogorSelatan}&from=2026-02-01&to=2026-02-03`);
      expect(res.body.rows).toEqual([
        { period: '2026-02-01', followers: 3550, netNew: 520, growthPct: 17.16, accounts: 3, expectedAccounts: 4 },
        { period: '2026-02-02', followers: null, netNew: null, growthPct: null, accounts: 0, expectedAccounts: 4 },
        { period: '2026-02-03', followers: 3070, netNew: null, growthPct: null, accounts: 2, expectedAccounts: 4 },
      ]);
      // the unit's own accounts: Bogor Selatan has none
      const own = await get(city.token, `/followers?scope=unit&id=${units.bogorSelatan}&from=2026-02-01&to=2026-02-01`);
      expect(own.body.rows).toEqual([{ period: '2026-02-01', followers: null, netNew: null, growthPct: null, accounts: 0, expectedAccounts: 0 }]);
    });
  });

  describe('leaderboard', () => {
    const lb = (q: string) => get(city.token, `/leaderboard?parentId=${units.bogorSelatan}&kind=kelurahan&month=2026-02${q}`);

    it('ranks by growth (default) with rankChange against January', async () => {
      const res = await lb('');
      expect(res.status).toBe(200);
      expect(res.body.rows).toHaveLength(16);
      expect(res.body.rows.slice(0, 3)).toEqual([
        {
          rank: 1,
          previousRank: 3,
          rankChange: 2,
          unitId: units.empang,
          unitName: 'Empang',
          kind: 'kelurahan',
          followers: 600,
          followersGrowthPct: 20,
          engagementRate: null,
          postsPublished: 0,
          consistencyWeeks: 0,
          weeks: 5,
          lastPostAt: null,
          programShare: null,
        },
        {
          rank: 2,
          previousRank: 2,
          rankChange: 0,
          unitId: units.batuTulis,
          unitName: 'Batu Tulis',
          kind: 'kelurahan',
          followers: 1200,
          followersGrowthPct: 14.29,
          engagementRate: 0.027352,
          postsPublished: 4,
          consistencyWeeks: 0,
          weeks: 5,
          lastPostAt: '2026-02-24T02:00:00.000Z',
          programShare: 0.25,
        },
        expect.objectContaining({
          rank: 3,
          previousRank: 1,
          rankChange: -2,
          unitName: 'Bondongan',
          followersGrowthPct: 5,
          engagementRate: 0.075,
          programShare: 1,
        }),
      ]);
      // units without data rank after, by name
      expect(res.body.rows[3]).toMatchObject({ rank: 4, unitName: 'Bojong Kerta', followers: null, followersGrowthPct: null });
    });

    it('ranks by engagement rate and by followers ascending; consistency counts weeks with minPosts', async () => {
      let res = await lb('&sort=engagementRate&dir=desc&minPosts=1');
      expect(res.body.rows.slice(0, 6).map((r: any) => [r.rank, r.unitName, r.previousRank, r.rankChange])).toEqual([
        [1, 'Bondongan', 3, 2],
        [2, 'Batu Tulis', 1, -1],
        [3, 'Bojong Kerta', 2, -1],
        [4, 'Cikaret', 4, 0],
        [5, 'Cipaku', 5, 0],
        [6, 'Empang', 6, 0],
      ]);
      expect(res.body.rows[1]).toMatchObject({ consistencyWeeks: 4, weeks: 5 });
      res = await lb('&sort=followers&dir=asc');
      expect(res.body.rows.slice(0, 4).map((r: any) => [r.rank, r.unitName, r.followers, r.previousRank])).toEqual([
        [1, 'Empang', 600, 1],
        [2, 'Batu Tulis', 1200, 2],
        [3, 'Bondongan', 2100, 3],
        [4, 'Bojong Kerta', null, 4],
      ]);
    });
  });

  it('engagement per account: follower-weighted rate', async () => {
    const res = await get(city.token, `/engagement?unitId=${units.bogorSelatan}&month=2026-02`);
    expect(res.body.rows).toEqual([
      {
        accountId: s.a1.id,
        handle: 'batutulis',
        platform: 'instagram',
        unitName: 'Batu Tulis',
        followers: 1200,
        posts: 4,
        interactions: 125,
        engagementRate: 0.027352,
      },
      {
        accountId: s.a2.id,
        handle: 'bondongan',
        platform: 'facebook',
        unitName: 'Bondongan',
        followers: 2100,
        posts: 1,
        interactions: 150,
        engagementRate: 0.075,
      },
      { accountId: s.a5.id, handle: 'empang_tg', platform: 'telegram', unitName: 'Empang', followers: null, posts: 0, interactions: 0, engagementRate: null },
      { accountId: s.a3.id, handle: 'empang', platform: 'x', unitName: 'Empang', followers: 600, posts: 0, interactions: 0, engagementRate: null },
    ]);
    const one = await get(city.token, `/engagement?accountId=${s.a2.id}&month=2026-02&platform=facebook`);
    expect(one.body.rows.map((r: any) => r.accountId)).toEqual([s.a2.id]);
  });

  it('top posts with their links, pillars with labels in the caller’s language, programs', async () => {
    const top = await get(city.token, `/top-posts?unitId=${units.bogorSelatan}&month=2026-02&limit=3`);
    expect(top.body.rows.map((r: any) => [r.postId, r.interactions, r.engagementRate])).toEqual([
      [s.p3.postId, 150, 0.075],
      [s.p1.postId, 50, 0.046729],
      [s.p4.postId, 30, 0.025],
    ]);
    expect(top.body.rows[0]).toMatchObject({
      targetId: s.p3.targetIds[0],
      platform: 'facebook',
      handle: 'bondongan',
      publishedAt: '2026-02-03T03:00:00.000Z',
      likes: 100,
      comments: 20,
      shares: 30,
    });
    expect(top.body.rows[0].url).toMatch(new RegExp(`^https://example.test/p/${s.p3.postId}/`));

    const pillars = await get(city.token, `/pillars?unitId=${units.bogorSelatan}&month=2026-02`, { 'accept-language': 'en' });
    expect(pillars.body.rows[0]).toEqual({
      pillar: 'cerita_wilayah',
      label: 'Regional stories',
      posts: 2,
      reach: 900,
      views: 2000,
      interactions: 80,
      engagementRate: 0.035242,
    });
    const idLabels = await get(city.token, `/pillars?unitId=${units.bogorSelatan}&month=2026-02`);
    expect(idLabels.body.rows[0].label).toBe('Cerita wilayah');
    expect(idLabels.body.rows.find((r: any) => r.pillar === 'tanggap_aduan')).toMatchObject({ posts: 0, interactions: 0, engagementRate: null });

    const programs = await get(city.token, `/programs?unitId=${units.bogorSelatan}&month=2026-02`, { 'accept-language': 'en' });
    expect(programs.body.rows).toEqual([
      { programId: s.program, name: 'Clean Bogor', priority: true, posts: 2, reach: 900, views: 2000, interactions: 200, engagementRate: 0.065147 },
    ]);
  });

  it('best time: own cell from 3 posts, else the city cell', async () => {
    const res = await get(kelAdmin.token, `/best-time?unitId=${units.batuTulis}&month=2026-02`);
    expect(res.body.rows).toHaveLength(168);
    const cell = (weekday: number, hour: number) => res.body.rows.find((r: any) => r.weekday === weekday && r.hour === hour);
    expect(cell(2, 9)).toEqual({ weekday: 2, hour: 9, posts: 3, engagementRate: 0.029971, source: 'own' });
    expect(cell(2, 10)).toEqual({ weekday: 2, hour: 10, posts: 1, engagementRate: 0.075, source: 'city' });
    expect(cell(1, 12)).toEqual({ weekday: 1, hour: 12, posts: 1, engagementRate: 0.019091, source: 'city' });
    expect(cell(3, 0)).toEqual({ weekday: 3, hour: 0, posts: 0, engagementRate: null, source: 'city' });
  });

  it('inactive accounts and collection problems', async () => {
    const res = await get(city.token, `/inactive?unitId=${units.bogorSelatan}&month=2026-02`);
    expect(res.body.meta.asOf).toBe('2026-02-28T17:00:00.000Z');
    expect(res.body.rows.map((r: any) => [r.handle, r.reason, r.lastPostAt, r.daysSincePost])).toEqual([
      ['empang_tg', 'needs_reconnect', null, null],
      ['empang', 'no_posts', null, null],
      ['bondongan', 'no_posts', '2026-02-03T03:00:00.000Z', 25],
    ]);
    const col = await get(city.token, `/collection?unitId=${units.bogorSelatan}`);
    expect(col.body.rows).toEqual([
      {
        accountId: s.a5.id,
        handle: 'empang_tg',
        platform: 'telegram',
        unitName: 'Empang',
        status: 'needs_reconnect',
        lastSnapshotAt: null,
        collectionError: 'token expired',
        collectionFailures: 2,
      },
    ]);
  });

  describe('exports', () => {
    it.each([
      ['followers', () => `/followers?scope=account&id=${s.a1.id}&from=2026-01-30&to=2026-02-03`],
      ['leaderboard', () => `/leaderboard?parentId=${units.bogorSelatan}&kind=kelurahan&month=2026-02`],
      ['top-posts', () => `/top-posts?unitId=${units.bogorSelatan}&month=2026-02`],
      ['engagement', () => `/engagement?unitId=${units.bogorSelatan}&month=2026-02`],
    ])('CSV of %s equals the JSON rows', async (name, path) => {
      const json = await get(city.token, path());
      const csv = await raw(city.token, `${path()}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="kabar-${name}-${json.body.meta.from}-${json.body.meta.to}.csv"`);
      expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(parseCsv(csv.body.toString('utf8').slice(1))).toEqual(asTable(json.body.rows, Object.keys(json.body.rows[0])));
      expect(json.body.meta.columns).toEqual(Object.keys(json.body.rows[0]));
    });

    it('XLSX is a valid workbook whose sheet holds the same rows', async () => {
      const path = `/leaderboard?parentId=${units.bogorSelatan}&kind=kelurahan&month=2026-02`;
      const json = await get(city.token, path);
      const res = await raw(city.token, `${path}&format=xlsx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="kabar-leaderboard-2026-02-01-2026-02-28.xlsx"');
      const files = unzipSync(new Uint8Array(res.body));
      expect(Object.keys(files).sort()).toEqual([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ]);
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
      const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map((m) => {
        const cells: Record<string, unknown> = {};
        for (const c of m[2].matchAll(/<c r="([A-Z]+)\d+"( t="(\w+)")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g))
          cells[c[1]] = c[3] === 'inlineStr' ? c[5] : c[3] === 'b' ? c[4] === '1' : Number(c[4]);
        return cells;
      });
      const columns = json.body.meta.columns as string[];
      const letter = (i: number) => String.fromCharCode(65 + i);
      expect(columns.map((_, i) => rows[0][letter(i)])).toEqual(columns);
      const back = rows.slice(1).map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[letter(i)] ?? null])));
      expect(back).toEqual(json.body.rows);
    });

    it('the monthly report as JSON and as an A4 PDF with the unit’s name', async () => {
      const res = await get(kelAdmin.token, `/monthly?unitId=${units.batuTulis}&month=2026-02`);
      expect(res.status).toBe(200);
      expect(res.body.growth).toEqual({ followers: 1200, netNew: 170, growthPct: 16.5, accounts: 1, expectedAccounts: 1 });
      expect(res.body.daily).toHaveLength(28);
      expect(res.body.leaderboard).toMatchObject({ kind: 'kelurahan', parentName: 'Bogor Selatan', rank: 2, of: 16, previousRank: 2, rankChange: 0 });
      expect(res.body.topPosts.map((p: any) => p.postId)).toEqual([s.p1.postId, s.p4.postId, s.p5.postId, s.p2.postId]);
      expect(res.body.programs.find((p: any) => p.programId === s.program)).toMatchObject({ posts: 1, interactions: 50 });
      expect(res.body.inactiveAccounts).toBe(0);

      const pdf = await raw(kelAdmin.token, `/monthly?unitId=${units.batuTulis}&month=2026-02&format=pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf.body);
      expect(text).toContain('Laporan Bulanan Batu Tulis — Februari 2026');
      expect(text).toContain('Prasasti Batutulis');
    });
  });

  describe('scope and validation', () => {
    it('a kelurahan admin gets 404 for another kelurahan and for an account outside its unit', async () => {
      expect((await get(kelAdmin.token, `/followers?scope=subtree&id=${units.bondongan}`)).status).toBe(404);
      expect((await get(kelAdmin.token, `/followers?scope=account&id=${s.a2.id}`)).status).toBe(404);
      expect((await get(kelAdmin.token, `/engagement?accountId=${s.a2.id}`)).status).toBe(404);
      // no parent given: the caller's own top unit (their kelurahan), which holds no kecamatan; others' numbers stay hidden
      const own = await get(kelAdmin.token, `/leaderboard?kind=kecamatan`);
      expect([own.status, own.body.rows]).toEqual([200, []]);
      expect((await get(kelAdmin.token, `/leaderboard?parentId=${units.bogorSelatan}&kind=kelurahan`)).status).toBe(404);
      expect((await get(kelAdmin.token, `/monthly?unitId=${units.bondongan}`)).status).toBe(404);
      expect((await get(kelAdmin.token, `/followers?scope=account&id=${s.a1.id}&month=2026-02`)).status).toBe(200);
    });

    it('bad input is 400 in Indonesian, or in English when asked', async () => {
      let res = await get(city.token, `/followers?scope=account&id=${s.a1.id}&from=2026-02-30&to=2026-03-01`);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('Tanggal 2026-02-30 tidak valid');
      res = await get(city.token, `/followers?scope=account&id=${s.a1.id}&from=2026-02-30&to=2026-03-01`, { 'accept-language': 'en' });
      expect(res.body.message).toContain('The date 2026-02-30 is not valid');
      res = await get(city.token, `/followers?scope=account&id=${s.a1.id}&from=2026-03-01&to=2026-02-01`);
      expect([res.status, res.body.details[0].field]).toEqual([400, 'to']);
      expect(res.body.message).toContain('tidak boleh sebelum');
      res = await get(city.token, `/followers?scope=account&id=${s.a1.id}&from=2020-01-01&to=2026-01-01`, { 'accept-language': 'en' });
      expect([res.status, res.body.message]).toEqual([400, expect.stringContaining('at most 3 years')]);
      res = await get(city.token, `/followers?scope=account&id=${s.a1.id}&granularity=year`);
      expect([res.status, res.body.details[0].field]).toEqual([400, 'granularity']);
      expect(res.body.message).toContain('Rincian waktu: harus salah satu dari');
      res = await get(city.token, `/leaderboard?kind=dusun`, { 'accept-language': 'en' });
      expect([res.status, res.body.message]).toEqual([400, expect.stringContaining('Kind: must be one of')]);
      res = await get(city.token, `/followers?scope=account&id=${s.a1.id}&month=2026-02&from=2026-02-01`);
      expect([res.status, res.body.details[0].field]).toEqual([400, 'month']);
    });

    it('targets: a city reviewer sets them (audited), a kelurahan admin cannot', async () => {
      let res = await http(t.baseUrl, 'PUT', '/api/v1/analytics/targets', {
        token: city.token,
        body: { unitId: units.batuTulis, month: '2026-02', followersTarget: 1500, postsTarget: 8 },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        unitId: units.batuTulis,
        unitName: 'Batu Tulis',
        month: '2026-02',
        followersTarget: 1500,
        followers: 1200,
        followersProgressPct: 80,
        postsTarget: 8,
        posts: 4,
        postsProgressPct: 50,
      });
      const [audit] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND unit_id = $2`, [city.id, units.batuTulis]);
      expect(audit.n).toBe(1);
      // only postsTarget changes; the followers target stays
      res = await http(t.baseUrl, 'PUT', '/api/v1/analytics/targets', {
        token: city.token,
        body: { unitId: units.batuTulis, month: '2026-02', postsTarget: 4 },
      });
      expect(res.body).toMatchObject({ followersTarget: 1500, postsTarget: 4, postsProgressPct: 100 });
      const got = await get(kelAdmin.token, `/targets?unitId=${units.batuTulis}&month=2026-02`);
      expect(got.body.rows).toEqual([res.body]);

      res = await http(t.baseUrl, 'PUT', '/api/v1/analytics/targets', {
        token: kelAdmin.token,
        body: { unitId: units.batuTulis, month: '2026-02', postsTarget: 99 },
      });
      expect(res.status).toBe(403);
      res = await http(t.baseUrl, 'PUT', '/api/v1/analytics/targets', {
        token: kelAdmin.token,
        body: { unitId: units.bondongan, month: '2026-02', postsTarget: 99 },
      });
      expect(res.status).toBe(404);
    });
  });
});

/** The text a PDF shows: pdfkit writes each run as hex glyph codes (WinAnsi) inside TJ arrays. */
function pdfText(pdf: Buffer): string {
  const winAnsi: Record<number, string> = { 0x96: '–', 0x97: '—' };
  const lines: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const hex = [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
    let s = '';
    for (let i = 0; i < hex.length; i += 2) {
      const code = parseInt(hex.slice(i, i + 2), 16);
      s += winAnsi[code] ?? String.fromCharCode(code);
    }
    lines.push(s);
  }
  return lines.join('\n');
}
