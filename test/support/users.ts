import { randomBytes } from 'crypto';
import { hashPassword, Role } from '@kabar/org';
import { http } from './http';
import { TestApp } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface LoggedIn {
  token: string;
  /** The Cookie header value carrying kabar_at and kabar_rt, as a browser would send them. */
  cookie: string;
  refreshToken: string;
  user: any;
}

/** The id of a seeded unit by its Kemendagri (or extra) code, e.g. '32.71.01.1001'. */
export async function unitId(t: Pick<TestApp, 'ds'>, code: string): Promise<string> {
  const [row] = await t.ds.query('SELECT id FROM units WHERE code = $1', [code]);
  if (!row) throw new Error(`no unit with code ${code}`);
  return row.id;
}

export async function rootUnitId(t: Pick<TestApp, 'ds'>): Promise<string> {
  const [row] = await t.ds.query('SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1');
  return row.id;
}

/**
 * Inserts a user straight into the database (argon2id hash, like the API) with one role on a unit.
 * `unitCode` omitted = the root unit (the kota), so `{ role: 'admin' }` makes a city admin.
 */
export async function createUserWithRole(
  t: Pick<TestApp, 'ds'>,
  opts: { unitCode?: string; role: Role; email?: string; password?: string; name?: string; locale?: 'id' | 'en'; disabled?: boolean },
): Promise<TestUser> {
  const email = (opts.email ?? `user-${randomBytes(5).toString('hex')}@test.kabar`).toLowerCase();
  const password = opts.password ?? `pw-${randomBytes(12).toString('hex')}`;
  const unit = opts.unitCode ? await unitId(t, opts.unitCode) : await rootUnitId(t);
  const [user] = await t.ds.query(`INSERT INTO users (email, name, locale, password_hash, disabled) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
    email,
    opts.name ?? email.split('@')[0],
    opts.locale ?? 'id',
    await hashPassword(password),
    opts.disabled ?? false,
  ]);
  await t.ds.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, $3)`, [user.id, unit, opts.role]);
  return { id: user.id, email, password };
}

export function cookiesFrom(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i)] = decodeURIComponent(pair.slice(i + 1));
  }
  return out;
}

/** Logs in over HTTP and returns the Bearer token and the session cookies. */
export async function loginAs(t: Pick<TestApp, 'baseUrl'>, email: string, password: string): Promise<LoggedIn> {
  const res = await http(t.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const c = cookiesFrom(res.headers);
  return { token: res.body.accessToken, cookie: `kabar_at=${c.kabar_at}; kabar_rt=${c.kabar_rt}`, refreshToken: c.kabar_rt, user: res.body.user };
}

/** A user with a role, already logged in. */
export async function userWithRole(t: TestApp, opts: Parameters<typeof createUserWithRole>[1]): Promise<TestUser & LoggedIn> {
  const u = await createUserWithRole(t, opts);
  return { ...u, ...(await loginAs(t, u.email, u.password)) };
}
