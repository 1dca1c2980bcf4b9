/** A pause a platform asked for in its rate headers: for the whole app (Kabar's client) or one account. */
export interface HeaderHold {
  scope: 'app' | 'account';
  /** The account's id as the header names it (Meta's business-use-case object); absent: the calling account. */
  id?: string;
  until: Date;
  reason: string;
}

/** Meta says how long only when it throttles (estimated_time_to_regain_access); a full bar without it waits this long. */
export const META_FULL_USAGE_HOLD_MS = 10 * 60_000;
/** No header holds anything longer than a day and an hour (a wrong clock must not park an account for weeks). */
const MAX_HOLD_MS = 25 * 3_600_000;

const str = (h: Record<string, unknown>, name: string): string | undefined => {
  const v = h[name] ?? h[name.toLowerCase()];
  return v === undefined || v === null ? undefined : String(Array.isArray(v) ? v[0] : v);
};
const json = (s: string | undefined): unknown => {
  if (!s) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
};
const pct = (u: Record<string, unknown>) => Math.max(Number(u.call_count ?? 0), Number(u.total_cputime ?? 0), Number(u.total_time ?? 0));

/**
 * Reads the budget a platform reports with its answer (platform-apis.md §1.4, §3.4, §5.4):
 * - X: `x-rate-limit-remaining: 0` until `x-rate-limit-reset` (Unix s) for the account; `x-user-limit-24hour-*`
 *   for the account and `x-app-limit-24hour-*` for the app when their remaining is 0;
 * - Mastodon: `X-RateLimit-Remaining: 0` until `X-RateLimit-Reset` (ISO 8601) for the account;
 * - Meta: `X-Business-Use-Case-Usage` (per page / IG account: `estimated_time_to_regain_access` minutes, or a
 *   bar at 100 %) and `X-App-Usage` (the app: a bar at 100 %).
 * Only exhausted budgets hold; what is left is the platform's business until it runs out.
 */
export function holdsFromHeaders(headers: Record<string, unknown>, now: Date = new Date()): HeaderHold[] {
  const out: HeaderHold[] = [];
  const at = now.getTime();
  const add = (scope: HeaderHold['scope'], untilMs: number, reason: string, id?: string) => {
    if (!Number.isFinite(untilMs) || untilMs <= at) return;
    out.push({ scope, id, until: new Date(Math.min(untilMs, at + MAX_HOLD_MS)), reason });
  };
  const epoch = (name: string) => Number(str(headers, name)) * 1000;
  if (str(headers, 'x-rate-limit-remaining') === '0') add('account', epoch('x-rate-limit-reset'), 'x-rate-limit');
  if (str(headers, 'x-user-limit-24hour-remaining') === '0') add('account', epoch('x-user-limit-24hour-reset'), 'x-user-limit-24hour');
  if (str(headers, 'x-app-limit-24hour-remaining') === '0') add('app', epoch('x-app-limit-24hour-reset'), 'x-app-limit-24hour');
  if (str(headers, 'x-ratelimit-remaining') === '0') add('account', Date.parse(str(headers, 'x-ratelimit-reset') ?? ''), 'x-ratelimit');
  const app = json(str(headers, 'x-app-usage'));
  if (app && typeof app === 'object' && pct(app as Record<string, unknown>) >= 100) add('app', at + META_FULL_USAGE_HOLD_MS, 'x-app-usage');
  const buc = json(str(headers, 'x-business-use-case-usage'));
  if (buc && typeof buc === 'object')
    for (const [id, entries] of Object.entries(buc as Record<string, unknown>)) {
      for (const e of Array.isArray(entries) ? (entries as Array<Record<string, unknown>>) : []) {
        const regain = Number(e.estimated_time_to_regain_access ?? 0);
        if (regain > 0) add('account', at + regain * 60_000, 'x-business-use-case-usage', id);
        else if (pct(e) >= 100) add('account', at + META_FULL_USAGE_HOLD_MS, 'x-business-use-case-usage', id);
      }
    }
  return out;
}
