import { startTestApp, TestApp } from '../support/test-app';
import { http } from '../support/http';
import { userWithRole } from '../support/users';

describe('foundation over HTTP', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = (await userWithRole(t, { role: 'admin' })).token;
  });
  afterAll(() => t.close());

  it('answers health with the database status', async () => {
    const res = await http(t.baseUrl, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
    expect(res.headers.get('x-request-id')).toMatch(/[\w-]{8,}/);
  });

  it('lists Kota Bogor: 6 kecamatan and 68 kelurahan with their Kemendagri codes', async () => {
    expect((await http(t.baseUrl, 'GET', '/api/v1/units')).status).toBe(401);
    const res = await http(t.baseUrl, 'GET', '/api/v1/units', { token });
    expect(res.status).toBe(200);
    const units = res.body as Array<{ id: string; code: string; name: string; kind: string; parentId: string | null }>;
    const kec = units.filter((u) => u.kind === 'kecamatan');
    const kel = units.filter((u) => u.kind === 'kelurahan');
    expect(kec).toHaveLength(6);
    expect(kel).toHaveLength(68);
    const tanahSareal = kec.find((u) => u.code === '32.71.06')!;
    expect(tanahSareal.name).toBe('Tanah Sareal');
    expect(kel.filter((u) => u.parentId === tanahSareal.id)).toHaveLength(11);
    expect(kel.find((u) => u.code === '32.71.01.1001')).toMatchObject({ name: 'Batu Tulis' });
    expect(Object.keys(units[0]).sort()).toEqual(expect.arrayContaining(['id', 'code', 'name', 'kind', 'parentId']));
  });

  it('filters units by kind and refuses an unknown kind in the caller language', async () => {
    const ok = await http(t.baseUrl, 'GET', '/api/v1/units?kind=kecamatan', { token });
    expect(ok.body).toHaveLength(6);
    const id = await http(t.baseUrl, 'GET', '/api/v1/units?kind=planet', { token });
    expect(id.status).toBe(400);
    expect(id.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(id.body.details[0]).toMatchObject({ field: 'kind', code: 'validation.isIn' });
    expect(id.body.details[0].message).toMatch(/^Harus salah satu dari/);
    const en = await http(t.baseUrl, 'GET', '/api/v1/units?kind=planet', { token, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.body.details[0].message).toMatch(/^Must be one of/);
  });

  it('refuses unknown query fields', async () => {
    const res = await http(t.baseUrl, 'GET', '/api/v1/units?colour=red', { token });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: 'colour', code: 'validation.unknownField', message: 'Kolom tidak dikenal.' });
  });

  it('answers unknown routes with a JSON 404 in Indonesian by default', async () => {
    const res = await http(t.baseUrl, 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Alamat /api/v1/nothing-here tidak ditemukan.', code: 'errors.routeNotFound' });
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const res = await http(t.baseUrl, 'GET', '/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/units', '/api/health']));
  });

  it('sends security headers and keeps CORS closed', async () => {
    const res = await http(t.baseUrl, 'GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 503 when the database is gone', async () => {
    const { createTestDatabase } = await import('../support/test-database');
    const db = await createTestDatabase();
    const { createApiApp } = await import('../../apps/api/src/runtime/create-api-app');
    const app = await createApiApp(t.config, db.url, 'error');
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    expect((await http(base, 'GET', '/api/health')).status).toBe(200);
    await db.drop();
    const down = await http(base, 'GET', '/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', database: { status: 'down' } });
    await app.close().catch(() => undefined);
  });
});
