import { Injectable } from '@nestjs/common';
import { AccountMetrics } from '@kabar/platforms';
import { ingestSnapshots, SnapshotRow } from '../storage/snapshot-ingest';
import { CollectionGateway, JobOutcome } from './collection-gateway';
import { AccountReading, CollectionRepository } from './collection.repository';
import { SnapshotJob } from './collection.queue';
import { mapLimit } from './map-limit';

/** Platform calls one batch makes at once (the per-platform rate limit still applies). */
const CALLS_AT_ONCE = 8;

interface Read {
  jobId: string;
  reading: AccountReading;
  metrics: AccountMetrics;
}

/**
 * Collects a batch of snapshot jobs: one platform call per active account, then every reading stored in
 * ONE transaction (raw rows, account_daily, unit_daily) guarded by the account's
 * snapshot_period, so a period is stored exactly once whatever the replicas and duplicate jobs.
 */
@Injectable()
export class SnapshotCollector {
  constructor(
    private readonly repo: CollectionRepository,
    private readonly gateway: CollectionGateway,
  ) {}

  async collect(jobs: Array<{ id: string; data: SnapshotJob }>): Promise<Map<string, JobOutcome>> {
    const outcomes = new Map<string, JobOutcome>();
    // One job per account: a late job of an older period in the same batch is superseded.
    const latest = new Map<string, { id: string; data: SnapshotJob }>();
    for (const job of jobs) {
      const prev = latest.get(job.data.accountId);
      if (prev && prev.data.period >= job.data.period) outcomes.set(job.id, { kind: 'duplicate' });
      else {
        if (prev) outcomes.set(prev.id, { kind: 'duplicate' });
        latest.set(job.data.accountId, job);
      }
    }
    const accounts = await this.repo.accounts([...latest.keys()]);
    const reads = await mapLimit([...latest.values()], CALLS_AT_ONCE, async (job): Promise<Read | undefined> => {
      const a = accounts.get(job.data.accountId);
      if (!a || a.status !== 'active') return void outcomes.set(job.id, { kind: 'skipped' });
      if (a.snapshotPeriod !== null && a.snapshotPeriod >= job.data.period) return void outcomes.set(job.id, { kind: 'duplicate' });
      try {
        const metrics = await this.gateway.accountMetrics(a.entity);
        return { jobId: job.id, metrics, reading: { accountId: a.entity.id, period: job.data.period, followers: metrics.followers, at: new Date() } };
      } catch (e) {
        outcomes.set(job.id, await this.gateway.failed(a.entity.id, e));
        return undefined;
      }
    });
    const ok = reads.filter((r): r is Read => !!r);
    const stored = await this.repo.transaction(async (em) => {
      const moved = await this.repo.recordReadings(
        em,
        ok.map((r) => r.reading),
      );
      const rows: SnapshotRow[] = ok
        .filter((r) => moved.has(r.reading.accountId))
        .map((r) => ({
          accountId: r.reading.accountId,
          at: r.reading.at,
          followers: r.metrics.followers,
          following: r.metrics.following,
          posts: r.metrics.posts,
          raw: r.metrics.raw,
        }));
      await ingestSnapshots(em, rows);
      return moved;
    });
    for (const r of ok) outcomes.set(r.jobId, { kind: stored.has(r.reading.accountId) ? 'stored' : 'duplicate' });
    return outcomes;
  }
}
