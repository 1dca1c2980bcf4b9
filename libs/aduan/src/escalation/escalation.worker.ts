import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Clock, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { QueueService, QueueWorkers } from '@kabar/queue';
import { TICKET_WEBHOOK_JOB } from '../webhook/ticket-webhook.job';
import { TicketWebhookSender } from '../webhook/ticket-webhook.sender';
import { ESCALATION_JOB, escalationJobId } from './escalation.job';
import { EscalationService } from './escalation.service';
import { TicketsService } from '../tickets/tickets.service';

/** The tickets' job kinds (the worker must handle each). */
export const TICKET_JOB_KINDS = [ESCALATION_JOB, TICKET_WEBHOOK_JOB];

/**
 * The aduan handlers on the shared queue, and the periodic trigger: every KABAR_ADUAN_ESCALATION_INTERVAL it
 * enqueues one escalation job per interval (a deterministic id, so replicas enqueue it once); the job escalates
 * what is overdue by the product's clock.
 */
@Injectable()
export class AduanWorker implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('aduan.worker');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
    private readonly workers: QueueWorkers,
    private readonly queue: QueueService,
    private readonly escalation: EscalationService,
    private readonly webhook: TicketWebhookSender,
    private readonly clock: Clock,
    private readonly tickets: TicketsService,
  ) {}

  onModuleInit(): void {
    this.workers.register(ESCALATION_JOB, {
      maxInFlight: 1,
      batchSize: 1,
      idlePollMs: 1_000,
      handle: async ([job]) => {
        await this.tickets.openMissing();
        const done = await this.escalation.escalateDue(this.clock.now());
        return new Map([[job.id, { kind: 'done', message: `${done.length} escalated` }]]);
      },
    });
    this.workers.register(TICKET_WEBHOOK_JOB, {
      maxInFlight: 4,
      batchSize: 1,
      idlePollMs: 1_000,
      handle: async ([job]) => new Map([[job.id, await this.webhook.deliver(job.data.ticketId)]]),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const kind of TICKET_JOB_KINDS) await this.queue.ensure(kind);
    this.timer = setInterval(() => void this.trigger(), this.config.aduanEscalationIntervalMs);
    this.timer.unref();
    void this.trigger();
  }

  /** Enqueues this interval's escalation job (once, whoever calls). */
  async trigger(now = Date.now()): Promise<void> {
    const slot = Math.floor(now / this.config.aduanEscalationIntervalMs);
    await this.queue
      .enqueue(ESCALATION_JOB, [{ id: escalationJobId(slot), data: { slot } }])
      .catch((e: Error) => this.logger.warn(`escalation trigger: ${e.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([this.workers.stop(ESCALATION_JOB, 10_000), this.workers.stop(TICKET_WEBHOOK_JOB, 10_000)]);
  }
}
