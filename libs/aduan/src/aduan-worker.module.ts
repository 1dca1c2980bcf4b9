import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountsModule } from '@kabar/accounts';
import { CollectConsumer } from './collection/collect.consumer';
import { CollectTriggers } from './collection/collect.triggers';
import { CommentCollector } from './collection/comment-collector';
import { CommentIngest } from './collection/comment-ingest';
import { AduanCommentsQuery } from './collection/comments.query';
import { CursorRepository } from './collection/cursor.repository';
import { RecentPosts } from './collection/recent-posts';
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
 * The worker side of aduan, on the shared queue (@kabar/queue, global in the worker): collection (a trigger
 * enqueues one job per account and period; its consumer reads the platforms, classifies, stores and opens a
 * ticket per new complaint), escalation of overdue tickets (a periodic job, which also opens any ticket a crash
 * left unopened), the signed webhook per new ticket, and published replies handed to the tickets
 * (RepliesSettler → TicketsService.markAnswered).
 */
@Module({
  imports: [ScheduleModule.forRoot(), AccountsModule],
  providers: [
    ClassifierRegistry,
    CorrectionsRepository,
    CursorRepository,
    RecentPosts,
    CommentIngest,
    CommentCollector,
    CollectConsumer,
    CollectTriggers,
    AduanCommentsQuery,
    TicketsService,
    TicketsQueries,
    EscalationService,
    TicketWebhookSender,
    AduanWorker,
    RepliesRepository,
    RepliesSettler,
    { provide: ADUAN_ANSWERED_HOOK, useExisting: TicketsService },
  ],
  exports: [AduanCommentsQuery, CommentIngest, TicketsService, EscalationService, RepliesSettler],
})
export class AduanWorkerModule {}
