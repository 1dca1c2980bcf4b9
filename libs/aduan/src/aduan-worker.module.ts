import { Module } from '@nestjs/common';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { EscalationService } from './escalation/escalation.service';
import { AduanWorker } from './escalation/escalation.worker';
import { ClassifierRegistry } from './http/classifier-registry';
import { TicketsQueries } from './tickets/tickets.queries';
import { TicketsService } from './tickets/tickets.service';
import { TicketWebhookSender } from './webhook/ticket-webhook.sender';

/**
 * The worker side of aduan: escalation of overdue tickets (a periodic job) and the signed webhook per new
 * ticket, on the shared queue (@kabar/queue, global in the worker). TicketsService is exported for collection,
 * which opens tickets after each ingest (and enqueues their webhooks in the same transaction).
 */
@Module({
  providers: [ClassifierRegistry, CorrectionsRepository, TicketsService, TicketsQueries, EscalationService, TicketWebhookSender, AduanWorker],
  exports: [TicketsService, EscalationService],
})
export class AduanWorkerModule {}
