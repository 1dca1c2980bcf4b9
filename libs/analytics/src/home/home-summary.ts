/** GET /api/v1/home: the caller's summary for the Home page, shared by the API and the console (plain types, no imports). */
export interface HomeAccount {
  id: string;
  handle: string | null;
  platform: string;
  status: 'active' | 'needs_reconnect' | 'disabled';
  /** Latest daily reading, else the count from the last sync. */
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

export interface HomePostItem {
  postId: string;
  excerpt: string;
  unitName: string;
  /** When it entered its present state. */
  updatedAt: string;
}

/** A few posts of a kind (the newest first) and how many there are in all. */
export interface HomePostList {
  count: number;
  items: HomePostItem[];
}

export interface HomeSummary {
  /** The units the caller administers, else everything in scope; at most 50. */
  accounts: HomeAccount[];
  nextScheduled: HomeScheduled[];
  problems: HomeProblems;
  /** Posts in review in the units the caller reviews (not their own). */
  awaitingReview: number;
  /** In the units the caller administers: approved but not on the schedule, and sent back by a reviewer. */
  approvedNotScheduled: HomePostList;
  changesRequested: HomePostList;
  /** This month, the subtree of the caller's top unit. */
  growthThisMonth: HomeGrowth;
}
