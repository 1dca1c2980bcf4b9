import { followersAt, followersExact, growthProfile, GrowthProfileKind } from './follower-growth';
import { DAY_MS, HOUR_MS, WEEK_EPOCH_MS, WEEK_MS } from './week-pattern';

const SEED = 42;
// a Monday 00:00 WIB in 2026
const MONDAY = WEEK_EPOCH_MS + Math.ceil((Date.UTC(2026, 2, 1) - WEEK_EPOCH_MS) / WEEK_MS) * WEEK_MS;
const keys = Array.from({ length: 400 }, (_, i) => `instagram:acc${i}`);
const keyOf = (kind: GrowthProfileKind, seed = SEED) => keys.find((k) => growthProfile(k, seed).kind === kind)!;

describe('follower growth model', () => {
  it('is deterministic under a seed and differs between seeds', () => {
    const t = MONDAY + 3 * DAY_MS + 5 * HOUR_MS;
    const anchor = { followers: 5000, at: MONDAY - 40 * DAY_MS };
    expect(followersAt('x:1', t, SEED, anchor)).toBe(followersAt('x:1', t, SEED, anchor));
    expect(followersAt('x:1', t, SEED)).toBe(followersAt('x:1', t, SEED));
    const kinds = (seed: number) => keys.map((k) => growthProfile(k, seed).kind).join();
    expect(kinds(SEED)).toBe(kinds(SEED));
    expect(kinds(SEED)).not.toBe(kinds(SEED + 1));
  });

  it('starts exactly at its anchor and continues the same curve from a later anchor', () => {
    const key = keyOf('growing');
    const a0 = { followers: 2000, at: MONDAY };
    expect(followersAt(key, MONDAY, SEED, a0)).toBe(2000);
    // restoring from a value read on the curve continues it
    const later = MONDAY + 20 * DAY_MS + 7 * HOUR_MS;
    const a1 = { followers: followersExact(key, later, SEED, a0), at: later };
    const t = later + 11 * DAY_MS;
    expect(followersExact(key, t, SEED, a1)).toBeCloseTo(followersExact(key, t, SEED, a0), 6);
  });

  it('mixes growing, steady, stalling and declining accounts', () => {
    const count = (kind: GrowthProfileKind) => keys.filter((k) => growthProfile(k, SEED).kind === kind).length;
    expect(count('growing')).toBeGreaterThan(100);
    expect(count('steady')).toBeGreaterThan(100);
    expect(count('stalling')).toBeGreaterThan(40);
    expect(count('declining')).toBeGreaterThan(10);
    for (const k of keys) {
      const p = growthProfile(k, SEED);
      if (p.kind === 'growing') expect(p.dailyRate).toBeGreaterThanOrEqual(0.002);
      if (p.kind === 'growing') expect(p.dailyRate).toBeLessThanOrEqual(0.005);
      if (p.kind === 'declining') expect(p.dailyRate).toBeLessThan(0);
    }
    const anchor = { followers: 10_000, at: MONDAY };
    expect(followersAt(keyOf('declining'), MONDAY + 90 * DAY_MS, SEED, anchor)).toBeLessThan(10_000);
    expect(followersAt(keyOf('declining'), MONDAY + 90 * DAY_MS, SEED, anchor)).toBeGreaterThan(9_000);
    const stalled = followersAt(keyOf('stalling'), MONDAY + 90 * DAY_MS, SEED, anchor);
    expect(Math.abs(stalled - 10_000)).toBeLessThan(100);
  });

  it('grows monotonically for growing accounts, at 0.2–0.5 % a day over months', () => {
    for (const key of keys.filter((k) => growthProfile(k, SEED).kind === 'growing').slice(0, 20)) {
      const anchor = { followers: 3000, at: MONDAY };
      let prev = -Infinity;
      for (let h = 0; h <= 24 * 120; h += 1) {
        const v = followersExact(key, MONDAY + h * HOUR_MS, SEED, anchor);
        expect(v).toBeGreaterThanOrEqual(prev);
        prev = v;
      }
      const perDay = Math.pow(prev / 3000, 1 / 120) - 1;
      expect(perDay).toBeGreaterThan(0.0015);
      expect(perDay).toBeLessThan(0.0055);
    }
  });

  it('gains mostly in the WIB daytime and on weekdays', () => {
    const key = keyOf('growing');
    const anchor = { followers: 50_000, at: MONDAY };
    const gain = (from: number, hours: number) => followersExact(key, from + hours * HOUR_MS, SEED, anchor) - followersExact(key, from, SEED, anchor);
    for (let w = 0; w < 8; w++) {
      const week = MONDAY + w * WEEK_MS;
      // Monday 08–09 WIB vs Monday 02–03 WIB, and a whole Tuesday vs the Sunday of the same week
      expect(gain(week + 8 * HOUR_MS, 1)).toBeGreaterThan(4 * gain(week + 2 * HOUR_MS, 1));
      expect(gain(week + DAY_MS, 24)).toBeGreaterThan(1.5 * gain(week + 6 * DAY_MS, 24));
    }
  });

  it('evaluates in constant time, years away from its anchor', () => {
    const key = keyOf('steady');
    const anchor = { followers: 1000, at: MONDAY };
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 20_000; i++) followersAt(key, MONDAY + i * 5 * DAY_MS, SEED, anchor);
    expect(Number(process.hrtime.bigint() - t0) / 1e6).toBeLessThan(1000);
  });
});
