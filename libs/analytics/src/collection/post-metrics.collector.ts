import { Injectable } from '@nestjs/common';
import { PostMetrics } from '@kabar/platforms';
import { ingestPostMetrics, nextMetricsDue, PostMetricRow } from '../storage/post-metrics-ingest';
import { CollectionGateway, JobOutcome } from './collection-gateway';
import { CollectionRepository } from './collection.repository';
import { PostMetricsJob } from './collection.queue';

/** Targets read per job, the oldest due first; the rest wait for the next slot. */
const TARGETS_PER_JOB = 100;

const hasCounter = (m: PostMetrics) => Object.values(m).some((v) => v !== undefined && v !== null);

/**
 * Collects one account's due post metrics: one adapter call per platform batch, then, in one
 * transaction, each target's next reading moved along the age schedule (only where metrics_due_at is
 * still what was read, so a concurrent collection of the same target stores nothing twice) and the
 * readings of the targets that moved stored. A target the platform no longer returns (deleted) or that
 * has no counters at all (Telegram) moves on without a reading.
 */
@Injectable()
export class PostMetricsCollector {
  constructor(
    private readonly repo: CollectionRepository,
    private readonly gateway: CollectionGateway,
  ) {}

  async collect(job: { id: string; data: PostMetricsJob }): Promise<JobOutcome> {
    const a = (await this.repo.accounts([job.data.accountId])).get(job.data.accountId);
    if (!a || a.status !== 'active') return { kind: 'skipped' };
    const targets = await this.repo.dueTargets(a.entity.id, TARGETS_PER_JOB);
    if (!targets.length) return { kind: 'duplicate' };
    let metrics: Record<string, PostMetrics>;
    try {
      metrics = await this.gateway.postMetrics(
        a.entity,
        targets.map((t) => t.externalId),
      );
    } catch (e) {
      return this.gateway.failed(a.entity.id, e);
    }
    const now = new Date();
    await this.repo.transaction(async (em) => {
      const moved = await this.repo.moveMetricsDue(
        em,
        targets.map((t) => ({ id: t.id, dueText: t.dueText, next: nextMetricsDue(t.publishedAt, now) })),
      );
      const rows: PostMetricRow[] = targets
        .filter((t) => moved.has(t.id) && metrics[t.externalId] && hasCounter(metrics[t.externalId]))
        .map((t) => ({ targetId: t.id, at: now, ...metrics[t.externalId] }));
      await ingestPostMetrics(em, rows);
    });
    return { kind: 'stored' };
  }
}
