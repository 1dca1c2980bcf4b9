import { hash32, unit } from './hash';
import { weekOf, weekProgress } from './week-pattern';

// bound once: global lookups are slow inside vm contexts (jest), and these run in tight loops
const { exp, round, max } = Math;

/** The fixed seed of the sandbox unless one is given: the demo's history and live sandbox agree on it. */
export const DEFAULT_GROWTH_SEED = 20_251_124;

export type GrowthProfileKind = 'growing' | 'steady' | 'stalling' | 'declining';

export interface GrowthProfile {
  kind: GrowthProfileKind;
  /** Mean relative change per day (0.003 = +0.3 %/day), before the weekly and hourly pattern. */
  dailyRate: number;
}

/** A known follower count at a known instant: the model grows (or shrinks) from there. */
export interface FollowerAnchor {
  followers: number;
  at: number;
}

// cumulative share of each profile, and its daily rate range
const PROFILES: Array<{ kind: GrowthProfileKind; upTo: number; min: number; max: number }> = [
  { kind: 'growing', upTo: 0.35, min: 0.002, max: 0.005 },
  { kind: 'steady', upTo: 0.7, min: 0.0005, max: 0.0012 },
  { kind: 'stalling', upTo: 0.92, min: 0, max: 0.0001 },
  { kind: 'declining', upTo: 1, min: -0.0006, max: -0.0002 },
];
/** Week-to-week wobble of the rate: week k runs at rate·(1 + w(k) − w(k−1)), |w| ≤ WOBBLE. */
const WOBBLE = 0.35;
/** Reference instant of the default anchor (2025-01-01T00:00:00+07:00). */
const DEFAULT_ANCHOR_AT = Date.UTC(2024, 11, 31, 17);

const profiles = new Map<string, GrowthProfile>();

/** The account's profile, chosen by hash of its key and the seed. */
export function growthProfile(accountKey: string, seed: number): GrowthProfile {
  const memo = `${seed}:${accountKey}`;
  let profile = profiles.get(memo);
  if (!profile) {
    const u = unit('profile', accountKey, seed);
    const p = PROFILES.find((x) => u < x.upTo) ?? PROFILES[PROFILES.length - 1];
    profile = { kind: p.kind, dailyRate: p.min + (p.max - p.min) * unit('rate', accountKey, seed) };
    if (profiles.size > 10_000) profiles.clear();
    profiles.set(memo, profile);
  }
  return profile;
}

/** The anchor used when none is given: 300–20 000 followers on 1 January 2025. */
export function defaultAnchor(accountKey: string, seed: number): FollowerAnchor {
  return { followers: round(300 * exp(4.2 * unit('base', accountKey, seed))), at: DEFAULT_ANCHOR_AT };
}

function wobble(accountKey: string, seed: number, week: number): number {
  return ((hash32('wobble', accountKey, seed, week) / 4_294_967_296) * 2 - 1) * WOBBLE;
}

/**
 * Growth "days" elapsed since the model epoch, weighted by audience activity and the weekly wobble.
 * Closed form: the wobble telescopes over whole weeks, so this is O(1) whatever t is.
 */
export function growthClock(accountKey: string, t: number, seed: number): number {
  const { week, offsetMs } = weekOf(t);
  const before = wobble(accountKey, seed, week - 1);
  const factor = 1 + wobble(accountKey, seed, week) - before;
  return 7 * (week + before) + factor * weekProgress(offsetMs);
}

/** Unrounded follower count at t (ms since epoch). */
export function followersExact(accountKey: string, t: number, seed: number, anchor: FollowerAnchor = defaultAnchor(accountKey, seed)): number {
  const { dailyRate } = growthProfile(accountKey, seed);
  if (t === anchor.at) return anchor.followers;
  return anchor.followers * exp(dailyRate * (growthClock(accountKey, t, seed) - growthClock(accountKey, anchor.at, seed)));
}

/** Followers of the account at t: the anchor's count grown along the account's profile. */
export function followersAt(accountKey: string, t: number, seed: number, anchor?: FollowerAnchor): number {
  return max(0, round(followersExact(accountKey, t, seed, anchor)));
}
