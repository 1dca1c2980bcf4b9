import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { runMigrations } from '@kabar/database';

const TEMPLATE = 'kabar_template';
const TEMPLATE_LOCK = 7_240_099;

function adminUrl(): string {
  const url = process.env.KABAR_TEST_DATABASE_ADMIN_URL;
  if (!url) throw new Error('KABAR_TEST_DATABASE_ADMIN_URL is not set: run the tests through jest (global setup starts PostgreSQL)');
  return url;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** The migrated template, made once per run (whichever test file comes first, under a lock). */
async function ensureTemplate(admin: Client): Promise<void> {
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE ${TEMPLATE}_building`);
    await runMigrations(withDatabase(adminUrl(), `${TEMPLATE}_building`));
    await admin.query(`ALTER DATABASE ${TEMPLATE}_building RENAME TO ${TEMPLATE}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  const name = `kabar_test_${randomBytes(6).toString('hex')}`;
  try {
    await ensureTemplate(admin);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl(), name),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
