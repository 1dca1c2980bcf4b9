import { json, SandboxEnv, tokenAccount } from '../module';
import { bearer } from '../oauth';
import { AuthResult } from '../module';
import { Ctx, FaultReplyKind, FaultSpec, Reply, SandboxAccount, SandboxPlatform } from '../types';

let trace = 0;

/** Graph error envelope; Graph answers most errors (OAuth, throttling) with HTTP 400. */
export function graphError(status: number, code: number, message: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): Reply {
  trace += 1;
  return json(status, { error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: `AbC${trace.toString(36)}` } }, headers);
}

export const invalidParam = (message: string, subcode?: number, userMsg?: string) =>
  graphError(400, 100, message, {
    ...(subcode ? { error_subcode: subcode } : {}),
    ...(userMsg ? { error_user_msg: userMsg, error_user_title: 'Invalid parameter' } : {}),
    is_transient: false,
  });

export function graphAuth(ctx: Ctx, env: SandboxEnv, platform: SandboxPlatform): AuthResult {
  const token = ctx.params.access_token ?? bearer(ctx);
  if (!token) return { reply: graphError(400, 2500, 'An active access token must be used to query information about the current user.') };
  const t = tokenAccount(env, platform, String(token));
  if (t.state === 'ok') return { account: t.account };
  if (t.state === 'expired')
    return {
      reply: graphError(
        400,
        190,
        `Error validating access token: Session has expired on ${new Date(t.rec.expiresAt!).toUTCString()}. The current time is ${new Date(env.store.now()).toUTCString()}.`,
        { error_subcode: 463 },
      ),
    };
  return { reply: graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token') };
}

/** `/v23.0/123/feed` → `/123/feed`; unversioned paths (OAuth, token exchange) stay as they are. */
export const unversion = (path: string) => path.replace(/^\/v\d+\.\d+(?=\/)/, '');

export function usageHeader(account: SandboxAccount | undefined, env: SandboxEnv, regainMinutes = 0): Record<string, string> {
  if (!account) return {};
  const counters = env.store.bag<{ hour: number; calls: number }>('graph:usage');
  const hour = Math.floor(env.store.now() / 3_600_000);
  let c = counters.get(`${account.platform}:${account.externalId}`);
  if (!c || c.hour !== hour) counters.set(`${account.platform}:${account.externalId}`, (c = { hour, calls: 0 }));
  c.calls += 1;
  const pct = Math.min(100, Math.floor(c.calls / 48));
  const usage = { type: 'pages', call_count: regainMinutes ? 100 : pct, total_cputime: pct, total_time: pct, estimated_time_to_regain_access: regainMinutes };
  return {
    'x-business-use-case-usage': JSON.stringify({ [account.externalId]: [usage] }),
    'x-app-usage': JSON.stringify({ call_count: pct, total_time: pct, total_cputime: pct }),
  };
}

export function graphFault(kind: FaultReplyKind, fault: FaultSpec, rejectReply: () => Reply, rateCode = 32): Reply {
  if (kind === 'server') return graphError(503, 2, 'Service temporarily unavailable', { is_transient: true });
  if (kind === 'rate') {
    const minutes = Math.max(1, Math.ceil((fault.resetInSeconds ?? 900) / 60));
    const usage = JSON.stringify({
      fault: [{ type: 'pages', call_count: 100, total_cputime: 100, total_time: 100, estimated_time_to_regain_access: minutes }],
    });
    return graphError(
      400,
      rateCode,
      rateCode === 32 ? '(#32) Page request limit reached' : '(#4) Application request limit reached',
      { is_transient: true },
      { 'x-business-use-case-usage': usage },
    );
  }
  if (kind === 'expired')
    return graphError(400, 190, 'Error validating access token: Session has expired on Tuesday, 01-Jan-25 02:00:00 PST.', { error_subcode: 463 });
  return fault.message ? invalidParam(fault.message) : rejectReply();
}

/** Parses `since` (unix seconds or ISO) like Graph does. */
export function sinceMs(v: unknown): number {
  if (v === undefined || v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n * 1000 : Date.parse(String(v)) || 0;
}

export const graphTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+0000');

/** Long-lived token exchange / refresh shared by Instagram and Threads (refuse <24 h old or expired). */
export function longLivedToken(ctx: Ctx, env: SandboxEnv, platform: 'instagram' | 'threads', mode: 'exchange' | 'refresh'): Reply {
  const grant = {
    instagram: { exchange: 'ig_exchange_token', refresh: 'ig_refresh_token' },
    threads: { exchange: 'th_exchange_token', refresh: 'th_refresh_token' },
  }[platform][mode];
  if (ctx.params.grant_type !== grant) return invalidParam(`Unsupported grant_type: expected ${grant}`);
  if (mode === 'exchange' && !ctx.params.client_secret) return invalidParam('Missing client_secret parameter.');
  const rec = env.store.tokenRecord(String(ctx.params.access_token ?? ''));
  if (!rec || rec.platform !== platform || rec.revoked) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  if (rec.expiresAt !== undefined && rec.expiresAt <= env.store.now())
    return graphError(400, 190, 'Error validating access token: Session has expired.', { error_subcode: 463 });
  if (mode === 'exchange' && rec.kind !== 'short') return invalidParam('The access token is already long-lived.');
  if (mode === 'refresh' && (rec.kind === 'short' || env.store.now() - rec.issuedAt < 86_400_000))
    return invalidParam('The access token can only be refreshed 24 hours after it was issued.');
  const account = env.store.account(platform, rec.externalId)!;
  const t = env.store.issueTokens(account, 'access', 5_183_944);
  return json(200, { access_token: t.accessToken, token_type: 'bearer', expires_in: 5_183_944 });
}
