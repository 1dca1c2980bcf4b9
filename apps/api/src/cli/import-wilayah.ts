import 'reflect-metadata';
import * as path from 'path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, ConfigError } from '@kabar/config';
import { dataSourceOptions, EmbeddedDatabase, runMigrations, startEmbeddedPostgres } from '@kabar/database';
import { AppError } from '@kabar/common';
import { translate } from '@kabar/i18n';
import { runWilayahImport, WilayahImportResult } from '@kabar/org';

const USAGE = `usage: npm run units:import -- <all | province code (32) | kabupaten/kota code (32.01)> [--dry-run] [--no-agencies]
Imports Kemendagri wilayah units from config/wilayah/indonesia-wilayah.csv.gz into DATABASE_URL (or the embedded
PostgreSQL of \`npm start\`, running or not). Idempotent: a second run changes nothing.`;

async function reachable(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** DATABASE_URL; else the embedded database of `npm start`: the running one, or started here for the import and stopped after. */
async function database(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl };
  const url = `postgres://kabar:kabar@127.0.0.1:${config.embeddedPgPort}/kabar`;
  if (await reachable(url)) return { url };
  const embedded = await startEmbeddedPostgres({ dir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, database: 'kabar' });
  return { url: embedded.url, embedded };
}

function summary(r: WilayahImportResult & { dryRun: boolean }): string {
  const inFile = Object.entries(r.inFile)
    .map(([k, n]) => `${n.toLocaleString('en')} ${k}`)
    .join(', ');
  return [
    `${r.dryRun ? 'dry run (nothing changed): ' : ''}wilayah ${r.code}: ${inFile}`,
    `  created ${r.created}, updated ${r.updated}, moved ${r.moved}, agencies created ${r.agenciesCreated} in ${(r.ms / 1000).toFixed(1)} s`,
    `  tree root: ${r.root.name} (${r.root.kind}${r.root.code ? ` ${r.root.code}` : ''})` +
      (r.rootChanged ? `, was ${r.previousRoot!.name}; its ${r.adminsCarried} admin(s) now hold admin on the new root` : ''),
  ].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const code = args.find((a) => !a.startsWith('--'));
  if (!code || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(code ? 0 : 2);
  }
  const { url, embedded } = await database();
  try {
    await runMigrations(url);
    const ds = new DataSource(dataSourceOptions(url, []));
    await ds.initialize();
    try {
      const result = await runWilayahImport(ds, { code, dryRun: args.includes('--dry-run'), agencies: !args.includes('--no-agencies') }, async (em, r) => {
        await em.query(
          `INSERT INTO audit_log (actor_id, action, object_type, object_id, unit_id, details) VALUES (NULL, 'units.import', 'unit', $1::text, $1::uuid, $2)`,
          [
            r.root.id,
            JSON.stringify({
              code: r.code,
              created: r.created,
              updated: r.updated,
              moved: r.moved,
              agenciesCreated: r.agenciesCreated,
              rootChanged: r.rootChanged,
              via: 'cli',
            }),
          ],
        );
      });
      process.stdout.write(`${summary(result)}\n`);
    } finally {
      await ds.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((e) => {
  const message = e instanceof AppError ? translate('en', e.key, e.params) : e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e));
  process.stderr.write(`kabar: ${message}\n`);
  process.exit(1);
});
