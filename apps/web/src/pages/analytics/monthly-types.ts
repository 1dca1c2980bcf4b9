import { FollowerPoint, ProgramRow, TargetRow, TopPostRow } from './analytics-api';

/** GET /analytics/monthly (libs/analytics/src/reports/monthly.service.ts): the composite for the coordination meeting. */
export interface MonthlyReport {
  meta: { month: string; from: string; to: string; timeZone: string; unitId: string; unitName: string; kind: string };
  growth: Omit<FollowerPoint, 'period'>;
  daily: FollowerPoint[];
  leaderboard: {
    kind: string;
    parentName: string;
    rank: number;
    of: number;
    previousRank: number;
    rankChange: number;
    followersGrowthPct: number | null;
    engagementRate: number | null;
    postsPublished: number;
  } | null;
  topPosts: TopPostRow[];
  programs: ProgramRow[];
  targets: TargetRow | undefined;
  inactiveAccounts: number;
}
