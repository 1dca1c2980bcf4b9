import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Report } from '../../../../../libs/analytics/src/reports/report-rows';

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
} from '../../../../../libs/analytics/src/reports/report-rows';

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

/** GETs `path?query` whenever the query changes; `skip` waits (e.g. until the unit is known). */
export function useApi<T>(path: string, query: Query, skip = false): Loaded<T> {
  const search = toSearch(query);
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ data: null, error: null, notFound: false, loading: !skip });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null, notFound: false }));
    api<T>(`${path}${search ? `?${search}` : ''}`).then(
      (data) => live && setState({ data, error: null, notFound: false, loading: false }),
      (e: Error) => live && setState({ data: null, error: e.message, notFound: e instanceof ApiError && e.status === 404, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, search, skip, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

export function useReport<R>(report: string, query: Query, skip = false): Loaded<Report<R>> {
  return useApi<Report<R>>(`/v1/analytics/${report}`, query, skip);
}
