import { Module } from '@nestjs/common';
import { OrgModule } from '@kabar/org';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { ClassifierRegistry } from './http/classifier-registry';
import { ClassifyController } from './http/classify.controller';
import { AduanReportsController } from './reports/aduan-reports.controller';
import { AduanReportsService } from './reports/aduan-reports.service';
import { TicketsController } from './tickets/tickets.controller';
import { TicketsQueries } from './tickets/tickets.queries';
import { TicketsService } from './tickets/tickets.service';

/**
 * Complaints (aduan) over HTTP: the in-process classifier (`POST /api/v1/aduan/classify`), tickets
 * (`/api/v1/aduan/tickets`: inbox, actions, export) and reports (`/api/v1/aduan/reports`); the classifier per
 * city (ClassifierRegistry), people's corrections (CorrectionsRepository) and tickets (TicketsService:
 * openFromComments after collection, markAnswered when a reply is published) for other modules.
 */
@Module({
  imports: [OrgModule],
  controllers: [ClassifyController, TicketsController, AduanReportsController],
  providers: [ClassifierRegistry, CorrectionsRepository, TicketsService, TicketsQueries, AduanReportsService],
  exports: [ClassifierRegistry, CorrectionsRepository, TicketsService, TicketsQueries],
})
export class AduanModule {}
