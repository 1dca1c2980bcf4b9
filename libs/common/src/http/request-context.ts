import { AsyncLocalStorage } from 'async_hooks';
import { Locale } from '@kabar/i18n';

/** What every layer may ask about the current request, without passing it down by hand. */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  ip?: string;
  userAgent?: string;
  userId?: string;
  /** Set once a service wrote an explicit audit entry for this request (the catch-all interceptor then adds none). */
  audited?: boolean;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
