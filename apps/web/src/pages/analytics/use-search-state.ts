import { useCallback, useState } from 'react';

/**
 * Page state kept in the address (?unitId=…&range=…), so a link opens the same view.
 * Empty values leave the address; other parameters are kept.
 */
export function useSearchState<K extends string>(keys: readonly K[]): [Record<K, string>, (patch: Partial<Record<K, string>>) => void] {
  const [state, setState] = useState(() => {
    const s = new URLSearchParams(location.search);
    return Object.fromEntries(keys.map((k) => [k, s.get(k) ?? ''])) as Record<K, string>;
  });
  const update = useCallback((patch: Partial<Record<K, string>>) => {
    setState((prev) => {
      const next = { ...prev, ...patch };
      const s = new URLSearchParams(location.search);
      for (const [k, v] of Object.entries(patch) as Array<[string, string | undefined]>) {
        if (v) s.set(k, v);
        else s.delete(k);
      }
      const search = s.toString();
      history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
      return next;
    });
  }, []);
  return [state, update];
}
