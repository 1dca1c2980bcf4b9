import { EscalationService, TicketsService } from '@kabar/aduan';
import { insertAccount, insertClassifiedComment } from '../../support/aduan-fixtures';
import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { unitId, userWithRole } from '../../support/users';

const KEDUNG_BADAK = '32.71.06.1003';
const TANAH_SAREAL = '32.71.06';
const BATU_TULIS = '32.71.01.1001';
const DISHUB = '32.71.OPD.DISHUB';
const DINKES = '32.71.OPD.DINKES';
/** Friday 13 November 2026, 15:00 WIB: one working day later is Monday 16 November, 15:00 WIB. */
const FRIDAY = new Date('2026-11-13T15:00:00+07:00');
const MONDAY_DUE = new Date('2026-11-16T15:00:00+07:00');
/** The product's clock: Tuesday after, so Friday's unanswered complaints are overdue. */
const NOW = new Date('2026-11-17T12:00:00+07:00');
const HOUR = 3_600_000;

describe('aduan tickets: opening, state machine, scope, export, escalation, reports (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let tickets: TicketsService;
  let city: Awaited<ReturnType<typeof userWithRole>>;
  let kbAdmin: Awaited<ReturnType<typeof userWithRole>>;
  let kecAdmin: Awaited<ReturnType<typeof userWithRole>>;
  let dishub: Awaited<ReturnType<typeof userWithRole>>;
  let dinkes: Awaited<ReturnType<typeof userWithRole>>;
  let btViewer: Awaited<ReturnType<typeof userWithRole>>;
  const c: Record<string, string> = {};
  const tk: Record<string, string> = {};
  const get = (path: string, token: string, lang = 'id') => http(t.baseUrl, 'GET', path, { token, headers: { 'accept-language': lang } });
  const act = (id: string, action: string, token: string, body: unknown = {}, lang = 'id') =>
    http(t.baseUrl, 'POST', `/api/v1/aduan/tickets/${id}/${action}`, { token, body, headers: { 'accept-language': lang } });
  const ticketOf = async (commentId: string) => (await t.ds.query(`SELECT * FROM aduan_tickets WHERE comment_id = $1`, [commentId]))[0];

  beforeAll(async () => {
    t = await startTestApp({ clockStart: NOW });
    tickets = t.app.get(TicketsService);
    [city, kbAdmin, kecAdmin, dishub, dinkes, btViewer] = await Promise.all([
      userWithRole(t, { role: 'admin' }),
      userWithRole(t, { unitCode: KEDUNG_BADAK, role: 'admin' }),
      userWithRole(t, { unitCode: TANAH_SAREAL, role: 'admin' }),
      userWithRole(t, { unitCode: DISHUB, role: 'admin' }),
      userWithRole(t, { unitCode: DINKES, role: 'admin' }),
      userWithRole(t, { unitCode: BATU_TULIS, role: 'viewer' }),
    ]);
    const cityAccount = await insertAccount(t.ds, '32.71', 'instagram');
    const kbAccount = await insertAccount(t.ds, KEDUNG_BADAK, 'facebook');
    const seed = async (key: string, accountId: string, text: string, platform: string, writtenAt = FRIDAY) =>
      (c[key] = (await insertClassifiedComment(t.ds, { accountId, text, platform, writtenAt })).id);
    await seed('traffic', cityAccount.id, 'kdg badak arah yasmin macet parah tiap pagi, tolong dishub atur lalinnya', 'instagram');
    await seed('ktp', kbAccount.id, 'min bikin ktp udah 3 bulan belum jadi, katanya blangko habis terus', 'facebook');
    await seed('trash', cityAccount.id, 'sampah di kelurahan Batu Tulis numpuk seminggu ga diangkut', 'instagram', new Date(FRIDAY.getTime() + HOUR));
    await seed('spam', kbAccount.id, 'SLOT GACOR malam ini maxwin, depo 10rb langsung jp, link di bio 🎰', 'facebook');
    await seed(
      'late',
      cityAccount.id,
      'lampu jalan di kedung badak mati semua udah seminggu, gelap banget rawan',
      'instagram',
      new Date(FRIDAY.getTime() - HOUR),
    );
  }, 90_000);
  afterAll(() => t?.close());

  it('opens one ticket per complaint comment, routed by the rules, however often and concurrently it is called', async () => {
    const ids = [c.traffic, c.ktp, c.trash, c.spam, c.late];
    const runs = await Promise.all([tickets.openFromComments(ids), tickets.openFromComments(ids), tickets.openFromComments([c.traffic, c.ktp])]);
    expect(runs.reduce((n, r) => n + r.opened.length, 0)).toBe(4);
    expect(runs[0].skipped).toBe(1); // the spam
    const again = await tickets.openFromComments(ids);
    expect(again).toEqual({ opened: [], existing: 4, skipped: 1 });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM aduan_tickets`))[0].n).toBe(4);

    const traffic = await ticketOf(c.traffic);
    expect(traffic).toMatchObject({ status: 'baru', category: 'kemacetan', platform: 'instagram', escalation_level: 0, version: 1, time_zone: 'Asia/Jakarta' });
    expect(traffic.number).toMatch(/^ADU-2026-\d{6}$/);
    expect(traffic.agency_unit_id).toBe(await unitId(t, DISHUB));
    expect(traffic.place_unit_id).toBe(await unitId(t, KEDUNG_BADAK));
    expect(traffic.account_unit_id).toBe(await unitId(t, '32.71'));
    expect(new Date(traffic.due_at).toISOString()).toBe(MONDAY_DUE.toISOString());
    const numbers = (await t.ds.query(`SELECT number FROM aduan_tickets ORDER BY number`)).map((r: any) => r.number);
    expect(numbers).toEqual(['ADU-2026-000001', 'ADU-2026-000002', 'ADU-2026-000003', 'ADU-2026-000004']);
    for (const k of ['traffic', 'ktp', 'trash', 'late']) tk[k] = (await ticketOf(c[k])).id;
    expect(await t.ds.query(`SELECT action, to_status FROM aduan_ticket_events WHERE ticket_id = $1`, [tk.traffic])).toEqual([
      { action: 'opened', to_status: 'baru' },
    ]);
  });

  it('scope: a kelurahan admin sees its place and its accounts, an OPD what is routed to it, Diskominfo all', async () => {
    const numbersFor = async (token: string, query = '') => ((await get(`/api/v1/aduan/tickets${query}`, token)).body.items as any[]).map((i) => i.id).sort();
    expect(await numbersFor(city.token)).toEqual([tk.traffic, tk.ktp, tk.trash, tk.late].sort());
    expect(await numbersFor(kbAdmin.token)).toEqual([tk.traffic, tk.ktp, tk.late].sort()); // place Kedung Badak + its own account (ktp)
    expect(await numbersFor(kecAdmin.token)).toEqual([tk.traffic, tk.ktp, tk.late].sort());
    expect(await numbersFor(dishub.token)).toEqual([tk.traffic, tk.late].sort()); // traffic, street lights
    expect(await numbersFor(dinkes.token)).toEqual([]);
    expect(await numbersFor(btViewer.token)).toEqual([tk.trash]);
    // a ticket out of scope does not exist for the caller
    expect((await get(`/api/v1/aduan/tickets/${tk.trash}`, dishub.token)).status).toBe(404);
    const notUuid = await get('/api/v1/aduan/tickets/nope', dishub.token, 'en');
    expect(notUuid.status).toBe(400);
    expect(notUuid.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((await act(tk.trash, 'verify', kbAdmin.token)).status).toBe(404);
    // a viewer reads but does not act
    expect((await get(`/api/v1/aduan/tickets/${tk.trash}`, btViewer.token)).body).toMatchObject({ canAct: false, allowedActions: [] });
    expect((await act(tk.trash, 'verify', btViewer.token)).status).toBe(403);
  });

  it('lists newest first with filters and paging, overdue by the product clock', async () => {
    const all = await get('/api/v1/aduan/tickets?limit=2', city.token);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
    const opened = all.body.items.map((i: any) => new Date(i.openedAt).getTime());
    expect(opened[0]).toBeGreaterThanOrEqual(opened[1]);
    expect(all.body.items[0].id).toBe(tk.trash);
    const page2 = await get('/api/v1/aduan/tickets?limit=2&offset=2', city.token);
    expect(page2.body.items.map((i: any) => i.id)).toContain(tk.late);
    const dishubId = await unitId(t, DISHUB);
    const byAgency = await get(`/api/v1/aduan/tickets?agencyUnitId=${dishubId}&category=kemacetan&platform=instagram`, city.token);
    expect(byAgency.body.items.map((i: any) => i.id)).toEqual([tk.traffic]);
    const byPlace = await get(`/api/v1/aduan/tickets?placeUnitId=${await unitId(t, TANAH_SAREAL)}`, city.token);
    expect(byPlace.body.items.map((i: any) => i.id).sort()).toEqual([tk.traffic, tk.late].sort());
    const overdue = await get('/api/v1/aduan/tickets?overdue=true&status=baru,terverifikasi', city.token);
    expect(overdue.body.total).toBe(4);
    expect(overdue.body.items[0]).toMatchObject({ overdue: true, status: 'baru', agency: { name: 'Dinas Lingkungan Hidup' }, place: { name: 'Batu Tulis' } });
    expect(overdue.body.items[0].kecamatan.name).toBe('Bogor Selatan');
    const bad = await get('/api/v1/aduan/tickets?status=nope&limit=500', city.token, 'en');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('detail: the comment in context, why it was classified, and the history', async () => {
    const d = await get(`/api/v1/aduan/tickets/${tk.traffic}`, kbAdmin.token);
    expect(d.status).toBe(200);
    expect(d.body.comment.text).toContain('kdg badak');
    expect(d.body.comment.url).toMatch(/^https:\/\/www\.instagram\.com\//);
    expect(d.body.comment.reasons.some((r: any) => /macet/.test(r.text))).toBe(true);
    expect(d.body.post).toMatchObject({ externalId: 'post-1' });
    expect(d.body.events.map((e: any) => e.action)).toEqual(['opened']);
    expect(d.body).toMatchObject({ canAct: true, number: expect.stringMatching(/^ADU-2026-/) });
  });

  it('moves through the states with one conditional update each; who did what is kept', async () => {
    const id = tk.traffic;
    const [a, b] = await Promise.all([act(id, 'verify', city.token), act(id, 'verify', kbAdmin.token)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const again = await act(id, 'verify', city.token, {}, 'en');
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/cannot be given/);
    expect((await act(id, 'dispose', city.token, {}, 'en')).body.message).toBe('Choose an OPD or a kelurahan to route the ticket to.');
    const dishubId = await unitId(t, DISHUB);
    expect((await act(id, 'dispose', city.token, { agencyUnitId: await unitId(t, KEDUNG_BADAK) })).status).toBe(400); // not an OPD
    const stale = await act(id, 'dispose', city.token, { agencyUnitId: dishubId, version: 1 });
    expect(stale.status).toBe(409);
    const disposed = await act(id, 'dispose', city.token, { agencyUnitId: dishubId, kelurahanUnitId: await unitId(t, KEDUNG_BADAK), version: 2 });
    expect(disposed.status).toBe(200);
    expect(disposed.body).toMatchObject({ status: 'didisposisikan', version: 3, agency: { name: 'Dinas Perhubungan' } });
    expect((await act(id, 'follow-up', dishub.token, { note: 'Petugas dikirim ke lokasi' })).body.status).toBe('ditindaklanjuti');
    const resolved = await act(id, 'resolve', dishub.token);
    expect(resolved.body.status).toBe('selesai');
    expect(new Date(resolved.body.resolvedAt).getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect((await act(id, 'follow-up', dishub.token)).status).toBe(409);
    expect((await act(id, 'archive', city.token)).body.status).toBe('arsip');
    expect((await act(id, 'fly', city.token)).status).toBe(404);
    const events = (await get(`/api/v1/aduan/tickets/${id}`, city.token)).body.events;
    expect(events.map((e: any) => [e.action, e.from, e.to])).toEqual([
      ['opened', null, 'baru'],
      ['verify', 'baru', 'terverifikasi'],
      ['dispose', 'terverifikasi', 'didisposisikan'],
      ['follow_up', 'didisposisikan', 'ditindaklanjuti'],
      ['resolve', 'ditindaklanjuti', 'selesai'],
      ['archive', 'selesai', 'arsip'],
    ]);
    expect(events[3]).toMatchObject({ actorId: dishub.id, data: { note: 'Petugas dikirim ke lokasi' } });
  });

  it('not a complaint and reclassify keep a correction for the next training; forward says where', async () => {
    const before = (await t.ds.query(`SELECT count(*)::int AS n FROM aduan_corrections`))[0].n;
    expect((await act(tk.ktp, 'not-a-complaint', kbAdmin.token)).body.status).toBe('bukan_aduan');
    const re = await act(tk.trash, 'reclassify', city.token, { category: 'saluran_air_banjir' });
    expect(re.status).toBe(200);
    expect(re.body).toMatchObject({ status: 'baru', category: 'saluran_air_banjir', agency: { name: 'Dinas Pekerjaan Umum dan Penataan Ruang' } });
    expect((await act(tk.trash, 'reclassify', city.token, { category: 'ufo' }, 'en')).status).toBe(400);
    const rows = await t.ds.query(`SELECT text, is_complaint, category, corrected_by FROM aduan_corrections ORDER BY corrected_at OFFSET $1`, [before]);
    expect(rows).toEqual([
      { text: expect.stringContaining('ktp'), is_complaint: false, category: null, corrected_by: kbAdmin.id },
      { text: expect.stringContaining('Batu Tulis'), is_complaint: true, category: 'saluran_air_banjir', corrected_by: city.id },
    ]);
    expect((await act(tk.trash, 'forward', city.token, {})).status).toBe(400);
    const fwd = await act(tk.trash, 'forward', city.token, { forwardedTo: 'BBWS Ciliwung-Cisadane' });
    expect(fwd.body).toMatchObject({ status: 'bukan_wewenang', forwardedTo: 'BBWS Ciliwung-Cisadane' });
  });

  it('exports for SP4N-LAPOR! as CSV and JSON, with the public handle only', async () => {
    const json = await get('/api/v1/aduan/tickets/export?format=json', city.token);
    expect(json.status).toBe(200);
    expect(json.body.columns).toEqual([
      'number',
      'status',
      'text',
      'link',
      'platform',
      'handle',
      'category',
      'place',
      'kecamatan',
      'agency',
      'forwardedTo',
      'writtenAt',
      'openedAt',
      'dueAt',
      'firstAnsweredAt',
      'resolvedAt',
    ]);
    const traffic = json.body.items.find((r: any) => r.text.includes('kdg badak'));
    expect(traffic).toMatchObject({
      handle: 'warga_bogor',
      category: 'kemacetan',
      place: 'Kedung Badak',
      kecamatan: 'Tanah Sareal',
      agency: 'Dinas Perhubungan',
      status: 'arsip',
    });
    expect(traffic.writtenAt).toBe(FRIDAY.toISOString());
    expect(JSON.stringify(json.body)).not.toContain('Budi Santoso');
    const res = await fetch(`${t.baseUrl}/api/v1/aduan/tickets/export?format=csv&category=kemacetan`, { headers: { authorization: `Bearer ${city.token}` } });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="kabar-aduan-2026-11-17.csv"');
    const csv = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe(
      'number,status,text,link,platform,handle,category,place,kecamatan,agency,forwardedTo,writtenAt,openedAt,dueAt,firstAnsweredAt,resolvedAt',
    );
    expect(csv).toHaveLength(3); // header, one ticket, the final line end
    expect(csv[1]).toContain('"kdg badak arah yasmin macet parah tiap pagi, tolong dishub atur lalinnya"');
    expect(csv[1]).not.toContain('Budi');
    // scope holds for exports too
    expect((await get('/api/v1/aduan/tickets/export', dinkes.token)).body.items).toEqual([]);
  });

  it('records the first answer once', async () => {
    const at = new Date('2026-11-16T09:00:00+07:00');
    expect(await tickets.markAnswered(c.late, at)).toBe(true);
    expect(await tickets.markAnswered(c.late, new Date('2026-11-16T10:00:00+07:00'))).toBe(false);
    expect(await tickets.markAnswered(c.spam, at)).toBe(false);
    expect(new Date((await ticketOf(c.late)).first_answered_at).toISOString()).toBe(at.toISOString());
    const d = await get(`/api/v1/aduan/tickets/${tk.late}`, city.token);
    expect(d.body.overdue).toBe(false);
    expect(d.body.events.map((e: any) => e.action)).toEqual(['opened', 'answered']);
  });

  it('escalates an unanswered ticket once per level: 24 h to the OPD’s admins, 48 h to Diskominfo', async () => {
    const account = await insertAccount(t.ds, '32.71', 'x');
    const cm = await insertClassifiedComment(t.ds, {
      accountId: account.id,
      text: 'parkir liar di depan stasiun bogor bikin macet, tolong ditertibkan',
      platform: 'x',
      writtenAt: FRIDAY,
    });
    const [opened] = (await tickets.openFromComments([cm.id])).opened;
    const due = new Date((await ticketOf(cm.id)).due_at).getTime();
    expect(due).toBe(MONDAY_DUE.getTime());
    const escalation = new EscalationService(t.ds);
    const notes = async (userId: string) =>
      (await t.ds.query(`SELECT message_key, params FROM notifications WHERE user_id = $1 AND kind = 'aduan_overdue' AND params->>'ticketId' = $2`, [
        userId,
        opened,
      ])) as any[];

    expect((await escalation.escalateDue(new Date(due + 23 * HOUR))).filter((e) => e.ticketId === opened)).toEqual([]);
    const first = await escalation.escalateDue(new Date(due + 25 * HOUR));
    expect(first.filter((e) => e.ticketId === opened)).toEqual([{ ticketId: opened, level: 1, notified: 1 }]);
    expect(await escalation.escalateDue(new Date(due + 26 * HOUR))).toEqual([]);
    expect(await notes(dishub.id)).toEqual([{ message_key: 'aduan.notifications.overdueAgency', params: expect.objectContaining({ hours: 24 }) }]);
    expect(await notes(city.id)).toEqual([]);
    expect(await notes(kbAdmin.id)).toEqual([]);

    const [x, y] = await Promise.all([escalation.escalateDue(new Date(due + 49 * HOUR)), escalation.escalateDue(new Date(due + 49 * HOUR))]);
    expect([...x, ...y].filter((e) => e.ticketId === opened)).toEqual([{ ticketId: opened, level: 2, notified: 1 }]);
    expect(await escalation.escalateDue(new Date(due + 100 * HOUR))).toEqual([]);
    expect(await notes(city.id)).toHaveLength(1);
    expect(await notes(dishub.id)).toHaveLength(1);
    expect((await ticketOf(cm.id)).escalation_level).toBe(2);
    const list = await get('/api/v1/notifications', dishub.token, 'en');
    expect(list.body.items[0].message).toMatch(/^Complaint ADU-2026-\d{6} \(Illegal parking\) is still unanswered 24 hours/);
    // an answered ticket is never escalated
    expect((await t.ds.query(`SELECT escalation_level FROM aduan_tickets WHERE id = $1`, [tk.late]))[0].escalation_level).toBe(0);
  });

  it('across a holiday: due and escalated by working days (17 August 2026 does not count); an unrouted comment is routed by the rules', async () => {
    const account = await insertAccount(t.ds, KEDUNG_BADAK, 'mastodon');
    const cm = await insertClassifiedComment(t.ds, {
      accountId: account.id,
      text: 'angkot ngetem sembarangan di kedung badak, bikin macet tiap sore. tolong ditertibkan',
      platform: 'mastodon',
      writtenAt: new Date('2026-08-14T10:00:00+07:00'), // Friday before Proklamasi (Monday 17 August)
    });
    await t.ds.query(`UPDATE aduan_comments SET agency_unit_id = NULL WHERE id = $1`, [cm.id]);
    const [id] = (await tickets.openFromComments([cm.id])).opened;
    const row = await ticketOf(cm.id);
    expect(row.agency_unit_id).toBe(await unitId(t, DISHUB)); // the router's rule for the category
    expect(new Date(row.due_at).toISOString()).toBe(new Date('2026-08-18T10:00:00+07:00').toISOString());
    const escalation = new EscalationService(t.ds);
    const mine = (r: Array<{ ticketId: string; level: number }>) => r.filter((e) => e.ticketId === id).map((e) => e.level);
    // Monday the 17th is a holiday: nothing is late yet, whatever the wall clock says since Friday
    expect(mine(await escalation.escalateDue(new Date('2026-08-17T23:00:00+07:00')))).toEqual([]);
    expect(mine(await escalation.escalateDue(new Date('2026-08-19T09:00:00+07:00')))).toEqual([]);
    expect(mine(await escalation.escalateDue(new Date('2026-08-19T10:30:00+07:00')))).toEqual([1]);
    expect(mine(await escalation.escalateDue(new Date('2026-08-20T10:30:00+07:00')))).toEqual([2]);
    expect(mine(await escalation.escalateDue(new Date('2026-08-21T10:30:00+07:00')))).toEqual([]);
    const events = (await get(`/api/v1/aduan/tickets/${id}`, city.token)).body.events.filter((e: any) => e.action === 'escalated');
    expect(events.map((e: any) => e.data.level)).toEqual([1, 2]);
  });

  it('reports complaints per category, place, kecamatan and OPD, medians and overdue counts', async () => {
    const r = await get('/api/v1/aduan/reports?from=2026-11-01&to=2026-11-30&interval=month', city.token);
    expect(r.status).toBe(200);
    expect(r.body.totals).toMatchObject({ tickets: 5, answered: 1, resolved: 1 });
    expect(r.body.totals.overdueNow).toBe(1); // the parkir liar ticket; the others are closed or answered
    expect(r.body.medianFirstAnswerHours).toBe(67); // Fri 14:00 → Mon 09:00
    expect(r.body.medianResolutionHours).toBeGreaterThan(24 * 3);
    expect(r.body.byCategory).toEqual(expect.arrayContaining([{ period: '2026-11-01', key: 'kemacetan', name: 'kemacetan', count: 1 }]));
    expect(r.body.byKecamatan.find((p: any) => p.name === 'Tanah Sareal').count).toBe(2);
    expect(r.body.byAgency.find((p: any) => p.name === 'Dinas Perhubungan').count).toBeGreaterThanOrEqual(2);
    expect(r.body.overdueByAgency).toEqual([{ key: await unitId(t, DISHUB), name: 'Dinas Perhubungan', count: 1 }]);
    const scoped = await get('/api/v1/aduan/reports?from=2026-11-01&to=2026-11-30', dinkes.token);
    expect(scoped.body.totals.tickets).toBe(0);
    expect((await get('/api/v1/aduan/reports?from=2026-11-30&to=2026-11-01', city.token, 'en')).status).toBe(400);
  });
});
