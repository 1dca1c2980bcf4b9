import { Queryable } from './queryable';

/** The tables partitioned by month (on their `at` column). */
export const PARTITIONED_TABLES = ['account_snapshots', 'post_metrics'] as const;
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

/** Creates the monthly partitions of `table` covering [from, to] (whole months, UTC); returns how many were new. */
export async function ensureMonthPartitions(db: Queryable, table: PartitionedTable, from: Date, to: Date): Promise<number> {
  const [row] = await db.query(`SELECT kabar_ensure_month_partitions($1, $2::date, $3::date) AS created`, [table, isoDay(from), isoDay(to)]);
  return Number(row.created);
}

/** Drops the monthly partitions of `table` whose whole month ended before `before`; returns their names. */
export async function dropPartitionsBefore(db: Queryable, table: PartitionedTable, before: Date): Promise<string[]> {
  const rows: Array<{ name: string; upper: string }> = await db.query(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS upper
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = $1`,
    [table],
  );
  const dropped: string[] = [];
  for (const r of rows) {
    const m = /TO \('([^']+)'\)/.exec(r.upper);
    if (!m || new Date(m[1]).getTime() > before.getTime()) continue;
    await db.query(`DROP TABLE IF EXISTS "${r.name.replace(/"/g, '')}"`);
    dropped.push(r.name);
  }
  return dropped.sort();
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
