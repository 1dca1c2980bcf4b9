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

/** Calls the API in the console's language; errors come back already translated by the server. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`/api${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: { 'Accept-Language': i18next.language, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  const body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, body?.message ?? res.statusText, body?.details ?? []);
  return body as T;
}
