import { Module } from '@nestjs/common';
import { AccountsModule } from '@kabar/accounts';
import { ContentModule } from '@kabar/content';
import { DispatcherService } from './engine/dispatcher.service';
import { OutcomeRecorder } from './engine/outcome-recorder';
import { PlatformGateway } from './engine/platform-gateway';
import { PostRollup } from './engine/post-rollup';
import { PublishContentLoader } from './engine/publish-content.loader';
import { PublisherService } from './engine/publisher.service';
import { PublishingLoop } from './engine/publishing-loop';
import { ReaperService } from './engine/reaper.service';
import { NotificationsRepository } from './notifications/notifications.repository';
import { Notifier } from './notifications/notifier.service';
import { WebhookSender } from './notifications/webhook.sender';
import { PublishConsumer } from './queue/publish.consumer';
import { AttemptsRepository } from './targets/attempts.repository';
import { ClaimsRepository } from './targets/claims.repository';
import { TargetsRepository } from './targets/targets.repository';

/** The worker side of publishing: queue consumers, the dispatcher, the reaper. */
@Module({
  imports: [AccountsModule, ContentModule],
  providers: [
    PublishConsumer,
    PublishingLoop,
    DispatcherService,
    ReaperService,
    PublisherService,
    OutcomeRecorder,
    PlatformGateway,
    PublishContentLoader,
    PostRollup,
    Notifier,
    WebhookSender,
    NotificationsRepository,
    TargetsRepository,
    ClaimsRepository,
    AttemptsRepository,
  ],
})
export class PublishingWorkerModule {}
