import { DataSource } from 'typeorm';
import { KabarConfig } from '@kabar/config';
import { bootstrapAdmin } from '@kabar/org';
import { withDataSource } from './with-data-source';

/** Creates the first city admin when no user exists; a generated password is printed here, once, and nowhere else. */
export async function ensureFirstAdmin(config: KabarConfig, ds: DataSource): Promise<void> {
  const result = await bootstrapAdmin(ds, { email: config.adminEmail, password: config.adminPassword, timeZone: config.defaultTimeZone });
  if (!result.created) return;
  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  process.stdout.write(
    result.generatedPassword
      ? `\nFirst city admin created. Log in at ${url} as ${result.email} / ${result.generatedPassword}\n(This password is shown only once; change it after logging in.)\n`
      : `\nFirst city admin created: ${result.email} (password from KABAR_ADMIN_PASSWORD). Log in at ${url}\n`,
  );
}

/** DATABASE_URL mode: only when KABAR_ADMIN_EMAIL is set. */
export function ensureFirstAdminByUrl(config: KabarConfig, databaseUrl: string): Promise<void> {
  return withDataSource(databaseUrl, (ds) => ensureFirstAdmin(config, ds));
}
