import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { parseBody, readRaw } from './body-parser';
import { CallCounter } from './call-counter';
import { handleControl } from './control';
import { fetchMedia } from './media-fetch';
import { AuthResult, PlatformModule, SandboxEnv } from './module';
import { MODULES } from './platforms';
import { sandboxEndpoints, SandboxEndpoints } from './endpoints';
import { SandboxStore } from './store';
import { Ctx, FaultSpec, Reply, SANDBOX_PLATFORMS, SandboxPlatform } from './types';

export interface SandboxOptions {
  port?: number;
  host?: '127.0.0.1';
  /** Added to every answer (benchmarks use 50 ms). */
  latencyMs?: number;
  /** Fetch media URLs handed to Instagram/Threads/TikTok (default true); false accepts any http(s) URL. */
  publicUrlFetch?: boolean;
  /** Call store.tick() on this interval (extra bumps on top of the growth model). */
  tickIntervalMs?: number;
  /** Seed of the follower and post growth model (default: a fixed seed, so runs repeat). */
  seed?: number;
}

export interface SandboxHandle extends SandboxEndpoints {
  url: string;
  port: number;
  store: SandboxStore;
  /** Calls answered: most at once per account, start times (tests of shared limits). */
  calls: CallCounter;
  close(): Promise<void>;
}

// unref'd: a slow answer still pending never keeps a closing process (or a test run) alive
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

function write(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const headers: Record<string, string | number> = { ...(reply.headers ?? {}) };
  let data: string | Buffer = '';
  if (reply.raw !== undefined) {
    data = reply.raw;
    headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined) {
    data = JSON.stringify(reply.body);
    headers['content-type'] = reply.contentType ?? 'application/json; charset=utf-8';
  }
  headers['content-length'] = Buffer.byteLength(data);
  res.writeHead(reply.status, headers);
  res.end(data);
}

async function dispatch(mod: PlatformModule, env: SandboxEnv, ctx: Ctx, res: http.ServerResponse, latencyMs: number, calls: CallCounter): Promise<void> {
  const auth = mod.authenticate(ctx, env);
  const done = auth.account ? calls.begin(mod.platform, auth.account.externalId, mod.isCreate(ctx)) : () => undefined;
  try {
    await answer(mod, env, ctx, res, latencyMs, auth);
  } finally {
    done();
  }
}

async function answer(mod: PlatformModule, env: SandboxEnv, ctx: Ctx, res: http.ServerResponse, latencyMs: number, auth: AuthResult): Promise<void> {
  let reply: Reply;
  let fault: FaultSpec | undefined;
  if (auth.reply) reply = auth.reply;
  else {
    const isCreate = mod.isCreate(ctx);
    fault = auth.account ? env.store.takeFault(mod.platform, auth.account.externalId, isCreate) : undefined;
    if (fault?.kind === '5xx') reply = mod.faultReply('server', ctx, fault, env);
    else if (fault?.kind === '429') reply = mod.faultReply('rate', ctx, fault, env);
    else if (fault?.kind === 'expired_token') reply = mod.faultReply('expired', ctx, fault, env);
    else if (fault?.kind === 'reject') reply = mod.faultReply('reject', ctx, fault, env);
    else reply = await mod.handle(ctx, auth.account, env, fault);
    // The backend stored it; a gateway in front lost the answer and says 502 instead.
    if (fault?.kind === '5xx_after_store' && reply.status < 300) reply = mod.faultReply('server', ctx, fault, env);
    const extra = mod.headers?.(ctx, auth.account, env);
    if (extra) reply.headers = { ...extra, ...(reply.headers ?? {}) };
  }
  if (fault?.kind === 'drop_after_accept') {
    // The platform committed the post; the answer never arrives.
    if (latencyMs) await sleep(latencyMs);
    res.socket?.destroy();
    return;
  }
  const delay = latencyMs + (fault?.kind === 'slow' ? (fault.delayMs ?? 5000) : 0);
  if (delay) await sleep(delay);
  write(res, reply);
}

/** Starts one loopback HTTP server faking all eight platforms under /<platform>/…, plus /_sandbox controls. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const store = new SandboxStore(opts.seed);
  const calls = new CallCounter();
  const host = opts.host ?? '127.0.0.1';
  const latencyMs = opts.latencyMs ?? 0;
  const modules = new Map<SandboxPlatform, PlatformModule>(MODULES.map((m) => [m.platform, m]));
  const env: SandboxEnv = { store, sandboxUrl: '', fetchMedia: (url) => fetchMedia(url, opts.publicUrlFetch !== false) };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', env.sandboxUrl || 'http://127.0.0.1');
      const [, first] = url.pathname.split('/');
      if (first === '_sandbox') return handleControl(store, req, res, url);
      const mod = (SANDBOX_PLATFORMS as readonly string[]).includes(first) ? modules.get(first as SandboxPlatform) : undefined;
      if (!mod) return write(res, { status: 404, body: { error: 'not found' } });
      const parsed = parseBody(await readRaw(req), req.headers['content-type']);
      const query = Object.fromEntries(url.searchParams);
      const ctx: Ctx = {
        method: req.method ?? 'GET',
        path: url.pathname.slice(first.length + 1) || '/',
        query,
        body: parsed.body,
        params: { ...query, ...parsed.body },
        files: parsed.files,
        headers: req.headers,
        raw: parsed.raw,
        base: `${env.sandboxUrl}/${first}`,
        sandboxUrl: env.sandboxUrl,
      };
      await dispatch(mod, env, ctx, res, latencyMs, calls);
    })().catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) write(res, { status: 500, body: { error: 'sandbox internal error', detail: String(err) } });
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.maxRequestsPerSocket = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  env.sandboxUrl = `http://${host}:${port}`;
  if (opts.tickIntervalMs) store.startTicker(opts.tickIntervalMs);
  return {
    url: env.sandboxUrl,
    port,
    store,
    calls,
    ...sandboxEndpoints(env.sandboxUrl),
    close: () =>
      new Promise<void>((resolve) => {
        store.stopTicker();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
