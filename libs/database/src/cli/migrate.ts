import { loadConfig } from '@kabar/config';
import { runMigrations } from '../migrate';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL. */
async function main() {
  const { databaseUrl } = loadConfig();
  if (!databaseUrl) {
    process.stderr.write('kabar: Invalid configuration: DATABASE_URL is required for migration:run\n');
    process.exit(1);
  }
  const done = await runMigrations(databaseUrl);
  process.stdout.write(done.length ? `applied: ${done.join(', ')}\n` : 'no pending migrations\n');
}

main().catch((e) => {
  process.stderr.write(`kabar: ${(e as Error).message}\n`);
  process.exit(1);
});
