import ICAL from 'ical.js';
import { http } from '../../support/http';
import { TestApp, startTestApp } from '../../support/test-app';
import { userWithRole } from '../../support/users';
import { BATU_TULIS, BOGOR_SELATAN, BONDONGAN, bilingual, createAccount } from './content-fixtures';

describe('calendar and iCalendar feed', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof userWithRole>>;
  let reviewer: Awaited<ReturnType<typeof userWithRole>>;
  let other: Awaited<ReturnType<typeof userWithRole>>;
  let unit: string;
  let postId: string;
  const api = (token: string, method: string, path: string, body?: unknown) => http(t.baseUrl, method, `/api/v1${path}`, { token, body });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithRole(t, { unitCode: BATU_TULIS, role: 'admin' });
    reviewer = await userWithRole(t, { unitCode: BOGOR_SELATAN, role: 'reviewer' });
    other = await userWithRole(t, { unitCode: BONDONGAN, role: 'admin' });
    [{ id: unit }] = await t.ds.query(`SELECT id FROM units WHERE code = $1`, [BATU_TULIS]);
    const x = await createAccount(t, BATU_TULIS, 'x');
    const text = 'Sampurasun, warga Batu Tulis! Prasasti Batutulis; situs cagar budaya, mari dijaga bersama dengan sopan dan tertib setiap hari.';
    const created = (
      await api(admin.token, 'POST', '/posts', {
        unitId: unit,
        pillar: 'cerita_wilayah',
        variants: bilingual(text),
        targets: [{ accountId: x.id }],
        scheduledAt: '2030-11-26T09:00',
      })
    ).body;
    postId = created.id;
    const submitted = await api(admin.token, 'POST', `/posts/${postId}/submit`, {});
    await api(reviewer.token, 'POST', `/posts/${postId}/approve`, { version: submitted.body.version });
    expect((await api(admin.token, 'POST', `/posts/${postId}/schedule`, {})).status).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('returns the month with times in the asked zone, scoped to the caller', async () => {
    let res = await api(reviewer.token, 'GET', '/calendar?from=2030-11-01&to=2030-12-01');
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Asia/Jakarta');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: postId,
      local: '2030-11-26T09:00',
      scheduledAt: '2030-11-26T02:00:00.000Z',
      pillar: 'cerita_wilayah',
      status: 'scheduled',
    });
    expect(res.body.items[0].platforms).toEqual(['x']);
    expect(res.body.items[0].excerpt).toMatch(/^Sampurasun, warga Batu Tulis!/);
    res = await api(reviewer.token, 'GET', '/calendar?from=2030-11-01&to=2030-12-01&timeZone=Asia/Jayapura&pillar=cerita_wilayah');
    expect(res.body.items[0].local).toBe('2030-11-26T11:00');
    expect((await api(reviewer.token, 'GET', '/calendar?from=2030-11-01&to=2030-12-01&pillar=wisata')).body.items).toHaveLength(0);
    expect((await api(other.token, 'GET', '/calendar?from=2030-11-01&to=2030-12-01')).body.items).toHaveLength(0);
    expect((await api(other.token, 'GET', `/calendar?from=2030-11-01&to=2030-12-01&unitId=${unit}`)).status).toBe(404);
    res = await api(reviewer.token, 'GET', '/calendar?from=2030-12-01&to=2030-11-01');
    expect([res.status, res.body.details[0].field]).toEqual([400, 'to']);
  });

  it('serves a secret RFC 5545 feed that a real parser reads, and revokes it', async () => {
    expect((await api(other.token, 'POST', `/units/${unit}/ical-feed`)).status).toBe(404);
    const created = await api(admin.token, 'POST', `/units/${unit}/ical-feed`);
    expect(created.status).toBe(201);
    const [stored] = await t.ds.query(`SELECT token_hash FROM ical_feeds WHERE unit_id = $1`, [unit]);
    expect(stored.token_hash).not.toContain(created.body.token);
    const path = new URL(created.body.url).pathname;
    const res = await fetch(t.baseUrl + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const body = await res.text();
    const lines = body.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');
    const comp = new ICAL.Component(ICAL.parse(body));
    const [event] = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event.uid).toBe(`${postId}@kabar`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2030-11-26T02:00:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.description).toContain('Prasasti Batutulis; situs cagar budaya, mari dijaga');
    expect(event.summary).toContain('(x)');
    expect(comp.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')).toBeTruthy();

    expect((await api(admin.token, 'DELETE', `/units/${unit}/ical-feed`)).status).toBe(204);
    expect((await fetch(t.baseUrl + path)).status).toBe(404);
    expect((await fetch(t.baseUrl + '/api/v1/ical/not-a-token.ics')).status).toBe(404);
  });
});
