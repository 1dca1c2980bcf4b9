import { TZDate } from '@date-fns/tz';
import { rowsOf, SqlRunner } from './sql';

const pad = (n: number) => String(n).padStart(2, '0');

/** The quota day `at` falls in, in the quota's zone (YouTube: America/Los_Angeles), and when it ends. */
export function quotaDay(at: Date, timeZone: string): { day: string; startsAt: Date; resetsAt: Date } {
  const z = new TZDate(at.getTime(), timeZone);
  const [y, m, d] = [z.getFullYear(), z.getMonth(), z.getDate()];
  return {
    day: `${y}-${pad(m + 1)}-${pad(d)}`,
    startsAt: new Date(new TZDate(y, m, d, timeZone).getTime()),
    resetsAt: new Date(new TZDate(y, m, d + 1, timeZone).getTime()),
  };
}

/**
 * Units spent per calendar day of a quota (limit_quota_days), shared by every process: a spend is one
 * conditional upsert that fails when it would pass the day's budget.
 */
export class QuotaDays {
  constructor(private readonly sql: SqlRunner) {}

  async spend(key: string, day: string, units: number, budget: number): Promise<boolean> {
    if (budget <= 0) return true;
    if (units > budget) return false;
    const got = await rowsOf(
      this.sql,
      `INSERT INTO limit_quota_days AS d (key, day, units) VALUES ($1, $2::date, $3)
       ON CONFLICT (key, day) DO UPDATE SET units = d.units + $3 WHERE d.units + $3 <= $4
       RETURNING units`,
      [key, day, units, budget],
    );
    return got.length > 0;
  }

  async spent(key: string, day: string): Promise<number> {
    const [r] = await rowsOf<{ units: number }>(this.sql, `SELECT units FROM limit_quota_days WHERE key = $1 AND day = $2::date`, [key, day]);
    return r?.units ?? 0;
  }
}
