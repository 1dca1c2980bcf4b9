import { createHash } from 'node:crypto';
import { token as newToken } from './ids';
import { SandboxStore } from './store';
import { Ctx, Reply, SandboxPlatform } from './types';

interface CodeRecord {
  platform: SandboxPlatform;
  clientId: string;
  redirectUri: string;
  externalId: string;
  scopes: string[];
  challenge?: string;
  used: boolean;
  createdAt: number;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The consent page: an HTML page naming the account, with an "Authorize" link that a browser test
 * can click, and an automatic redirect back to redirect_uri with code and state.
 * `sandbox_account=<externalId>` picks an existing account; otherwise a new one is created.
 */
export function authorizePage(
  store: SandboxStore,
  platform: SandboxPlatform,
  ctx: Ctx,
  opts: { clientIdParam?: string; scopeSep?: RegExp; requirePkce?: boolean } = {},
): Reply {
  const q = ctx.query;
  const clientId = q[opts.clientIdParam ?? 'client_id'];
  const redirectUri = q.redirect_uri;
  if (!clientId || !redirectUri || (q.response_type && q.response_type !== 'code'))
    return {
      status: 400,
      contentType: 'text/html; charset=utf-8',
      raw: '<h1>Invalid request</h1><p>client_id, redirect_uri and response_type=code are required.</p>',
    };
  if (opts.requirePkce && (!q.code_challenge || q.code_challenge_method !== 'S256'))
    return {
      status: 400,
      contentType: 'text/html; charset=utf-8',
      raw: '<h1>Invalid request</h1><p>code_challenge with code_challenge_method=S256 is required.</p>',
    };
  const scopes = (q.scope ?? '').split(opts.scopeSep ?? /[\s,]+/).filter(Boolean);
  let externalId = q.sandbox_account;
  if (!externalId || !store.account(platform, externalId)) externalId = store.createAccount(platform, { scopes }).externalId;
  const account = store.account(platform, externalId)!;
  account.scopes = scopes.length ? scopes : account.scopes;
  const code = newToken('code-', 12);
  store
    .bag<CodeRecord>('oauth:codes')
    .set(code, { platform, clientId, redirectUri, externalId, scopes, challenge: q.code_challenge, used: false, createdAt: store.now() });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (q.state !== undefined) target.searchParams.set('state', q.state);
  const href = escape(target.toString());
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Authorize Kabar</title>
<meta http-equiv="refresh" content="1;url=${href}"></head><body>
<h1>Sandbox ${escape(platform)}</h1><p>Authorize <b>${escape(clientId)}</b> for <b>@${escape(account.handle)}</b> (${escape(scopes.join(' '))})</p>
<a id="authorize" href="${href}">Authorize</a>
<script>setTimeout(function(){location.replace(${JSON.stringify(target.toString())})},300)</script></body></html>`;
  return { status: 200, contentType: 'text/html; charset=utf-8', raw: html };
}

export type CodeCheck = { ok: true; record: CodeRecord } | { ok: false; reason: string };

/** One-time code check: exists, unused, <10 min, same client and redirect_uri, PKCE verifier when a challenge was given. */
export function consumeCode(
  store: SandboxStore,
  platform: SandboxPlatform,
  p: { code?: string; clientId?: string; redirectUri?: string; codeVerifier?: string },
): CodeCheck {
  const rec = p.code ? store.bag<CodeRecord>('oauth:codes').get(p.code) : undefined;
  if (!rec || rec.platform !== platform || rec.used || store.now() - rec.createdAt > 600_000) return { ok: false, reason: 'code' };
  if (p.clientId !== undefined && p.clientId !== rec.clientId) return { ok: false, reason: 'client_id' };
  if (rec.redirectUri !== p.redirectUri) return { ok: false, reason: 'redirect_uri' };
  if (rec.challenge) {
    const expected = p.codeVerifier ? createHash('sha256').update(p.codeVerifier).digest('base64url') : '';
    if (expected !== rec.challenge) return { ok: false, reason: 'code_verifier' };
  }
  rec.used = true;
  return { ok: true, record: rec };
}

/** `Authorization: Basic base64(id:secret)` → id. */
export function basicClientId(ctx: Ctx): string | undefined {
  const h = ctx.headers.authorization;
  if (!h?.startsWith('Basic ')) return undefined;
  return Buffer.from(h.slice(6), 'base64').toString('utf8').split(':')[0];
}

export function bearer(ctx: Ctx): string | undefined {
  const h = ctx.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}
