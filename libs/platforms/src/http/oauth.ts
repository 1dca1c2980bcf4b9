import { createHash } from 'node:crypto';

export function withQuery(base: string, params: Record<string, string | number | boolean | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

export function form(params: Record<string, string | number | boolean | undefined>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) body.set(k, String(v));
  return body;
}

/** PKCE S256: base64url(sha256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function expiresIn(seconds: unknown, now = Date.now()): Date | undefined {
  const n = Number(seconds);
  return Number.isFinite(n) && n > 0 ? new Date(now + n * 1000) : undefined;
}

export function splitScopes(scope: unknown, sep: RegExp = /[\s,]+/): string[] | undefined {
  return typeof scope === 'string' && scope ? scope.split(sep).filter(Boolean) : undefined;
}
