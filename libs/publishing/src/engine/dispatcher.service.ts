import { Inject, Injectable, Logger } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueService } from '@kabar/queue';
import { PUBLISH_JOB, publishJobId } from '../queue/publishing.queue';
import { TELEGRAM_LATE_MS } from '@kabar/platforms';
import { TargetsRepository } from '../targets/targets.repository';
import { OutcomeRecorder } from './outcome-recorder';

/** Due targets are enqueued this far ahead, with startAfter = their due time. */
const LOOKAHEAD_MS = 60_000;
/** A target whose job should have run this long ago is enqueued again (a lost or failed job). */
const REQUEUE_AFTER_MS = 60_000;
const BATCH = 1000;

/**
 * The periodic pass of every worker. Safe in any number of replicas: each step is a conditional UPDATE
 * with SKIP LOCKED, and jobs have deterministic ids. It only moves states and enqueues; publishing is the
 * consumers' work. Order matters: overdue targets become missed before anything could enqueue them.
 */
@Injectable()
export class DispatcherService {
  private readonly logger = new Logger('publishing.dispatcher');

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly targets: TargetsRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly queue: QueueService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /** `boot`: the pass at worker start skips stuck-flagging (the catch-up it starts is about to publish them). */
  async tick(opts: { boot?: boolean } = {}): Promise<void> {
    await this.step('missed', () => this.markMissed());
    await this.step('hold', () => this.holdInactive());
    await this.step('resume', () => this.resumeHeld());
    await this.step('recheck', () => this.recheckBoundable());
    await this.step('enqueue', async () => void (await this.enqueueDue()));
    if (!opts.boot) await this.step('stuck', () => this.flagStuck());
  }

  private async step(name: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.logger.warn(`${name}: ${(e as Error).message}`);
    }
  }

  /** Fell due more than KABAR_PUBLISH_GRACE ago while no worker ran: missed, and reported. */
  async markMissed(): Promise<void> {
    for (;;) {
      const missed = await this.targets.markMissed(this.config.publishGraceMs, 500);
      if (missed.length) await this.outcomes.missed(missed);
      if (missed.length < 500) return;
    }
  }

  private async holdInactive(): Promise<void> {
    const held = await this.targets.holdForInactiveAccounts(LOOKAHEAD_MS, 500);
    this.outcomes.heldRefs(held);
  }

  /** Held targets whose account is active again (reconnected, enabled) are scheduled again (see resumeHeld). */
  private async resumeHeld(): Promise<void> {
    const resumed = await this.targets.resumeHeld(500, this.config.publishGraceMs);
    this.outcomes.heldRefs(resumed);
  }

  /** Telegram targets left unconfirmed for want of a later post: checked again once one was published. */
  private async recheckBoundable(): Promise<void> {
    const again = await this.targets.recheckBoundable(['telegram_no_later_post'], this.config.platformTimeoutMs + TELEGRAM_LATE_MS, 200);
    this.outcomes.heldRefs(again);
  }

  /** Stamps due targets and inserts their jobs in one transaction: a stamp never exists without its job. */
  async enqueueDue(): Promise<number> {
    await this.queue.ensure(PUBLISH_JOB);
    let total = 0;
    for (;;) {
      const n = await this.ds.transaction(async (em) => {
        const due = await this.targets.takeDueForQueue(LOOKAHEAD_MS, REQUEUE_AFTER_MS, BATCH, em);
        await this.queue.enqueue(
          PUBLISH_JOB,
          due.map((t) => ({ id: publishJobId(t.id, t.seq), data: { targetId: t.id, dueAt: new Date(t.dueAt).toISOString() }, startAfter: new Date(t.dueAt) })),
          em,
        );
        return due.length;
      });
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async flagStuck(): Promise<void> {
    const stuck = await this.targets.flagStuck(this.config.stuckAfterMs, 200);
    if (stuck.length) await this.outcomes.stuck(stuck);
  }
}
