/** GET /api/v1/home (libs/analytics/src/home/home.dto.ts): the caller's summary for the Home page. */
export interface HomeAccount {
  id: string;
  handle: string | null;
  platform: string;
  status: 'active' | 'needs_reconnect' | 'disabled';
  followers: number | null;
  unitName: string;
}

export interface HomeScheduled {
  postId: string;
  excerpt: string;
  scheduledAt: string;
  platforms: string[];
}

export interface HomeProblems {
  failed: number;
  missed: number;
  held: number;
  needsReconnect: number;
}

export interface HomeGrowth {
  followers: number | null;
  netNew: number | null;
  growthPct: number | null;
}

export interface HomeSummary {
  accounts: HomeAccount[];
  nextScheduled: HomeScheduled[];
  problems: HomeProblems;
  /** Posts in review in the units the caller reviews (not their own). */
  awaitingReview: number;
  /** This month, the subtree of the caller's top unit. */
  growthThisMonth: HomeGrowth;
}
