import { DataSource } from 'typeorm';
import { hashPassword, randomPassword } from './password-hasher';

export const DEFAULT_ADMIN_EMAIL = 'admin@kabar.local';

export interface BootstrapResult {
  created: boolean;
  email?: string;
  /** Set only when the password was generated here: the caller prints it once, nothing stores it in clear. */
  generatedPassword?: string;
}

/**
 * The first city admin, created when no user exists at all: KABAR_ADMIN_EMAIL / KABAR_ADMIN_PASSWORD, or
 * (embedded default) admin@kabar.local with a random password. Gets `admin` on the root unit (the kota);
 * when no unit exists yet a root "Kota" unit is created for it to hold. There is no fixed default password.
 */
export async function bootstrapAdmin(ds: DataSource, opts: { email?: string; password?: string; timeZone: string }): Promise<BootstrapResult> {
  const email = (opts.email ?? DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const generatedPassword = opts.password ? undefined : randomPassword();
  const passwordHash = await hashPassword(opts.password ?? generatedPassword!);
  return ds.transaction(async (em) => {
    // one starter at a time: several API replicas may start together
    await em.query('SELECT pg_advisory_xact_lock(7240311)');
    const [{ n }] = await em.query('SELECT count(*)::int AS n FROM users');
    if (n > 0) return { created: false };
    let [root] = await em.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
    if (!root) {
      [root] = await em.query(
        `INSERT INTO units (name, kind, parent_id, path, time_zone, review_required) VALUES ('Kota', 'kota', NULL, '', $1, true) RETURNING id`,
        [opts.timeZone],
      );
      await em.query(`UPDATE units SET path = id::text || '/' WHERE id = $1`, [root.id]);
    }
    const [user] = await em.query(`INSERT INTO users (email, name, locale, password_hash) VALUES ($1, $2, 'id', $3) RETURNING id`, [
      email,
      'Admin Kota',
      passwordHash,
    ]);
    // The first city admin is Diskominfo: it manages the city and reviews its content.
    await em.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'admin'), ($1, $2, 'reviewer')`, [user.id, root.id]);
    await em.query(`INSERT INTO audit_log (actor_id, action, object_type, object_id, unit_id, details) VALUES (NULL, 'user.bootstrap', 'user', $1, $2, $3)`, [
      user.id,
      root.id,
      JSON.stringify({ email, passwordGenerated: !!generatedPassword }),
    ]);
    return { created: true, email, generatedPassword };
  });
}
