import { DataSource } from 'typeorm';

export interface StorageRow {
  table: string;
  rows: number;
  /** Heap, TOAST and indexes; a partitioned table sums its partitions. */
  bytes: number;
  bytesPerRow: number;
}

const TABLES = ['units', 'social_accounts', 'account_snapshots', 'account_daily', 'unit_daily', 'posts', 'post_targets', 'post_metrics', 'target_metrics'];

/** What each table of the analytics and content paths takes on disk, with its row count. */
export async function storageReport(ds: DataSource): Promise<StorageRow[]> {
  const out: StorageRow[] = [];
  for (const table of TABLES) {
    const [{ rows }] = await ds.query(`SELECT count(*)::bigint AS rows FROM ${table}`);
    const [{ bytes }] = await ds.query(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
         FROM pg_class c
        WHERE c.oid = $1::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass)`,
      [table],
    );
    out.push({ table, rows: Number(rows), bytes: Number(bytes), bytesPerRow: Number(rows) ? Number(bytes) / Number(rows) : 0 });
  }
  return out;
}
