import * as path from 'path';
import { ConfigError, KabarConfig, loadConfig } from '@kabar/config';
import { EmbeddedDatabase, EmbeddedStartError, firstFreePort, runMigrations, startEmbeddedPostgres } from '@kabar/database';
import { ensureSecretKey } from './secret-key';

export interface Runtime {
  config: KabarConfig;
  databaseUrl: string;
  embedded: EmbeddedDatabase | undefined;
}

/** Reads the configuration or stops the process with one line that names the bad variable. */
export function loadConfigOrExit(): KabarConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`kabar: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

/**
 * Finds the database: DATABASE_URL, or (embedded default) a PostgreSQL started under KABAR_DATA_DIR.
 * Then applies migrations. Embedded mode also fills the defaults that production must set by hand.
 */
export async function prepareRuntime(config: KabarConfig, opts: { allowEmbedded: boolean; role: string }): Promise<Runtime> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    if (!opts.allowEmbedded) {
      process.stderr.write(`kabar: Invalid configuration: DATABASE_URL is required for ${opts.role} (the embedded PostgreSQL runs only under \`npm start\`)\n`);
      process.exit(1);
    }
    embedded = await startEmbedded(config);
    databaseUrl = embedded.url;
    config = await freeHttpPort(config);
    config = {
      ...config,
      secretKey: config.secretKey ?? ensureSecretKey(config.dataDir),
      seedDemo: config.seedDemo ?? true,
      sandbox: config.sandbox ?? true,
    };
  } else {
    config = { ...config, seedDemo: config.seedDemo ?? false, sandbox: config.sandbox ?? false };
  }
  if (!config.secretKey) {
    process.stderr.write('kabar: Invalid configuration: KABAR_SECRET_KEY is required with DATABASE_URL (32 bytes, base64: openssl rand -base64 32)\n');
    await embedded?.stop();
    process.exit(1);
  }
  config = { ...config, publicUrl: config.publicUrl ?? `http://localhost:${config.port}` };
  await runMigrations(databaseUrl);
  return { config, databaseUrl, embedded };
}

/** One line on stdout for what a start repaired or changed. */
function notice(sentence: string) {
  process.stdout.write(`kabar: ${sentence}\n`);
}

/** The embedded PostgreSQL under KABAR_DATA_DIR; what stops it is said in one sentence, then the process exits. */
async function startEmbedded(config: KabarConfig): Promise<EmbeddedDatabase> {
  try {
    return await startEmbeddedPostgres({
      dir: path.join(config.dataDir, 'pg'),
      port: config.embeddedPgPort,
      database: 'kabar',
      notice: (s) => notice(s.replace(/^(Port \d+) is in use/, '$1 (KABAR_EMBEDDED_PG_PORT) is in use')),
    });
  } catch (e) {
    if (!(e instanceof EmbeddedStartError)) throw e;
    process.stderr.write(`kabar: ${e.message}\n`);
    process.exit(1);
  }
}

/**
 * `npm start` on a machine where PORT is taken (another program, or a second Kabar with its own data
 * directory) listens on the next free port and says so; with KABAR_PUBLIC_URL set the port is kept.
 */
async function freeHttpPort(config: KabarConfig): Promise<KabarConfig> {
  if (config.publicUrl) return config;
  const port = await firstFreePort(config.port, config.host);
  if (port === config.port) return config;
  notice(`Port ${config.port} (PORT) is in use by another program; Kabar listens on port ${port} instead.`);
  return { ...config, port };
}
