import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';

/** The rows of the reports API (libs/analytics/README.md); every report answers `{ meta, rows }`. */
export interface Report<R> {
  meta: Record<string, unknown>;
  rows: R[];
}

export interface FollowerPoint {
  period: string;
  followers: number | null;
  netNew: number | null;
  growthPct: number | null;
  accounts: number;
  expectedAccounts: number;
}

export interface LeaderboardRow {
  rank: number;
  previousRank: number | null;
  rankChange: number | null;
  unitId: string;
  unitName: string;
  kind: string;
  followers: number | null;
  followersGrowthPct: number | null;
  engagementRate: number | null;
  postsPublished: number;
  consistencyWeeks: number;
  weeks: number;
  lastPostAt: string | null;
  programShare: number | null;
}

export interface EngagementRow {
  accountId: string;
  handle: string | null;
  platform: string;
  unitName: string;
  followers: number | null;
  posts: number;
  interactions: number;
  engagementRate: number | null;
}

export interface TopPostRow {
  targetId: string;
  postId: string;
  excerpt: string;
  platform: string;
  handle: string | null;
  url: string | null;
  publishedAt: string;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
  interactions: number;
  engagementRate: number | null;
}

export interface PillarRow {
  pillar: string;
  label: string;
  posts: number;
  reach: number | null;
  views: number | null;
  interactions: number;
  engagementRate: number | null;
}

export interface ProgramRow {
  programId: string;
  name: string;
  priority: number | null;
  posts: number;
  reach: number | null;
  views: number | null;
  interactions: number;
  engagementRate: number | null;
}

export interface BestTimeCell {
  weekday: number;
  hour: number;
  posts: number;
  engagementRate: number | null;
  source: 'own' | 'city';
}

export interface InactiveRow {
  accountId: string;
  handle: string | null;
  platform: string;
  unitId: string;
  unitName: string;
  status: string;
  lastPostAt: string | null;
  daysSincePost: number | null;
  reason: 'no_posts' | 'needs_reconnect' | 'disabled';
}

export interface TargetRow {
  unitId: string;
  unitName: string;
  month: string;
  followersTarget: number | null;
  followers: number | null;
  followersProgressPct: number | null;
  postsTarget: number | null;
  posts: number | null;
  postsProgressPct: number | null;
}

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
