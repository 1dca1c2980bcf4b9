/**
 * The rows of the reports API (libs/analytics/README.md), shared by the API and the console (plain types, no
 * imports): the services build them, the console reads them. The queries' raw rows (Date, sums) stay with the queries.
 */

/** Every report answers `{ meta, rows }`; CSV and XLSX carry exactly `rows`, in `meta.columns` order. */
export interface Report<R = Record<string, unknown>> {
  meta: ReportMeta;
  rows: R[];
}

export interface ReportMeta {
  report: string;
  from: string;
  to: string;
  timeZone: string;
  columns: string[];
  [key: string]: unknown;
}

/** GET /analytics/followers: one bucket (day, week or month). */
export interface FollowersRow {
  period: string;
  followers: number | null;
  netNew: number | null;
  growthPct: number | null;
  accounts: number;
  expectedAccounts: number;
}

/** GET /analytics/leaderboard. */
export interface LeaderboardRow {
  rank: number;
  previousRank: number;
  rankChange: number;
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

/** GET /analytics/targets (and PUT's answer). */
export interface TargetsRow {
  unitId: string;
  unitName: string;
  month: string;
  followersTarget: number | null;
  followers: number | null;
  followersProgressPct: number | null;
  postsTarget: number | null;
  posts: number;
  postsProgressPct: number | null;
}

/** GET /analytics/engagement: one account. */
export interface EngagementReportRow {
  accountId: string;
  handle: string | null;
  platform: string;
  unitName: string;
  followers: number | null;
  posts: number;
  interactions: number;
  engagementRate: number | null;
}

/** GET /analytics/top-posts: one published target. */
export interface TopPostReportRow {
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

/** GET /analytics/pillars. */
export interface PillarReportRow {
  pillar: string;
  label: string;
  posts: number;
  reach: number | null;
  views: number | null;
  interactions: number | null;
  engagementRate: number | null;
}

/** GET /analytics/programs; `priority` = a city-wide program. */
export interface ProgramReportRow {
  programId: string;
  name: string;
  priority: boolean;
  posts: number;
  reach: number | null;
  views: number | null;
  interactions: number | null;
  engagementRate: number | null;
}

/** GET /analytics/best-time: one ISO weekday × local hour cell, from the subject's own history or the city's. */
export interface BestTimeReportCell {
  weekday: number;
  hour: number;
  posts: number;
  engagementRate: number | null;
  source: 'own' | 'city';
}

/** GET /analytics/inactive: one account that is not posting. */
export interface InactiveReportRow {
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

/** GET /analytics/monthly: the composite for the coordination meeting, the same numbers as the single reports. */
export interface MonthlyReport {
  meta: { report: 'monthly'; month: string; from: string; to: string; timeZone: string; unitId: string; unitName: string; kind: string; locale: 'id' | 'en' };
  growth: Omit<FollowersRow, 'period'>;
  daily: FollowersRow[];
  leaderboard: {
    kind: string;
    parentId: string;
    parentName: string;
    rank: number;
    of: number;
    previousRank: number;
    rankChange: number;
    followersGrowthPct: number | null;
    engagementRate: number | null;
    postsPublished: number;
  } | null;
  topPosts: TopPostReportRow[];
  programs: ProgramReportRow[];
  targets: TargetsRow;
  inactiveAccounts: number;
}
