import { useLocation } from 'react-router';

/**
 * The console's navigation, on React Router (routes.tsx declares the routes). These two functions are the API the
 * pages use; `navigate` works from anywhere (event handlers, helpers outside components) once the router is bound.
 */
type Go = (to: string) => void;
let go: Go | null = null;

/** Called by the router's root once mounted. */
export function bindNavigate(fn: Go | null) {
  go = fn;
}

export function navigate(to: string) {
  if (to === location.pathname + location.search) return;
  if (go) go(to);
  else history.pushState(null, '', to);
  // pages that read the address themselves (filters kept in the query string) listen for this
  window.dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
}

export function usePath(): string {
  return useLocation().pathname;
}

/** The current query string's parameters (re-rendering when they change). */
export function useSearchParam(name: string): string | null {
  return new URLSearchParams(useLocation().search).get(name);
}
