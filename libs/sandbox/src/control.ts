import { IncomingMessage, ServerResponse } from 'node:http';
import { parseBody, readRaw } from './body-parser';
import { commentsControl } from './citizens/control';
import { telegramControl } from './platforms/telegram';
import { sandboxReplies } from './replies';
import { SandboxStore } from './store';
import { FaultSpec, SANDBOX_PLATFORMS, SandboxPlatform } from './types';

// 1×1 JPEG and PNG, and a tiny MP4 box, served for tests at /_sandbox/media/<name>.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const MP4 = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(64)]);

function send(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

function media(name: string, query: URLSearchParams): { type: string; data: Buffer } | undefined {
  if (name.startsWith('missing')) return undefined;
  const ext = name.split('.').pop()?.toLowerCase();
  const base = ext === 'png' ? PNG : ext === 'mp4' || ext === 'mov' ? MP4 : JPEG;
  const type = ext === 'png' ? 'image/png' : ext === 'mp4' ? 'video/mp4' : ext === 'mov' ? 'video/quicktime' : 'image/jpeg';
  const size = Number(query.get('bytes') ?? 0);
  return { type, data: size > base.length ? Buffer.concat([base, Buffer.alloc(size - base.length)]) : base };
}

const platformOf = (v: unknown): SandboxPlatform | undefined =>
  (SANDBOX_PLATFORMS as readonly string[]).includes(String(v)) ? (v as SandboxPlatform) : undefined;

/** `/_sandbox/*`: steer the sandbox from other processes (faults, accounts, posts, clock). */
export async function handleControl(store: SandboxStore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname.replace(/^\/_sandbox/, '');
  const method = req.method ?? 'GET';
  const mediaMatch = /^\/media\/([^/]+)$/.exec(path);
  if (mediaMatch && (method === 'GET' || method === 'HEAD')) {
    const m = media(decodeURIComponent(mediaMatch[1]), url.searchParams);
    if (!m) return send(res, 404, { error: 'not found' });
    res.writeHead(200, { 'content-type': m.type, 'content-length': m.data.length });
    res.end(method === 'HEAD' ? undefined : m.data);
    return;
  }
  const { body } = parseBody(await readRaw(req), req.headers['content-type']);
  if (path === '/faults' && method === 'POST') {
    const specs = (Array.isArray(body.faults) ? body.faults : [body]) as FaultSpec[];
    for (const f of specs) {
      if (!['5xx', '5xx_after_store', '429', 'expired_token', 'slow', 'slow_processing', 'drop_after_accept', 'reject'].includes(f.kind))
        return send(res, 400, { error: `unknown fault kind ${f.kind}` });
      if (f.platform && !platformOf(f.platform)) return send(res, 400, { error: `unknown platform ${f.platform}` });
      store.injectFault(f);
    }
    return send(res, 201, { faults: store.faults() });
  }
  if (path === '/faults' && method === 'GET') return send(res, 200, { faults: store.faults() });
  if (path === '/posts' && method === 'GET') {
    const platform = platformOf(url.searchParams.get('platform'));
    return send(res, 200, { posts: store.posts(platform, url.searchParams.get('account') ?? undefined) });
  }
  if (path === '/replies' && method === 'GET') {
    // Replies written under comments and mentions (`parent`: the platform id answered), oldest first.
    const filter = { platform: platformOf(url.searchParams.get('platform')), parent: url.searchParams.get('parent') ?? undefined };
    return send(res, 200, { replies: sandboxReplies(store, { ...filter, account: url.searchParams.get('account') ?? undefined }) });
  }
  if (path === '/accounts' && method === 'POST') {
    const platform = platformOf(body.platform);
    if (!platform) return send(res, 400, { error: 'platform required' });
    const followers = body.followers === undefined ? undefined : Number(body.followers);
    const followersAt = body.followersAt === undefined ? undefined : new Date(String(body.followersAt));
    return send(
      res,
      201,
      store.createAccount(platform, { externalId: body.externalId, handle: body.handle, name: body.name, followers, followersAt, scopes: body.scopes }),
    );
  }
  if (path === '/accounts' && method === 'GET') return send(res, 200, { accounts: store.listAccounts(platformOf(url.searchParams.get('platform'))) });
  if (path === '/expire' && method === 'POST') {
    const platform = platformOf(body.platform);
    if (!platform || !body.externalId) return send(res, 400, { error: 'platform and externalId required' });
    store.expireTokens(platform, String(body.externalId));
    return send(res, 200, { ok: true });
  }
  if (path === '/tick' && method === 'POST') {
    for (let i = 0; i < Math.max(1, Number(body.times ?? 1)); i++) store.tick();
    return send(res, 200, { ok: true });
  }
  if (path === '/time' && method === 'POST') {
    store.advanceTime(Number(body.advanceMs ?? 0));
    return send(res, 200, { now: new Date(store.now()).toISOString() });
  }
  const platformParam = platformOf(body.platform ?? url.searchParams.get('platform'));
  const commentsReply = commentsControl(store, path, method, body, url.searchParams, platformParam);
  if (commentsReply) return send(res, commentsReply.status, commentsReply.body);
  const telegramReply = path.startsWith('/telegram/') ? telegramControl(store, path.slice('/telegram'.length), method, body, url.searchParams) : undefined;
  if (telegramReply) return send(res, telegramReply.status, telegramReply.body);
  if (path === '/reset' && method === 'POST') {
    store.reset();
    return send(res, 200, { ok: true });
  }
  send(res, 404, { error: 'unknown sandbox control route' });
}
