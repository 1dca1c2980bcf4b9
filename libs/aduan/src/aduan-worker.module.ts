import { Module } from '@nestjs/common';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { EscalationService } from './escalation/escalation.service';
import { AduanWorker } from './escalation/escalation.worker';
import { ClassifierRegistry } from './http/classifier-registry';
import { ADUAN_ANSWERED_HOOK } from './replies/answered-hook';
import { RepliesRepository } from './replies/replies.repository';
import { RepliesSettler } from './replies/replies-settler';
import { TicketsQueries } from './tickets/tickets.queries';
import { TicketsService } from './tickets/tickets.service';
import { TicketWebhookSender } from './webhook/ticket-webhook.sender';

/**
 * The worker side of aduan: escalation of overdue tickets (a periodic job), the signed webhook per new ticket, on
 * the shared queue (@kabar/queue, global in the worker), and published replies handed to the tickets
 * (RepliesSettler → TicketsService.markAnswered). TicketsService is exported for collection, which opens tickets
 * after each ingest (and enqueues their webhooks in the same transaction).
 */
@Module({
  providers: [
    ClassifierRegistry,
    CorrectionsRepository,
    TicketsService,
    TicketsQueries,
    EscalationService,
    TicketWebhookSender,
    AduanWorker,
    RepliesRepository,
    RepliesSettler,
    { provide: ADUAN_ANSWERED_HOOK, useExisting: TicketsService },
  ],
  exports: [TicketsService, EscalationService, RepliesSettler],
})
export class AduanWorkerModule {}
