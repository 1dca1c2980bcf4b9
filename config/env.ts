import {
  PLATFORMS,
  PlatformName,
  bool,
  byteSize,
  duration,
  hostList,
  instant,
  int,
  oneOf,
  secretKey,
  str,
  timeZone,
  trustProxy,
  url,
  ConfigError,
} from './env.schema';

export interface KabarConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  publicUrl: string | undefined;
  secretKey: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  seedDemo: boolean | undefined;
  sandbox: boolean | undefined;
  defaultTimeZone: string;
  corsOrigins: string[];
  /** Express `trust proxy`: hop count, false, or addresses/CIDRs/presets. */
  trustProxy: number | false | string[];
  /** Swagger UI at /api/docs and the document at /api/docs-json. */
  apiDocs: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  publishGraceMs: number;
  minPostGapMs: number;
  workerConcurrency: number;
  workerHealthPort: number;
  snapshotIntervalMs: number;
  snapshotRetentionMs: number;
  collectPerPlatformRate: number;
  collectPollIntervalMs: number;
  aduanCollectIntervalMs: number;
  publishMaxAttempts: number;
  publishPerAccountConcurrency: number;
  publishPerPlatformRate: number;
  publishPerAccountPerMinute: number;
  limitSlotLeaseMs: number;
  youtubeDailyUnits: number;
  youtubeUploadUnits: number;
  /** Posts per rolling 24 h per account (X tier per user, Instagram, Threads) and per app (X tier). */
  postsPerDay: { x: number; instagram: number; threads: number; xApp: number };
  publishLeaseMs: number;
  publishDispatchIntervalMs: number;
  publishCheckWindowMs: number;
  shutdownGraceMs: number;
  platformTimeoutMs: number;
  platformPollIntervalMs: number;
  platformPollBudgetMs: number;
  stuckAfterMs: number;
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  /** Receives each new complaint ticket (issue #16), signed with aduanWebhookSecret. */
  aduanWebhookUrl: string | undefined;
  aduanWebhookSecret: string | undefined;
  /** How often the worker looks for overdue complaint tickets to escalate. */
  aduanEscalationIntervalMs: number;
  outboundAllow: string[];
  mediaQuotaBytes: number;
  platformApiUrls: Partial<Record<PlatformName, string>>;
  platformOAuth: Partial<Record<PlatformName, PlatformOAuthConfig>>;
  dbConnectTimeoutMs: number;
  dbStatementTimeoutMs: number;
  dbLockTimeoutMs: number;
  /** Tests only: the instant the product's calendar (Clock) starts from. */
  clockStart: Date | undefined;
}

export interface PlatformOAuthConfig {
  clientId?: string;
  clientSecret?: string;
  authorizeUrl?: string;
  tokenUrl?: string;
}

