import { SANDBOX_PLATFORMS } from '../types';
import { postMetricsAt, postMetricsFinal } from './post-metrics';
import { DAY_MS, HOUR_MS, WEEK_EPOCH_MS, WEEK_MS } from './week-pattern';

const SEED = 7;
const MONDAY = WEEK_EPOCH_MS + Math.ceil((Date.UTC(2026, 2, 1) - WEEK_EPOCH_MS) / WEEK_MS) * WEEK_MS;
const posts = Array.from({ length: 300 }, (_, i) => `p${i}`);
const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

describe('post metrics model', () => {
  it('is deterministic under a seed', () => {
    const at = MONDAY + 8 * HOUR_MS;
    expect(postMetricsAt('p1', 'instagram', at, 4000, at + DAY_MS, SEED)).toEqual(postMetricsAt('p1', 'instagram', at, 4000, at + DAY_MS, SEED));
    const all = (seed: number) => posts.map((p) => postMetricsAt(p, 'instagram', at, 4000, at + DAY_MS, seed).likes).join();
    expect(all(SEED)).not.toBe(all(SEED + 1));
  });

  it('starts at zero, never decreases, and saturates with age', () => {
    const at = MONDAY + 19 * HOUR_MS;
    for (const platform of SANDBOX_PLATFORMS) {
      expect(postMetricsAt('p2', platform, at, 10_000, at, SEED)).toEqual({ likes: 0, comments: 0, shares: 0, views: 0, reach: 0 });
      let prev = postMetricsAt('p2', platform, at, 10_000, at, SEED);
      for (let h = 1; h <= 24 * 60; h += 3) {
        const m = postMetricsAt('p2', platform, at, 10_000, at + h * HOUR_MS, SEED);
        for (const c of ['likes', 'comments', 'shares', 'views', 'reach'] as const) expect(m[c]).toBeGreaterThanOrEqual(prev[c]);
        prev = m;
      }
      const d30 = postMetricsAt('p2', platform, at, 10_000, at + 30 * DAY_MS, SEED);
      const d90 = postMetricsAt('p2', platform, at, 10_000, at + 90 * DAY_MS, SEED);
      const final = postMetricsFinal('p2', platform, at, 10_000, SEED);
      expect(d90.views).toBeLessThanOrEqual(Math.ceil(final.views));
      if (platform !== 'youtube' && platform !== 'tiktok') expect(d90.views - d30.views).toBeLessThan(0.05 * final.views + 1);
    }
    // most of an X post's views come in its first day; a YouTube video's keep coming for days
    const share = (platform: 'x' | 'youtube', hours: number) =>
      postMetricsAt('p3', platform, at, 10_000, at + hours * HOUR_MS, SEED).views / postMetricsFinal('p3', platform, at, 10_000, SEED).views;
    expect(share('x', 24)).toBeGreaterThan(0.85);
    expect(share('youtube', 24)).toBeLessThan(0.4);
  });

  it('keeps per-platform proportions: views ≫ likes ≫ comments ≥ shares, Telegram views only', () => {
    const at = MONDAY + DAY_MS + 12 * HOUR_MS;
    const avg = (platform: (typeof SANDBOX_PLATFORMS)[number]) => {
      const ms = posts.map((p) => postMetricsAt(p, platform, at, 5000, at + 60 * DAY_MS, SEED));
      return {
        views: mean(ms.map((m) => m.views)),
        likes: mean(ms.map((m) => m.likes)),
        comments: mean(ms.map((m) => m.comments)),
        shares: mean(ms.map((m) => m.shares)),
      };
    };
    for (const platform of ['instagram', 'facebook', 'x', 'threads', 'tiktok'] as const) {
      const a = avg(platform);
      expect(a.views).toBeGreaterThan(8 * a.likes);
      expect(a.likes).toBeGreaterThan(5 * a.comments);
      expect(a.comments).toBeGreaterThanOrEqual(a.shares);
      expect(a.shares).toBeGreaterThan(0);
    }
    for (const p of posts.slice(0, 50)) {
      const m = postMetricsAt(p, 'instagram', at, 5000, at + 60 * DAY_MS, SEED);
      expect(m.comments).toBeGreaterThanOrEqual(m.shares);
    }
    const tg = avg('telegram');
    expect(tg.views).toBeGreaterThan(1000);
    expect([tg.likes, tg.comments, tg.shares]).toEqual([0, 0, 0]);
    // views-heavy video platforms
    expect(avg('tiktok').views).toBeGreaterThan(2 * avg('instagram').views);
    expect(avg('youtube').views).toBeGreaterThan(avg('instagram').views);
    // a typical Instagram post: engagement of about 1–5 % of followers
    const ig = avg('instagram');
    expect((ig.likes + ig.comments + ig.shares) / 5000).toBeGreaterThan(0.01);
    expect((ig.likes + ig.comments + ig.shares) / 5000).toBeLessThan(0.06);
  });

  it('engages more at weekday prime times (07–09, 19–21 WIB) than midday, weekends or at night', () => {
    const likes = (day: number, hour: number) =>
      mean(posts.map((p) => postMetricsFinal(p, 'instagram', MONDAY + day * DAY_MS + hour * HOUR_MS, 5000, SEED).likes));
    expect(likes(1, 8)).toBeGreaterThan(1.2 * likes(1, 14));
    expect(likes(2, 20)).toBeGreaterThan(1.2 * likes(2, 14));
    expect(likes(1, 8)).toBeGreaterThan(1.2 * likes(6, 8));
    expect(likes(1, 14)).toBeGreaterThan(1.3 * likes(1, 2));
  });
});
