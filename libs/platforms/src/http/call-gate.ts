import { Platform } from '../types';

/**
 * What every platform call passes through: the per-account concurrency limit (`run`, keyed by platform and
 * account) and, when the gate keeps shared budgets, the platform's rate headers (`observe`). The default is
 * the in-process KeyedSemaphore; workers use the PostgreSQL-backed one of SharedLimits (shared-limits/).
 */
export interface CallGate {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  observe?(platform: Platform, accountExternalId: string | undefined, headers: Record<string, unknown>): void;
}
