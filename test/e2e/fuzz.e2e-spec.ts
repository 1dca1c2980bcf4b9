import { randomUUID } from 'crypto';
import { http } from '../support/http';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserWithRole, unitId } from '../support/users';
import { FuzzCase, OpenApiDoc, casesFor, operations } from './fuzz/openapi-cases';
import { Random } from './fuzz/random';

const SEED = 20261203;
const PER_OPERATION = 80;
const CONCURRENCY = 8;

interface Finding {
  who: string;
  request: string;
  status: number;
  body: string;
}

/**
 * Every operation of the OpenAPI document, fed wrong types, nulls, huge, nested, NUL and odd unicode values,
 * bad ids and pages, as a city admin and without a session: no answer is a 5xx, every error is
 * {statusCode, error, message}. Deterministic (one seed); prints how many requests it sent.
 */
describe('fuzz: malformed requests to every operation never answer 5xx', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let admin: { email: string; password: string };
  let token = '';
  /** Real ids by collection ("units", "users", and whatever a POST created), so bodies reach the database. */
  const pools = new Map<string, string[]>();
  const remember = (collection: string, id: string) => pools.set(collection, [...(pools.get(collection) ?? []), id]);
  const idsFor = (collection: string) => pools.get(collection) ?? [randomUUID(), ...(pools.get('units') ?? [])];

  beforeAll(async () => {
    t = await startTestApp();
    const created = await createUserWithRole(t, { role: 'admin' });
    admin = { email: created.email, password: created.password };
    const other = await createUserWithRole(t, { role: 'viewer', unitCode: '32.71.01.1001' });
    remember('units', await unitId(t, '32.71.01.1001'));
    remember('units', await unitId(t, '32.71.01'));
    remember('users', other.id);
    const res = await http(t.baseUrl, 'GET', '/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
  }, 60_000);
  afterAll(() => t?.close());

  async function login(): Promise<void> {
    const res = await http(t.baseUrl, 'POST', '/api/v1/auth/login', { body: admin, headers: { 'x-forwarded-for': '192.0.2.250' } });
    if (res.status !== 200) throw new Error(`re-login failed: ${res.status} ${JSON.stringify(res.body)}`);
    token = res.body.accessToken;
  }

  async function send(c: FuzzCase, withToken: boolean, rnd: Random): Promise<{ status: number; text: string; json: unknown }> {
    const headers: Record<string, string> = { 'x-forwarded-for': `198.51.100.${1 + rnd.int(250)}`, 'accept-language': rnd.pick(['id', 'en']) };
    if (withToken) headers.authorization = `Bearer ${token}`;
    if (c.contentType) headers['content-type'] = c.contentType;
    let res: Response;
    try {
      res = await fetch(t.baseUrl + c.url, { method: c.op.method, headers, body: c.body });
    } catch (e) {
      return { status: 599, text: `no answer: ${(e as Error).message}`, json: null };
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    const id = (json as { id?: unknown; user?: { id?: unknown } } | null)?.id ?? (json as { user?: { id?: unknown } } | null)?.user?.id;
    if (c.op.method === 'POST' && res.status < 300 && typeof id === 'string' && !c.op.pathParams.length) remember(c.op.path.split('/').pop()!, id);
    return { status: res.status, text, json };
  }

  it('the malformed requests a review found answer 4xx with a sentence in the caller’s language', async () => {
    await login();
    const as = (method: string, path: string, body?: unknown, lang = 'en', auth = true) =>
      http(t.baseUrl, method, path, { body, token: auth ? token : undefined, headers: { 'accept-language': lang, 'x-forwarded-for': '192.0.2.251' } });
    const kelurahan = idsFor('units')[0];
    const expectError = (res: { status: number; body: any }, status: number, message: RegExp) => {
      expect({ status: res.status, message: (res.body as { message?: string } | undefined)?.message }).toEqual({
        status,
        message: expect.stringMatching(message),
      });
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String) });
    };

    // deeply nested JSON, also unauthenticated on /auth/login
    const deep = '{"email":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}';
    const login1 = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'id' },
      body: deep,
    });
    expectError({ status: login1.status, body: await login1.json() }, 400, /^Isi permintaan bersarang terlalu dalam/);
    // NUL bytes never reach PostgreSQL
    expectError(
      await as('POST', '/api/v1/glossary', { termId: 'Kebun\u0000Raya', termEn: 'Gardens' }),
      400,
      /Term \(Indonesian\): must not contain the NUL character\./,
    );
    expectError(await as('GET', '/api/v1/posts?q=a%00b'), 400, /NUL/);
    // an unknown template pillar is refused, not a foreign-key crash
    const template = await as(
      'POST',
      '/api/v1/templates',
      { unitId: kelurahan, name: 'Uji', pillar: 'tidak_ada', variants: [{ language: 'id', text: 'Halo' }] },
      'id',
    );
    expectError(template, 400, /^Ada nilai yang merujuk ke sesuatu yang tidak ada \(pillar\)\.$/);
    // null into NOT NULL columns
    expectError(await as('PATCH', `/api/v1/units/${kelurahan}`, { timeZone: null }), 400, /Time zone: must not be empty \(null\)/);
    const program = await as('POST', '/api/v1/programs', { nameId: 'Program uji fuzz' });
    expect(program.status).toBe(201);
    expectError(await as('PATCH', `/api/v1/programs/${program.body.id}`, { active: null }), 400, /Active: /);
    const campaign = await as('POST', '/api/v1/campaigns', { unitId: kelurahan, name: 'Kampanye uji fuzz' });
    expect(campaign.status).toBe(201);
    expectError(await as('PATCH', `/api/v1/campaigns/${campaign.body.id}`, { name: null }, 'id'), 400, /Nama: tidak boleh kosong \(null\)/);
    // where the API documents null (nullable), null still clears the value
    const cleared = await as('PATCH', `/api/v1/campaigns/${campaign.body.id}`, { programId: null });
    expect([cleared.status, cleared.body.programId]).toEqual([200, null]);
    // a page past any integer
    expectError(await as('GET', '/api/v1/posts?page=99999999999999999999'), 400, /Page: the number is too large/);
  });

  it('0 responses ≥ 500 and every error is {statusCode, error, message}, as a city admin and without a session', async () => {
    const started = Date.now();
    const rnd = new Random(SEED);
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(50);
    // creations first (their ids feed the later paths), removals and session changes last
    const rank = (o: (typeof ops)[number]) =>
      /\/auth\/(logout|password|change)|\/me\/password/.test(o.path)
        ? 4
        : o.method === 'DELETE'
          ? 3
          : o.method === 'POST' && !o.pathParams.length
            ? 0
            : o.method === 'GET'
              ? 1
              : 2;
    ops.sort((a, b) => rank(a) - rank(b));
    const findings: Finding[] = [];
    let sent = 0;
    const byClass: Record<string, number> = {};
    const check = (who: string, c: FuzzCase, r: { status: number; text: string; json: unknown }) => {
      const j = r.json as { statusCode?: unknown; error?: unknown; message?: unknown } | null;
      const wellFormed = r.status < 400 || (!!j && j.statusCode === r.status && typeof j.error === 'string' && typeof j.message === 'string');
      if (r.status >= 500 || !wellFormed)
        findings.push({ who, request: `${c.op.method} ${c.url.slice(0, 160)} [${c.label}]`, status: r.status, body: r.text.slice(0, 300) });
    };
    await login();
    for (const who of ['city admin', 'no session'] as const) {
      for (const op of ops) {
        const cases = casesFor(doc, op, idsFor, rnd, PER_OPERATION);
        for (let i = 0; i < cases.length; i += CONCURRENCY) {
          const batch = cases.slice(i, i + CONCURRENCY);
          const results = await Promise.all(batch.map((c) => send(c, who === 'city admin', rnd)));
          results.forEach((r, k) => {
            check(who, batch[k], r);
            byClass[`${Math.floor(r.status / 100)}xx`] = (byClass[`${Math.floor(r.status / 100)}xx`] ?? 0) + 1;
          });
          sent += batch.length;
        }
        if (who === 'city admin' && (await http(t.baseUrl, 'GET', '/api/v1/me', { token })).status !== 200) await login();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `fuzz: ${sent} requests to ${ops.length} operations in ${seconds.toFixed(1)} s (seed ${SEED}): ${JSON.stringify(byClass)}, ${findings.length} findings\n`,
    );
    expect(findings.slice(0, 40)).toEqual([]);
    expect(seconds).toBeLessThan(120);
  }, 180_000);
});
