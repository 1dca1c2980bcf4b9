import { rowsOf, SqlRunner } from './sql';

type Hold = { until: Date; reason: string };

/**
 * "No calls before" per app or account (limit_holds), set from the platforms' rate headers; the later one wins.
 * Holds are rare and asked before every post and call: each process reads the running ones at most once per
 * `refreshMs` (a hold another process sets is seen within it; its own at once).
 */
export class Holds {
  private cache: { at: number; holds: Map<string, Hold> } | undefined;
  private loading: Promise<Map<string, Hold>> | undefined;

  constructor(
    private readonly sql: SqlRunner,
    private readonly refreshMs = 1_000,
  ) {}

  async set(key: string, until: Date, reason: string): Promise<void> {
    const mine = this.cache?.holds.get(key);
    if (this.cache && (!mine || mine.until < until)) this.cache.holds.set(key, { until, reason });
    await this.sql.query(
      `INSERT INTO limit_holds AS h (key, until, reason) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET until = GREATEST(h.until, EXCLUDED.until),
         reason = CASE WHEN EXCLUDED.until > h.until THEN EXCLUDED.reason ELSE h.reason END, updated_at = now()`,
      [key, until, reason.slice(0, 200)],
    );
  }

  /** The latest hold still running on any of `keys`, if one is. */
  async until(keys: string[], now: Date = new Date()): Promise<Hold | undefined> {
    const holds = await this.running();
    let best: Hold | undefined;
    for (const k of keys) {
      const h = holds.get(k);
      if (h && h.until > now && (!best || h.until > best.until)) best = h;
    }
    return best;
  }

  private running(): Promise<Map<string, Hold>> {
    if (this.cache && Date.now() - this.cache.at < this.refreshMs) return Promise.resolve(this.cache.holds);
    this.loading ??= rowsOf<{ key: string; until: Date; reason: string }>(this.sql, `SELECT key, until, reason FROM limit_holds WHERE until > now()`)
      .then((rows) => {
        const holds = new Map(rows.map((r) => [r.key, { until: new Date(r.until), reason: r.reason }]));
        this.cache = { at: Date.now(), holds };
        return holds;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}
