import { Module } from '@nestjs/common';
import { OrgModule } from '@kabar/org';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { ClassifierRegistry } from './http/classifier-registry';
import { ClassifyController } from './http/classify.controller';
import { ADUAN_ANSWERED_HOOK } from './replies/answered-hook';
import { RepliesController } from './replies/replies.controller';
import { RepliesRepository } from './replies/replies.repository';
import { RepliesService } from './replies/replies.service';
import { AduanReportsController } from './reports/aduan-reports.controller';
import { AduanReportsService } from './reports/aduan-reports.service';
import { TicketsController } from './tickets/tickets.controller';
import { TicketsQueries } from './tickets/tickets.queries';
import { TicketsService } from './tickets/tickets.service';

/**
 * Complaints (aduan) over HTTP: the in-process classifier (`POST /api/v1/aduan/classify`), tickets
 * (`/api/v1/aduan/tickets`: inbox, actions, export), reports (`/api/v1/aduan/reports`) and replies to citizens
 * (`/api/v1/aduan/comments/:id/replies`, published by the publishing engine); the classifier per city
 * (ClassifierRegistry), people's corrections (CorrectionsRepository) and tickets (TicketsService: openFromComments
 * after collection, markAnswered when a reply is published — it is the replies' ADUAN_ANSWERED_HOOK).
 */
@Module({
  imports: [OrgModule],
  controllers: [ClassifyController, TicketsController, AduanReportsController, RepliesController],
  providers: [
    ClassifierRegistry,
    CorrectionsRepository,
    TicketsService,
    TicketsQueries,
    AduanReportsService,
    RepliesRepository,
    RepliesService,
    { provide: ADUAN_ANSWERED_HOOK, useExisting: TicketsService },
  ],
  exports: [ClassifierRegistry, CorrectionsRepository, TicketsService, TicketsQueries, RepliesRepository, RepliesService, ADUAN_ANSWERED_HOOK],
})
export class AduanModule {}
