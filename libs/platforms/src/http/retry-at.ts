type Headers = Record<string, unknown>;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name.toLowerCase()] ?? headers[name];
  if (Array.isArray(v)) return v.length ? String(v[0]) : undefined;
  return v === undefined || v === null ? undefined : String(v);
}

export { header as readHeader };

export function inSeconds(seconds: number, now = Date.now()): Date {
  return new Date(now + Math.max(0, seconds) * 1000);
}

/** `x-rate-limit-reset: 1735711500` (Unix seconds). */
export function epochSecondsHeader(headers: Headers, name: string): Date | undefined {
  const v = header(headers, name);
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : undefined;
}

/** `Retry-After: 30` or an HTTP date. */
export function retryAfterHeader(headers: Headers, now = Date.now()): Date | undefined {
  const v = header(headers, 'retry-after');
  if (!v) return undefined;
  const n = Number(v);
  if (Number.isFinite(n)) return inSeconds(n, now);
  const d = Date.parse(v);
  return Number.isNaN(d) ? undefined : new Date(d);
}

/** Mastodon `X-RateLimit-Reset: 2025-01-01T02:05:00.000000Z` (ISO 8601). */
export function isoDateHeader(headers: Headers, name: string): Date | undefined {
  const v = header(headers, name);
  if (!v) return undefined;
  const d = Date.parse(v);
  return Number.isNaN(d) ? undefined : new Date(d);
}

/**
 * Graph usage headers: `X-Business-Use-Case-Usage` ({id:[{estimated_time_to_regain_access (min)}]}),
 * `X-App-Usage` / `X-Ad-Account-Usage` (may carry the same field). Largest wait wins.
 */
export function graphRegainAccess(headers: Headers, now = Date.now()): Date | undefined {
  let minutes = 0;
  for (const name of ['x-business-use-case-usage', 'x-app-usage', 'x-ad-account-usage']) {
    const raw = header(headers, name);
    if (!raw) continue;
    try {
      const parsed: unknown = JSON.parse(raw);
      const entries: unknown[] = [];
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const values = Object.values(parsed as Record<string, unknown>);
        if ('estimated_time_to_regain_access' in (parsed as object)) entries.push(parsed);
        for (const v of values) if (Array.isArray(v)) entries.push(...v);
      }
      for (const e of entries) {
        const m = Number((e as Record<string, unknown>)?.estimated_time_to_regain_access);
        if (Number.isFinite(m) && m > minutes) minutes = m;
      }
    } catch {
      // malformed usage header: ignore, the caller falls back
    }
  }
  return minutes > 0 ? new Date(now + minutes * 60_000) : undefined;
}

/** Next 00:00 America/Los_Angeles (YouTube quota reset). */
export function nextPacificMidnight(now = new Date()): Date {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const [h, m, s] = fmt
    .format(now)
    .split(':')
    .map((x) => Number(x) % 24);
  const elapsed = (h * 3600 + m * 60 + s) * 1000;
  return new Date(now.getTime() - elapsed + 86_400_000 - now.getMilliseconds());
}