/** name → [default, parser, description]; README's configuration table is generated from this list. */
export const ENV_VARS = {
  NODE_ENV: ['development', oneOf(['development', 'production', 'test'] as const), 'Runtime mode.'],
  PORT: [
    '3000',
    int(1, 65535),
    'HTTP port of the API (and of the whole product under `npm start`, which takes the next free port when this one is in use and KABAR_PUBLIC_URL is unset, and says so).',
  ],
  HOST: ['0.0.0.0', str, 'Interface the API listens on.'],
  DATABASE_URL: [
    undefined,
    url(['postgres', 'postgresql']),
    'PostgreSQL URL. Unset: `npm start` runs an embedded PostgreSQL under KABAR_DATA_DIR. Required by `start:api` and `start:worker`.',
  ],
  KABAR_DATA_DIR: [
    './.kabar',
    str,
    'Where the embedded PostgreSQL, its generated superuser password (postgres.password), the generated secret key and uploaded media are kept. One running Kabar per directory.',
  ],
  KABAR_EMBEDDED_PG_PORT: [
    '54329',
    int(1024, 65535),
    'Port of the embedded PostgreSQL (loopback only); when in use by another program, the next free one (and it says so).',
  ],
  DATABASE_READ_URL: [
    undefined,
    url(['postgres', 'postgresql']),
    'Optional PostgreSQL URL of a read replica (a streaming standby of DATABASE_URL): reports and their exports read from it; every write, and everything else, goes to DATABASE_URL. Unset: reports read DATABASE_URL.',
  ],
  KABAR_PUBLIC_URL: [
    undefined,
    url(['http', 'https']),
    'Public base URL of the API (links in feeds, media fetched by platforms, OAuth redirects). Default http://localhost:PORT.',
  ],
  KABAR_SECRET_KEY: [
    undefined,
    secretKey,
    '32 bytes, base64: encrypts platform tokens (AES-256-GCM) and signs sessions. The embedded default generates one under KABAR_DATA_DIR; production must set it.',
  ],
  KABAR_ADMIN_EMAIL: [undefined, str, 'Email of the first city admin, created at start when no user exists.'],
  KABAR_ADMIN_PASSWORD: [undefined, str, 'Password of that first admin. Unset under the embedded default: a random one is generated and printed once.'],
  KABAR_LOG_LEVEL: ['info', oneOf(['debug', 'info', 'warn', 'error'] as const), 'Least severe log level written (JSON lines on stdout).'],
  KABAR_SEED_DEMO: [undefined, bool, 'Seed the Kota Bogor demo on first start. Default: true with the embedded database, false otherwise.'],
  KABAR_SANDBOX: [undefined, bool, 'Start the sandbox platform servers and seed sandbox accounts. Default: true with the embedded database, false otherwise.'],
  KABAR_DEFAULT_TIMEZONE: ['Asia/Jakarta', timeZone, 'Zone of units that set none (WIB).'],
  KABAR_CORS_ORIGINS: ['', str, 'Comma-separated origins allowed by CORS. Empty: CORS closed.'],
  KABAR_TRUST_PROXY: [
    'loopback',
    trustProxy,
    'Which reverse proxies are believed about the client address (X-Forwarded-For, for rate limits, lockouts and the audit log) and about HTTPS (X-Forwarded-Proto): a comma-separated list of addresses and CIDRs (e.g. 10.0.0.0/8,loopback), a hop count (1: the nearest one), or false (none).',
  ],
  KABAR_API_DOCS: [undefined, bool, 'Serve the API docs (/api/docs, /api/docs-json). Default: on, except with NODE_ENV=production.'],
  KABAR_ACCESS_TOKEN_TTL: ['15m', duration, 'Lifetime of an access token.'],
  KABAR_REFRESH_TOKEN_TTL: ['336h', duration, 'Lifetime of a refresh session (cookie).'],
  KABAR_PUBLISH_GRACE: [
    '30m',
    duration,
    'A post that fell due while no worker ran is still published when less than this late; otherwise it is marked missed.',
  ],
  KABAR_MIN_POST_GAP: ['30m', duration, 'Two posts on one account closer than this get a warning before scheduling.'],
  KABAR_WORKER_CONCURRENCY: ['8', int(1, 256), 'Publishing jobs one worker process runs at once.'],
  KABAR_WORKER_HEALTH_PORT: ['0', int(0, 65535), 'Port of the worker health endpoint (0: none).'],
  KABAR_SNAPSHOT_INTERVAL: [
    '1h',
    duration,
    "How often each active social account's follower count is read from its platform and kept as a snapshot (spread over the interval).",
  ],
  KABAR_SNAPSHOT_RETENTION: ['400d', duration, 'Raw snapshots and post readings older than this are dropped (whole months); daily rollups are kept.'],
  KABAR_COLLECT_PER_PLATFORM_RATE: ['20', int(0, 100000), 'Analytics calls per second to one platform, all worker processes together (0: no limit).'],
  KABAR_COLLECT_POLL_INTERVAL: ['2s', duration, 'How often an idle worker looks for analytics collection jobs (at least 500ms).'],
  KABAR_ADUAN_COLLECT_INTERVAL: [
    '5m',
    duration,
    "How often citizens' comments, replies and mentions are read from each active social account (aduan); each account is read by one worker at a time. 0: no collection.",
  ],
  KABAR_PUBLISH_MAX_ATTEMPTS: ['6', int(1, 50), 'Tries of one post target on transient errors (exponential backoff with jitter) before it is marked failed.'],
  KABAR_PUBLISH_PER_ACCOUNT_CONCURRENCY: [
    '2',
    int(1, 64),
    "Platform calls at once for one social account, all processes together (slots leased in PostgreSQL; a killed worker's slot frees itself after KABAR_LIMIT_SLOT_LEASE).",
  ],
  KABAR_PUBLISH_PER_PLATFORM_RATE: ['100', int(0, 100000), 'Posts per second to one platform, all worker processes together (0: no limit).'],
  KABAR_PUBLISH_PER_ACCOUNT_PER_MINUTE: ['0', int(0, 10000), 'Posts per minute to one social account, all worker processes together (0: no limit).'],
  KABAR_LIMIT_SLOT_LEASE: ['15s', duration, 'How long a per-account concurrency slot stays taken without renewal (renewed while its call runs).'],
  KABAR_YOUTUBE_DAILY_UNITS: [
    '10000',
    int(0, 100000000),
    "YouTube Data API units of Kabar's Google project per day (reset at midnight America/Los_Angeles); an upload that does not fit waits for the next day, and scheduling on a full day warns (0: not counted).",
  ],
  KABAR_YOUTUBE_UPLOAD_UNITS: ['1600', int(1, 1000000), 'Units one YouTube upload (videos.insert) costs.'],
  KABAR_X_POSTS_PER_DAY: [
    '100',
    int(0, 1000000),
    "Posts per rolling 24 h per X account (the access tier's user limit; 0: none). X's own x-user-limit-24hour headers hold too.",
  ],
  KABAR_X_APP_POSTS_PER_DAY: ['1667', int(0, 10000000), "Posts per rolling 24 h of Kabar's X app, all accounts together (the tier's app limit; 0: none)."],
  KABAR_INSTAGRAM_POSTS_PER_DAY: ['100', int(0, 1000000), 'Posts per rolling 24 h per Instagram account (content publishing limit; 0: none).'],
  KABAR_THREADS_POSTS_PER_DAY: ['250', int(0, 1000000), 'Posts per rolling 24 h per Threads profile (0: none).'],
  KABAR_PUBLISH_LEASE: [
    '60s',
    duration,
    'How long a worker holds a target it publishes without renewing; a target whose lease ran out is reconciled by another worker.',
  ],
  KABAR_PUBLISH_CHECK_WINDOW: [
    '2h',
    duration,
    'After a try whose answer was lost, how long Kabar keeps asking a platform that is still processing (or not yet listing) the post before a person must decide (unconfirmed).',
  ],
  KABAR_PLATFORM_TIMEOUT: ['15s', duration, 'How long one platform HTTP call may take before its answer counts as lost.'],
  KABAR_PLATFORM_POLL_INTERVAL: [
    '2s',
    duration,
    'How often a publish polls a platform that processes media (TikTok, Instagram/Threads containers) within one try.',
  ],
  KABAR_PLATFORM_POLL_BUDGET: [
    '60s',
    duration,
    'How long one try polls before it stops and leaves the rest to later checks (the platform keeps processing; nothing is sent again).',
  ],
  KABAR_SHUTDOWN_GRACE: [
    '25s',
    duration,
    'On SIGTERM a worker finishes the platform calls in flight for up to this long; calls still running keep their lease (never handed over mid-call).',
  ],
  KABAR_PUBLISH_DISPATCH_INTERVAL: ['2s', duration, 'How often each worker looks for due, held, stuck and expired targets.'],
  KABAR_STUCK_AFTER: ['10m', duration, 'A target still unpublished this long after its time is flagged stuck and shown to its admins.'],
  KABAR_WEBHOOK_URL: [
    undefined,
    url(['http', 'https']),
    'Optional URL that receives publishing events (failed, missed, stuck, reconnect needed) as signed JSON POSTs. A private address must also be listed in KABAR_OUTBOUND_ALLOW.',
  ],
  KABAR_WEBHOOK_SECRET: [undefined, str, 'HMAC-SHA256 key of the webhook: header X-Kabar-Signature: sha256=<hex of the body>.'],
  KABAR_ADUAN_WEBHOOK_URL: [
    undefined,
    url(['http', 'https']),
    "Optional URL that receives each new complaint ticket (text, link, category, place, agency, dates; the author's public handle only) as a signed JSON POST, for SP4N-LAPOR! or the city's own system. Sent through the queue and retried with backoff until it answers 2xx. A private address must also be listed in KABAR_OUTBOUND_ALLOW.",
  ],
  KABAR_ADUAN_WEBHOOK_SECRET: [
    undefined,
    str,
    'HMAC-SHA256 key of the complaint webhook: header X-Kabar-Signature: sha256=<hex of the exact body>. Set it whenever KABAR_ADUAN_WEBHOOK_URL is set.',
  ],
  KABAR_ADUAN_ESCALATION_INTERVAL: [
    '5m',
    duration,
    "How often the worker looks for overdue complaint tickets (24 h past their response target: to the OPD's admins; 48 h: to Diskominfo). At least 1s.",
  ],
  KABAR_OUTBOUND_ALLOW: [
    '',
    hostList,
    'Comma-separated hosts, addresses and ranges (CIDR) that Kabar may call although they are not public: platform APIs, Mastodon instances, the webhook, media. Entries: `mastodon.lan`, `*.pemkot.lan`, `10.0.0.0/8`, `fd00::/8`, `127.0.0.1:4000`, `[::1]:4000`. Everything else on loopback, private (RFC 1918, fc00::/7), link-local and cloud metadata, CGNAT, multicast or reserved addresses is refused. The embedded default adds the sandbox.',
  ],
  KABAR_MEDIA_QUOTA: [
    '2GB',
    byteSize,
    "Storage for each unit's media library (e.g. 500MB, 2GB, 1TB; 0: no limit). An upload that would exceed it is refused (409); deleting unused media frees space.",
  ],
  KABAR_DB_CONNECT_TIMEOUT: [
    '5s',
    duration,
    'How long a request waits for a database connection; then it answers 503 with Retry-After (database down or overloaded).',
  ],
  KABAR_DB_STATEMENT_TIMEOUT: [
    '30s',
    duration,
    'Longest one SQL statement of the API and the worker may run (PostgreSQL statement_timeout; the client gives up a little later when the server hangs); then 503.',
  ],
  KABAR_DB_LOCK_TIMEOUT: ['10s', duration, 'Longest wait for a row or table lock (PostgreSQL lock_timeout); then 503.'],
  KABAR_CLOCK_START: [
    undefined,
    instant,
    'Tests only: the instant (ISO 8601 with offset) the calendar of reports and Home ("today", "this month") starts from; it then runs on. Publishing, sessions and the database keep the real time. Refused when NODE_ENV=production.',
  ],
} as const;

