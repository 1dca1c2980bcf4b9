import { rowsOf, SqlRunner } from './sql';

export type Take = { ok: true } | { ok: false; waitMs: number };

/**
 * Token buckets in limit_buckets, one row per key, shared by every process: `capacity` tokens, refilled at
 * `perSecond`. A take is one INSERT … ON CONFLICT DO UPDATE … WHERE (atomic under the row lock); time is the
 * database's. Rates per second (a platform's calls) and per rolling day (posts per 24 h: capacity N, N/86,400 s)
 * are the same mechanism.
 */
export class TokenBuckets {
  constructor(private readonly sql: SqlRunner) {}

  async take(key: string, capacity: number, perSecond: number, cost = 1): Promise<Take> {
    if (capacity <= 0 || perSecond <= 0) return { ok: true };
    const refill = `LEAST($2::float8, b.tokens + GREATEST(0, extract(epoch FROM now() - b.refilled_at)) * $3::float8)`;
    const got = await rowsOf(
      this.sql,
      `INSERT INTO limit_buckets AS b (key, tokens, refilled_at) VALUES ($1, $2::float8 - $4::float8, now())
       ON CONFLICT (key) DO UPDATE SET tokens = ${refill} - $4::float8, refilled_at = GREATEST(b.refilled_at, now())
       WHERE ${refill} >= $4::float8
       RETURNING tokens`,
      [key, capacity, perSecond, Math.min(cost, capacity)],
    );
    if (got.length) return { ok: true };
    const [b] = await rowsOf<{ have: number }>(
      this.sql,
      `SELECT LEAST($2::float8, b.tokens + GREATEST(0, extract(epoch FROM now() - b.refilled_at)) * $3::float8) AS have FROM limit_buckets b WHERE key = $1`,
      [key, capacity, perSecond],
    );
    const missing = Math.max(0, Math.min(cost, capacity) - Number(b?.have ?? 0));
    return { ok: false, waitMs: Math.max(1, Math.ceil((missing / perSecond) * 1000)) };
  }

  /** Gives back a token taken for a call that was not made. */
  async refund(key: string, capacity: number, cost = 1): Promise<void> {
    await this.sql.query(`UPDATE limit_buckets SET tokens = LEAST($2::float8, tokens + $3::float8) WHERE key = $1`, [key, capacity, cost]);
  }
}
