import { DataSource } from 'typeorm';
import { dropPartitionsBefore, ensureMonthPartitions, PARTITIONED_TABLES } from '../storage/partitions';

/** Months of partitions kept ready ahead of the current one. */
export const MONTHS_AHEAD = 3;

export interface MaintenanceResult {
  created: number;
  dropped: string[];
}

/**
 * Creates the monthly partitions of the raw series from this month to MONTHS_AHEAD ahead and drops the
 * months wholly older than the retention (raw rows only: the daily rollups stay). Under an advisory lock,
 * so replicas starting together do not race on CREATE/DROP.
 */
export async function maintainPartitions(ds: DataSource, now: Date, retentionMs: number): Promise<MaintenanceResult> {
  const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + MONTHS_AHEAD, 1));
  const before = new Date(now.getTime() - retentionMs);
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('kabar.partitions'))`);
    const result: MaintenanceResult = { created: 0, dropped: [] };
    for (const table of PARTITIONED_TABLES) {
      result.created += await ensureMonthPartitions(em, table, now, ahead);
      result.dropped.push(...(await dropPartitionsBefore(em, table, before)));
    }
    return result;
  });
}
