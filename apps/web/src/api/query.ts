import { QueryClient, useMutation, useQuery, useQueryClient, UseQueryOptions } from '@tanstack/react-query';
import i18next from 'i18next';
import { ApiError, api } from './client';

/** Server state: cached per API path, refetched after the mutations that change it. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, e) => count < 1 && !(e instanceof ApiError && e.status < 500),
    },
  },
});

// the API answers in the console's language (messages, report labels): another language refetches what is shown
i18next.on('languageChanged', () => void queryClient.invalidateQueries());

/** The cache key of a GET: the path (with its query string), under 'api'. */
export const apiKey = (path: string) => ['api', path] as const;

/** GET `path` through the cache; `null` disables the query (e.g. until a unit is chosen). */
export function useApi<T>(path: string | null, options: Omit<UseQueryOptions<T, Error, T, readonly unknown[]>, 'queryKey' | 'queryFn'> = {}) {
  return useQuery<T, Error, T, readonly unknown[]>({
    queryKey: apiKey(path ?? ''),
    queryFn: ({ signal }) => api<T>(path!, { signal }),
    enabled: path !== null && options.enabled !== false,
    ...options,
  });
}

/** Marks every cached GET whose path starts with one of `prefixes` as stale (refetching those on screen). */
export function invalidateApi(...prefixes: string[]) {
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'api' && prefixes.some((p) => String(q.queryKey[1]).startsWith(p)),
  });
}

/**
 * A change sent to the API. `optimistic` edits the cached list at `listPath` before the answer (rolled back on an
 * error); `invalidates` are path prefixes refetched afterwards.
 */
export function useApiMutation<V, R = unknown, L = unknown>(opts: {
  request: (v: V) => Promise<R>;
  invalidates: string[];
  optimistic?: { listPath: string; apply: (list: L, v: V) => L };
  onSuccess?: (r: R, v: V) => void;
}) {
  const client = useQueryClient();
  return useMutation<R, Error, V, { previous?: L }>({
    mutationFn: opts.request,
    onMutate: async (v) => {
      if (!opts.optimistic) return {};
      const key = apiKey(opts.optimistic.listPath);
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<L>(key);
      if (previous !== undefined) client.setQueryData<L>(key, opts.optimistic.apply(previous, v));
      return { previous };
    },
    onError: (_e, _v, ctx) => {
      if (opts.optimistic && ctx?.previous !== undefined) client.setQueryData(apiKey(opts.optimistic.listPath), ctx.previous);
    },
    onSuccess: opts.onSuccess,
    onSettled: () => invalidateApi(...opts.invalidates),
  });
}

/** JSON body helpers for mutations. */
export const send = <R = unknown>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
  api<R>(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
