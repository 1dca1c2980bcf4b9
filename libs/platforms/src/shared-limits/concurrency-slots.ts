import { randomUUID } from 'node:crypto';
import { KeyedSemaphore } from '../http/semaphore';
import { rowsOf, sleep, SqlRunner } from './sql';

interface Lease {
  key: string;
  slot: number;
  holder: string;
}

/**
 * Concurrency limit per key (platform + account) across every worker process: `limit` rows per key in
 * limit_slots, each taken by a conditional UPDATE (SKIP LOCKED) with a lease. Leases are renewed while the
 * call runs; a killed worker's slot frees itself when its lease runs out. Waiters of one process queue in
 * an in-process semaphore first, so only `limit` of them per key ask the database.
 */
export class ConcurrencySlots {
  private readonly local: KeyedSemaphore;
  private readonly created = new Set<string>();
  private readonly held = new Map<string, Lease>();
  private renewer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sql: SqlRunner,
    private readonly limit: number,
    private readonly leaseMs: number,
  ) {
    this.local = new KeyedSemaphore(limit);
  }

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const lease = await this.acquire(key);
      try {
        return await fn();
      } finally {
        await this.release(lease);
      }
    });
  }

  /** Slots of `key` held now (by any process): for tests and diagnostics. */
  async inUse(key: string): Promise<number> {
    const [r] = await rowsOf<{ n: number }>(this.sql, `SELECT count(*)::int AS n FROM limit_slots WHERE key = $1 AND lease_until > now()`, [key]);
    return r.n;
  }

  private async acquire(key: string): Promise<Lease> {
    const limit = Math.max(1, this.limit);
    if (!this.created.has(key)) {
      await this.sql.query(`INSERT INTO limit_slots (key, slot) SELECT $1, s FROM generate_series(0, $2::int - 1) s ON CONFLICT DO NOTHING`, [key, limit]);
      this.created.add(key);
    }
    const holder = randomUUID();
    for (let wait = 10; ; wait = Math.min(250, Math.ceil(wait * 1.5))) {
      const [got] = await rowsOf<{ slot: number }>(
        this.sql,
        `UPDATE limit_slots s SET holder = $2, lease_until = now() + $3 * interval '1 millisecond'
         WHERE (s.key, s.slot) = (SELECT key, slot FROM limit_slots WHERE key = $1 AND slot < $4 AND lease_until < now()
                                  ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING s.slot`,
        [key, holder, this.leaseMs, limit],
      );
      if (got) {
        const lease = { key, slot: got.slot, holder };
        this.held.set(holder, lease);
        this.renewSoon();
        return lease;
      }
      await sleep(wait + Math.floor(Math.random() * wait));
    }
  }

  private async release(lease: Lease): Promise<void> {
    this.held.delete(lease.holder);
    if (!this.held.size) this.stopRenewing();
    await this.sql
      .query(`UPDATE limit_slots SET holder = NULL, lease_until = '-infinity' WHERE key = $1 AND slot = $2 AND holder = $3`, [
        lease.key,
        lease.slot,
        lease.holder,
      ])
      .catch(() => undefined); // a lost database: the lease runs out by itself
  }

  private renewSoon(): void {
    if (this.renewer) return;
    this.renewer = setInterval(() => void this.renew(), Math.max(200, Math.floor(this.leaseMs / 3)));
    this.renewer.unref();
  }

  private stopRenewing(): void {
    clearInterval(this.renewer);
    this.renewer = undefined;
  }

  private async renew(): Promise<void> {
    const holders = [...this.held.keys()];
    if (!holders.length) return;
    await this.sql
      .query(`UPDATE limit_slots SET lease_until = now() + $2 * interval '1 millisecond' WHERE holder = ANY($1::uuid[])`, [holders, this.leaseMs])
      .catch(() => undefined);
  }
}