const PLATFORM_URL_DESCRIPTION =
  "Base URL of the platform API (pins the API version; tests point it at the sandbox). Mastodon uses each account's instance URL.";

export function platformEnvName(p: PlatformName): string {
  return `KABAR_${p.toUpperCase()}_API_URL`;
}

const OAUTH_VARS: Array<[keyof PlatformOAuthConfig, string, string]> = [
  ['clientId', 'CLIENT_ID', 'OAuth client id of Kabar\'s app on the platform (needed for "Connect with OAuth").'],
  ['clientSecret', 'CLIENT_SECRET', 'OAuth client secret of that app.'],
  ['authorizeUrl', 'AUTHORIZE_URL', "OAuth authorise URL (default: the platform's own)."],
  ['tokenUrl', 'TOKEN_URL', "OAuth token URL (default: the platform's own)."],
];

export function describeEnv(): Array<{ name: string; default: string; description: string }> {
  const rows: Array<{ name: string; default: string; description: string }> = Object.entries(ENV_VARS).map(([name, [def, , description]]) => ({
    name,
    default: def ?? '',
    description,
  }));
  for (const p of PLATFORMS) rows.push({ name: platformEnvName(p), default: "(the platform's production URL)", description: PLATFORM_URL_DESCRIPTION });
  for (const [, suffix, description] of OAUTH_VARS)
    rows.push({ name: `KABAR_<PLATFORM>_${suffix}`, default: '', description: `${description} PLATFORM: FACEBOOK, INSTAGRAM, X, TIKTOK, YOUTUBE, THREADS.` });
  return rows;
}

