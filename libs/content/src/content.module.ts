import * as path from 'path';
import { Module } from '@nestjs/common';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@kabar/accounts';
import { OrgModule } from '@kabar/org';
import { NeighboursRepository } from './checks/neighbours.repository';
import { PostChecks } from './checks/post-checks.service';
import { YouTubeQuotaCheck } from './checks/youtube-quota.check';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarRepository } from './calendar/calendar.repository';
import { CalendarService } from './calendar/calendar.service';
import { CONTENT_ENTITIES } from './content.entities';
import { IcalController } from './ical/ical.controller';
import { IcalFeedsRepository } from './ical/ical-feeds.repository';
import { IcalFeedsService } from './ical/ical-feeds.service';
import { GlossaryController } from './glossary/glossary.controller';
import { GlossaryRepository } from './glossary/glossary.repository';
import { ImportController } from './import/import.controller';
import { ImportService } from './import/import.service';
import { MediaController } from './media/media.controller';
import { MediaLinks } from './media/media-links';
import { MediaRepository } from './media/media.repository';
import { MediaService } from './media/media.service';
import { DiskStorage, MediaStorage } from './media/media-storage';
import { ContentForTarget } from './posts/content-for-target';
import { PlannerRepository } from './planner/planner.repository';
import { PlannerService } from './planner/planner.service';
import { ProgramsController } from './planner/programs.controller';
import { TemplatesController } from './planner/templates.controller';
import { PostInputResolver } from './posts/post-input.resolver';
import { PostLoader } from './posts/post-loader';
import { PostLookup } from './posts/post-lookup.service';
import { PostRefsRepository } from './posts/post-refs.repository';
import { PostWorkflow } from './posts/post-workflow.service';
import { PostWrites } from './posts/post-writes.repository';
import { PostsController } from './posts/posts.controller';
import { PostsRepository } from './posts/posts.repository';
import { PostsService } from './posts/posts.service';
import { ComposerSupport } from './posts/composer-support.service';
import { ReviewNotices } from './posts/review-notices';

/** Posts, their review workflow, media, planning catalogues, calendar, iCal feeds and CSV import. */
@Module({
  imports: [TypeOrmModule.forFeature(CONTENT_ENTITIES), OrgModule, AccountsModule],
  controllers: [
    ImportController,
    PostsController,
    GlossaryController,
    CalendarController,
    IcalController,
    MediaController,
    ProgramsController,
    TemplatesController,
  ],
  providers: [
    PostsRepository,
    PostWrites,
    PostRefsRepository,
    PostLoader,
    PostLookup,
    PostInputResolver,
    PostChecks,
    YouTubeQuotaCheck,
    NeighboursRepository,
    GlossaryRepository,
    PostsService,
    PostWorkflow,
    ReviewNotices,
    ComposerSupport,
    CalendarRepository,
    CalendarService,
    IcalFeedsRepository,
    IcalFeedsService,
    MediaRepository,
    MediaService,
    MediaLinks,
    ContentForTarget,
    PlannerRepository,
    PlannerService,
    ImportService,
    { provide: MediaStorage, inject: [KABAR_CONFIG], useFactory: (c: KabarConfig) => new DiskStorage(path.resolve(c.dataDir, 'media')) },
  ],
  exports: [PostLookup, ContentForTarget, MediaLinks, MediaStorage],
})
export class ContentModule {}
