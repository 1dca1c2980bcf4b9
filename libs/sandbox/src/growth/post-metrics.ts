import { SandboxPlatform } from '../types';
import { normal, unit } from './hash';
import { HOUR_MS, postSlotFactor } from './week-pattern';

// bound once: global lookups are slow inside vm contexts (jest), and these run in tight loops
const { exp, floor, min, max } = Math;

export interface PostCounters {
  likes: number;
  comments: number;
  shares: number;
  views: number;
  reach: number;
}

export type PostCounterName = keyof PostCounters;

interface PlatformShape {
  /** Final views per follower at post time (an average post in an average slot). */
  views: number;
  /** Final reach as a share of views. */
  reach: number;
  /** Final likes per view. */
  likes: number;
  /** Comments and shares per like. */
  comments: number;
  shares: number;
  /** Hours to reach 63 % of the final counts. */
  tauHours: number;
  /** The counters the platform shows for a post (the others stay 0). */
  counters: readonly PostCounterName[];
}

/**
 * Per-platform proportions: views ≫ likes ≫ comments ≥ shares; Telegram channels show views only; YouTube and
 * TikTok are views-heavy with slow tails; X and Threads are fast.
 */
export const PLATFORM_SHAPES: Record<SandboxPlatform, PlatformShape> = {
  instagram: { views: 0.9, reach: 0.55, likes: 0.045, comments: 0.06, shares: 0.04, tauHours: 10, counters: ['likes', 'comments', 'shares', 'views', 'reach'] },
  facebook: { views: 0.45, reach: 0.7, likes: 0.04, comments: 0.12, shares: 0.1, tauHours: 8, counters: ['likes', 'comments', 'shares', 'views', 'reach'] },
  x: { views: 0.6, reach: 0.8, likes: 0.012, comments: 0.2, shares: 0.15, tauHours: 3, counters: ['likes', 'comments', 'shares', 'views'] },
  threads: { views: 0.5, reach: 0.8, likes: 0.03, comments: 0.12, shares: 0.06, tauHours: 4, counters: ['likes', 'comments', 'shares', 'views'] },
  mastodon: { views: 0.3, reach: 1, likes: 0.06, comments: 0.2, shares: 0.18, tauHours: 4, counters: ['likes', 'comments', 'shares'] },
  telegram: { views: 0.7, reach: 1, likes: 0, comments: 0, shares: 0, tauHours: 12, counters: ['views'] },
  tiktok: { views: 2.4, reach: 0.85, likes: 0.05, comments: 0.035, shares: 0.03, tauHours: 30, counters: ['likes', 'comments', 'shares', 'views'] },
  youtube: { views: 1.6, reach: 0.85, likes: 0.03, comments: 0.08, shares: 0.02, tauHours: 72, counters: ['likes', 'comments', 'views'] },
};

interface PostTraits {
  /** How good the post is: log-normal around 1, a few posts go viral. */
  quality: number;
  likes: number;
  comments: number;
  shares: number;
  tau: number;
}

const traitsMemo = new Map<string, PostTraits>();

/** The post's own multipliers, drawn once per post and seed. */
function traits(postKey: string, seed: number): PostTraits {
  const memo = `${seed}:${postKey}`;
  let t = traitsMemo.get(memo);
  if (!t) {
    const q = exp(0.55 * normal('quality', postKey, seed));
    const viral = unit('viral', postKey, seed) < 0.025 ? 4 + 6 * unit('viral-size', postKey, seed) : 1;
    t = {
      quality: min(6, max(0.2, q)) * viral,
      likes: 0.75 + 0.5 * unit('likes', postKey, seed),
      comments: 0.7 + 0.6 * unit('comments', postKey, seed),
      shares: 0.7 + 0.6 * unit('shares', postKey, seed),
      tau: 0.8 + 0.4 * unit('tau', postKey, seed),
    };
    if (traitsMemo.size > 50_000) traitsMemo.clear();
    traitsMemo.set(memo, t);
  }
  return t;
}

/** Share of the final count reached at ageHours: mostly within τ, a tenth over a ten times longer tail. */
function saturation(ageHours: number, tauHours: number): number {
  if (ageHours <= 0) return 0;
  return 0.9 * (1 - exp(-ageHours / tauHours)) + 0.1 * (1 - exp(-ageHours / (10 * tauHours)));
}

/** The counts a post would have if it lived forever (not rounded). */
export function postMetricsFinal(postKey: string, platform: SandboxPlatform, createdAt: number, followersAtPost: number, seed: number): PostCounters {
  const s = PLATFORM_SHAPES[platform];
  const t = traits(postKey, seed);
  const views = max(0, followersAtPost) * s.views * t.quality * postSlotFactor(createdAt);
  const likes = views * s.likes * t.likes;
  const comments = likes * s.comments * t.comments;
  const shares = min(comments, likes * s.shares * t.shares);
  return { views, reach: views * s.reach, likes, comments, shares };
}

/**
 * A post's counters at t: the final counts times a saturating curve of the post's age (views first, then
 * likes, comments and shares a little later). Never decreases with t; 0 before the post exists. Counters the
 * platform does not show are 0.
 */
export function postMetricsAt(postKey: string, platform: SandboxPlatform, createdAt: number, followersAtPost: number, t: number, seed: number): PostCounters {
  const s = PLATFORM_SHAPES[platform];
  const final = postMetricsFinal(postKey, platform, createdAt, followersAtPost, seed);
  const age = (t - createdAt) / HOUR_MS;
  const tau = s.tauHours * traits(postKey, seed).tau;
  const at = (name: PostCounterName, slower: number) => (s.counters.includes(name) ? floor(final[name] * saturation(age, tau * slower)) : 0);
  const comments = at('comments', 1.4);
  return {
    views: at('views', 1),
    reach: at('reach', 1),
    likes: at('likes', 1.1),
    comments,
    shares: min(comments, at('shares', 1.4)),
  };
}