function read<T>(env: NodeJS.ProcessEnv, name: keyof typeof ENV_VARS): T {
  const [def, parse] = ENV_VARS[name] as unknown as [string | undefined, (raw: string, name: string) => T];
  const raw = env[name];
  if (raw === undefined || raw === '') return (def === undefined ? undefined : parse(def, name)) as T;
  return parse(raw, name);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): KabarConfig {
  const platformApiUrls: Partial<Record<PlatformName, string>> = {};
  for (const p of PLATFORMS) {
    const raw = env[platformEnvName(p)];
    if (raw) platformApiUrls[p] = url(['http', 'https'])(raw, platformEnvName(p));
  }
  const platformOAuth: Partial<Record<PlatformName, PlatformOAuthConfig>> = {};
  for (const p of PLATFORMS) {
    const entry: PlatformOAuthConfig = {};
    for (const [key, suffix] of OAUTH_VARS) {
      const name = `KABAR_${p.toUpperCase()}_${suffix}`;
      const raw = env[name];
      if (raw) entry[key] = key.endsWith('Url') ? url(['http', 'https'])(raw, name) : raw;
    }
    if (Object.keys(entry).length) platformOAuth[p] = entry;
  }
  const config: KabarConfig = {
    nodeEnv: read(env, 'NODE_ENV'),
    port: read(env, 'PORT'),
    host: read(env, 'HOST'),
    databaseUrl: read(env, 'DATABASE_URL'),
    databaseReadUrl: read(env, 'DATABASE_READ_URL'),
    dataDir: read(env, 'KABAR_DATA_DIR'),
    embeddedPgPort: read(env, 'KABAR_EMBEDDED_PG_PORT'),
    publicUrl: read(env, 'KABAR_PUBLIC_URL'),
    secretKey: read(env, 'KABAR_SECRET_KEY'),
    adminEmail: read(env, 'KABAR_ADMIN_EMAIL'),
    adminPassword: read(env, 'KABAR_ADMIN_PASSWORD'),
    logLevel: read(env, 'KABAR_LOG_LEVEL'),
    seedDemo: read(env, 'KABAR_SEED_DEMO'),
    sandbox: read(env, 'KABAR_SANDBOX'),
    defaultTimeZone: read(env, 'KABAR_DEFAULT_TIMEZONE'),
    corsOrigins: String(read(env, 'KABAR_CORS_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: read(env, 'KABAR_TRUST_PROXY'),
    apiDocs: read<boolean | undefined>(env, 'KABAR_API_DOCS') ?? read(env, 'NODE_ENV') !== 'production',
    accessTokenTtlSeconds: read<number>(env, 'KABAR_ACCESS_TOKEN_TTL') / 1000,
    refreshTokenTtlSeconds: read<number>(env, 'KABAR_REFRESH_TOKEN_TTL') / 1000,
    publishGraceMs: read(env, 'KABAR_PUBLISH_GRACE'),
    minPostGapMs: read(env, 'KABAR_MIN_POST_GAP'),
    workerConcurrency: read(env, 'KABAR_WORKER_CONCURRENCY'),
    workerHealthPort: read(env, 'KABAR_WORKER_HEALTH_PORT'),
    snapshotIntervalMs: read(env, 'KABAR_SNAPSHOT_INTERVAL'),
    snapshotRetentionMs: read(env, 'KABAR_SNAPSHOT_RETENTION'),
    collectPerPlatformRate: read(env, 'KABAR_COLLECT_PER_PLATFORM_RATE'),
    collectPollIntervalMs: Math.max(500, read<number>(env, 'KABAR_COLLECT_POLL_INTERVAL')),
    aduanCollectIntervalMs: read(env, 'KABAR_ADUAN_COLLECT_INTERVAL'),
    publishMaxAttempts: read(env, 'KABAR_PUBLISH_MAX_ATTEMPTS'),
    publishPerAccountConcurrency: read(env, 'KABAR_PUBLISH_PER_ACCOUNT_CONCURRENCY'),
    publishPerPlatformRate: read(env, 'KABAR_PUBLISH_PER_PLATFORM_RATE'),
    publishPerAccountPerMinute: read(env, 'KABAR_PUBLISH_PER_ACCOUNT_PER_MINUTE'),
    limitSlotLeaseMs: read(env, 'KABAR_LIMIT_SLOT_LEASE'),
    youtubeDailyUnits: read(env, 'KABAR_YOUTUBE_DAILY_UNITS'),
    youtubeUploadUnits: read(env, 'KABAR_YOUTUBE_UPLOAD_UNITS'),
    postsPerDay: {
      x: read(env, 'KABAR_X_POSTS_PER_DAY'),
      instagram: read(env, 'KABAR_INSTAGRAM_POSTS_PER_DAY'),
      threads: read(env, 'KABAR_THREADS_POSTS_PER_DAY'),
      xApp: read(env, 'KABAR_X_APP_POSTS_PER_DAY'),
    },
    publishLeaseMs: read(env, 'KABAR_PUBLISH_LEASE'),
    publishDispatchIntervalMs: read(env, 'KABAR_PUBLISH_DISPATCH_INTERVAL'),
    publishCheckWindowMs: read(env, 'KABAR_PUBLISH_CHECK_WINDOW'),
    shutdownGraceMs: read(env, 'KABAR_SHUTDOWN_GRACE'),
    platformTimeoutMs: read(env, 'KABAR_PLATFORM_TIMEOUT'),
    platformPollIntervalMs: read(env, 'KABAR_PLATFORM_POLL_INTERVAL'),
    platformPollBudgetMs: read(env, 'KABAR_PLATFORM_POLL_BUDGET'),
    stuckAfterMs: read(env, 'KABAR_STUCK_AFTER'),
    webhookUrl: read(env, 'KABAR_WEBHOOK_URL'),
    webhookSecret: read(env, 'KABAR_WEBHOOK_SECRET'),
    aduanWebhookUrl: read(env, 'KABAR_ADUAN_WEBHOOK_URL'),
    aduanWebhookSecret: read(env, 'KABAR_ADUAN_WEBHOOK_SECRET'),
    aduanEscalationIntervalMs: Math.max(1_000, read<number>(env, 'KABAR_ADUAN_ESCALATION_INTERVAL')),
    outboundAllow: read(env, 'KABAR_OUTBOUND_ALLOW'),
    mediaQuotaBytes: read(env, 'KABAR_MEDIA_QUOTA'),
    platformApiUrls,
    platformOAuth,
    dbConnectTimeoutMs: read(env, 'KABAR_DB_CONNECT_TIMEOUT'),
    dbStatementTimeoutMs: read(env, 'KABAR_DB_STATEMENT_TIMEOUT'),
    dbLockTimeoutMs: read(env, 'KABAR_DB_LOCK_TIMEOUT'),
    clockStart: read(env, 'KABAR_CLOCK_START'),
  };
  if (config.nodeEnv === 'production' && config.publicUrl?.startsWith('http:') && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(config.publicUrl))
    throw new ConfigError(
      'KABAR_PUBLIC_URL',
      'must use https with NODE_ENV=production: session cookies are Secure there, and browsers keep them over https only',
    );
  if (config.clockStart && config.nodeEnv === 'production')
    throw new ConfigError('KABAR_CLOCK_START', 'is for tests only and is refused when NODE_ENV=production');
  return config;
}

export { ConfigError, PLATFORMS };
export type { PlatformName };
