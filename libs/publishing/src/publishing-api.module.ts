import { Module } from '@nestjs/common';
import { ContentModule } from '@kabar/content';
import { OrgModule } from '@kabar/org';
import { NotificationsController } from './http/notifications.controller';
import { NotificationsService } from './http/notifications.service';
import { PublishingController } from './http/publishing.controller';
import { PublishingService } from './http/publishing.service';
import { NotificationsRepository } from './notifications/notifications.repository';
import { AttemptsRepository } from './targets/attempts.repository';
import { PublishingQueries } from './targets/publishing-queries.repository';
import { TargetsRepository } from './targets/targets.repository';

/** The API of publishing: post targets with attempts, manual retry, the problem list, notifications. */
@Module({
  imports: [OrgModule, ContentModule],
  controllers: [PublishingController, NotificationsController],
  providers: [PublishingService, NotificationsService, NotificationsRepository, AttemptsRepository, PublishingQueries, TargetsRepository],
})
export class PublishingApiModule {}
