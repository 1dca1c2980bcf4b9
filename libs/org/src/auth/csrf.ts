import type { Request } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_COOKIES = ['kabar_at', 'kabar_rt'];

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * CSRF defence beside SameSite: a write that carries a session cookie (and no Bearer header, which a
 * foreign page cannot add) must come from our own origin: KABAR_PUBLIC_URL or the Host it was sent to.
 * A cookie write with neither Origin nor Referer is refused too; browsers send Origin on every POST.
 */
export function isCrossSiteWrite(req: Request, publicUrl: string | undefined): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (req.header('authorization')?.startsWith('Bearer ')) return false;
  const cookies = (req.cookies ?? {}) as Record<string, string>;
  if (!SESSION_COOKIES.some((c) => cookies[c])) return false;
  const source = originOf(req.header('origin') ?? undefined) ?? originOf(req.header('referer') ?? undefined);
  if (!source) return true;
  const allowed = new Set<string>();
  const own = originOf(publicUrl);
  if (own) allowed.add(own);
  const host = req.header('host');
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return !allowed.has(source);
}
