import { keepPreviousData } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { useApi as useCached } from '../../api/query';
import type { Report } from '../../api/report-rows';

/** The rows of the reports API, under the console's names: one definition, shared with the server. */
export type {
  BestTimeReportCell as BestTimeCell,
  EngagementReportRow as EngagementRow,
  FollowersRow as FollowerPoint,
  InactiveReportRow as InactiveRow,
  LeaderboardRow,
  PillarReportRow as PillarRow,
  ProgramReportRow as ProgramRow,
  Report,
  TargetsRow as TargetRow,
  TopPostReportRow as TopPostRow,
} from '../../api/report-rows';

export type Query = Record<string, string | number | undefined | null>;

export function toSearch(query: Query): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  return s.toString();
}

/** A report file (csv, xlsx, pdf) is a plain link: the session cookie authenticates the download. */
export function reportHref(report: string, query: Query, format: 'csv' | 'xlsx' | 'pdf'): string {
  return `/api/v1/analytics/${report}?${toSearch({ ...query, format })}`;
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** 404: the unit or account is outside the caller's scope (or does not exist). */
  notFound: boolean;
  loading: boolean;
  reload(): void;
}

/** GETs `path?query` through the console's cache whenever the query changes; `skip` waits (e.g. until the unit is known). */
export function useApi<T>(path: string, query: Query, skip = false): Loaded<T> {
  const search = toSearch(query);
  const q = useCached<T>(skip ? null : `${path}${search ? `?${search}` : ''}`, { placeholderData: keepPreviousData });
  const error = q.error;
  return {
    data: error ? null : (q.data ?? null),
    error: error ? error.message : null,
    notFound: error instanceof ApiError && error.status === 404,
    loading: !skip && q.isFetching,
    reload: () => void q.refetch(),
  };
}

export function useReport<R>(report: string, query: Query, skip = false): Loaded<Report<R>> {
  return useApi<Report<R>>(`/v1/analytics/${report}`, query, skip);
}
