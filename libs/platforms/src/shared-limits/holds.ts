import { rowsOf, SqlRunner } from './sql';

/** "No calls before" per app or account (limit_holds), set from the platforms' rate headers; the later one wins. */
export class Holds {
  constructor(private readonly sql: SqlRunner) {}

  async set(key: string, until: Date, reason: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO limit_holds AS h (key, until, reason) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET until = GREATEST(h.until, EXCLUDED.until),
         reason = CASE WHEN EXCLUDED.until > h.until THEN EXCLUDED.reason ELSE h.reason END, updated_at = now()`,
      [key, until, reason.slice(0, 200)],
    );
  }

  /** The latest hold still running on any of `keys`, if one is. */
  async until(keys: string[]): Promise<{ until: Date; reason: string } | undefined> {
    const [r] = await rowsOf<{ until: Date; reason: string }>(
      this.sql,
      `SELECT until, reason FROM limit_holds WHERE key = ANY($1::text[]) AND until > now() ORDER BY until DESC LIMIT 1`,
      [keys],
    );
    return r ? { until: new Date(r.until), reason: r.reason } : undefined;
  }
}
