import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RateCharge {
  /** e.g. 'login:ip:203.0.113.5' or 'refresh:t:<sha256 prefix>'. */
  key: string;
  /** Requests allowed in a burst within `windowSeconds`; after it, one every windowSeconds / limit. */
  limit: number;
  windowSeconds: number;
}

export interface RateVerdict {
  key: string;
  allowed: boolean;
  /** Seconds until the next request on this key would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Request rate limits kept in PostgreSQL (table rate_limits), so every API process shares them.
 * GCRA: each key keeps a theoretical arrival time (tat); a request is allowed when tat, moved on by one
 * interval (window / limit), stays within `window` of now, and then moves it on. One statement charges all
 * keys of a request at once; a refused request is not charged, so a limit never extends itself.
 */
@Injectable()
export class RateLimitsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async charge(charges: RateCharge[]): Promise<RateVerdict[]> {
    if (!charges.length) return [];
    // one order for every process: two requests charging the same keys cannot deadlock
    const sorted = [...charges].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const rows: Array<{ key: string; allowed: boolean; retry: number }> = await this.ds.query(
      `INSERT INTO rate_limits AS r (key, tat, interval_s, window_s, allowed)
       SELECT k, now() + make_interval(secs => i), i, w, true FROM unnest($1::text[], $2::float8[], $3::float8[]) AS x(k, i, w) ORDER BY k
       ON CONFLICT (key) DO UPDATE SET
         allowed = greatest(r.tat, now()) + make_interval(secs => EXCLUDED.interval_s) <= now() + make_interval(secs => EXCLUDED.window_s),
         tat = CASE WHEN greatest(r.tat, now()) + make_interval(secs => EXCLUDED.interval_s) <= now() + make_interval(secs => EXCLUDED.window_s)
                    THEN greatest(r.tat, now()) + make_interval(secs => EXCLUDED.interval_s) ELSE r.tat END,
         interval_s = EXCLUDED.interval_s,
         window_s = EXCLUDED.window_s
       RETURNING key, allowed,
         extract(epoch FROM r.tat + make_interval(secs => r.interval_s) - make_interval(secs => r.window_s) - now())::float8 AS retry`,
      [sorted.map((c) => c.key), sorted.map((c) => c.windowSeconds / c.limit), sorted.map((c) => c.windowSeconds)],
    );
    if (Math.random() < 0.01) void this.prune().catch(() => undefined);
    return rows.map((r) => ({ key: r.key, allowed: r.allowed, retryAfterSeconds: r.allowed ? 0 : Math.max(1, Math.ceil(r.retry)) }));
  }

  /** A key whose tat has passed is as good as absent. */
  private async prune(): Promise<void> {
    await this.ds.query(`DELETE FROM rate_limits WHERE tat < now() - interval '1 minute'`);
  }
}
