// bound once: global lookups are slow inside vm contexts (jest), and these run in tight loops
const { floor, min } = Math;

/**
 * When Bogor's audience is online, by hour of the week in WIB (UTC+7, no daylight saving): the weight of
 * each of the 168 hours, Monday 00:00 first. Followers arrive mostly in the daytime and on weekdays.
 */
export const WIB_OFFSET_MS = 7 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** Monday 1970-01-05 00:00 WIB: week k of the model starts at WEEK_EPOCH_MS + k·WEEK_MS. */
export const WEEK_EPOCH_MS = 4 * DAY_MS - WIB_OFFSET_MS;

// relative activity per WIB hour (0..23): quiet nights, morning and evening peaks
const HOUR_SHAPE = [0.15, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 1.3, 1.4, 1.3, 1.1, 1.1, 1.3, 1.2, 1, 1, 1, 1.1, 1.1, 1.5, 1.6, 1.5, 0.9, 0.4];
// Monday .. Sunday
const DAY_SHAPE = [1.15, 1.15, 1.15, 1.15, 1.1, 0.7, 0.6];

/** Follower arrivals per hour of the week, scaled so a whole week sums to 7 (one "average day" per day). */
export const FOLLOWER_INTENSITY: readonly number[] = (() => {
  const raw = DAY_SHAPE.flatMap((d) => HOUR_SHAPE.map((h) => d * h));
  const sum = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => (v * 7) / sum);
})();

/** PREFIX[i] = sum of FOLLOWER_INTENSITY[0..i-1]; PREFIX[168] = 7. */
const PREFIX: readonly number[] = FOLLOWER_INTENSITY.reduce<number[]>((acc, v) => [...acc, acc[acc.length - 1] + v], [0]);

/** Where t falls: the model week index and the ms since that week's Monday 00:00 WIB. */
export function weekOf(t: number): { week: number; offsetMs: number } {
  const week = floor((t - WEEK_EPOCH_MS) / WEEK_MS);
  return { week, offsetMs: t - WEEK_EPOCH_MS - week * WEEK_MS };
}

/** Integrated follower intensity from Monday 00:00 WIB to offsetMs into the week (0..7). */
export function weekProgress(offsetMs: number): number {
  const hour = min(167, floor(offsetMs / HOUR_MS));
  return PREFIX[hour] + FOLLOWER_INTENSITY[hour] * ((offsetMs - hour * HOUR_MS) / HOUR_MS);
}

/** WIB weekday (1 = Monday … 7 = Sunday) and hour of an instant. */
export function wibClock(t: number): { weekday: number; hour: number } {
  const { offsetMs } = weekOf(t);
  return { weekday: floor(offsetMs / DAY_MS) + 1, hour: floor((offsetMs % DAY_MS) / HOUR_MS) };
}

/**
 * How much a post published at t engages compared with an average slot: weekday prime times (07–09 and
 * 19–21 WIB) most, the small hours least.
 */
export function postSlotFactor(t: number): number {
  const { weekday, hour } = wibClock(t);
  const weekend = weekday >= 6;
  const prime = (hour >= 7 && hour < 10) || (hour >= 19 && hour < 22);
  const night = hour >= 23 || hour < 5;
  if (night) return 0.55;
  if (prime) return weekend ? 1.05 : 1.4;
  return weekend ? 0.8 : 0.95;
}
