import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../ui/format';

export interface Attempt {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  worker: string;
  kind: 'send' | 'check';
  outcome: 'started' | 'published' | 'reconciled' | 'failed' | 'retry' | 'abandoned' | 'unknown' | 'absent' | 'pending' | 'unconfirmed';
  httpStatus: number | null;
  errorClass: string | null;
  platformMessage: string | null;
  externalId: string | null;
}

export interface PublishTarget {
  id: string;
  postId: string;
  accountId: string;
  platform: string;
  accountHandle: string | null;
  accountName: string | null;
  accountStatus: string;
  language: string;
  status: 'pending' | 'scheduled' | 'held' | 'publishing' | 'published' | 'failed' | 'missed' | 'cancelled' | 'unconfirmed';
  scheduledAt: string | null;
  publishedAt: string | null;
  externalId: string | null;
  externalUrl: string | null;
  attemptCount: number;
  nextAttemptAt: string | null;
  lastErrorClass: string | null;
  lastErrorMessage: string | null;
  stuckReason: string | null;
  /** The shared budget a scheduled target waits for until nextAttemptAt (e.g. youtube_daily_units). */
  budgetWait?: string | null;
  checkOwed: boolean;
  unconfirmedReason: string | null;
  attempts: Attempt[];
}

export interface Problem extends PublishTarget {
  problem: 'unconfirmed' | 'failed' | 'missed' | 'stuck' | 'held';
  unitId: string;
  unitName: string;
  postPreview: string;
}

export interface NotificationItem {
  id: string;
  kind: string;
  message: string;
  postId: string | null;
  targetId: string | null;
  createdAt: string;
  readAt: string | null;
}

export { PLATFORM_NAMES } from '../../ui/format';

export const postDetailPath = (postId: string) => `/posts/detail?id=${encodeURIComponent(postId)}`;

/** Calls `fn` now and every `ms` while the page is open (and the tab visible). */
export function usePolling(fn: () => void, ms: number, deps: unknown[]) {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    saved.current();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') saved.current();
    }, ms);
    return () => clearInterval(timer);
  }, deps);
}

/** "Selasa, 24 November 2026 pukul 09.00 WIB" / "Tuesday, 24 November 2026 at 09:00 WIB". */
export function formatTime(iso: string | null, lang: string, timeZone = 'Asia/Jakarta'): string {
  if (!iso) return '';
  return formatDateTime(iso, timeZone, lang);
}

export function formatClock(iso: string | null, lang: string, timeZone = 'Asia/Jakarta'): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(iso));
}
