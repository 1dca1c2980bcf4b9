import i18next from 'i18next';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Array<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}

function send(path: string, init: RequestInit): Promise<Response> {
  return fetch(`/api${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: { 'Accept-Language': i18next.language, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
}

let refreshing: Promise<boolean> | undefined;

/** One refresh at a time, shared by every request that met a 401 (the refresh token rotates on each use). */
function refreshSession(): Promise<boolean> {
  refreshing ??= send('/v1/auth/refresh', { method: 'POST' })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => setTimeout(() => (refreshing = undefined), 0));
  return refreshing;
}

/** Fired when the session is gone for good: the app shows the login page. */
export const SESSION_ENDED = 'kabar:session-ended';

/**
 * Calls the API in the console's language; errors come back already translated by the server.
 * A 401 is retried once after a silent refresh of the session cookie.
 */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res = await send(path, init);
  if (res.status === 401 && !path.startsWith('/v1/auth/')) {
    if (await refreshSession()) res = await send(path, init);
    if (res.status === 401) window.dispatchEvent(new Event(SESSION_ENDED));
  }
  const body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, body?.message ?? res.statusText, body?.details ?? []);
  return body as T;
}
