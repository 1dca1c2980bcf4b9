import { Module } from '@nestjs/common';
import { OrgModule } from '@kabar/org';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { ClassifierRegistry } from './http/classifier-registry';
import { ClassifyController } from './http/classify.controller';
import { ADUAN_ANSWERED_HOOK, NO_ANSWERED_HOOK } from './replies/answered-hook';
import { RepliesController } from './replies/replies.controller';
import { RepliesRepository } from './replies/replies.repository';
import { RepliesService } from './replies/replies.service';
import { RepliesSettler } from './replies/replies-settler';

/**
 * Complaints (aduan): the in-process classifier over HTTP (`POST /api/v1/aduan/classify`), the classifier
 * per city for other modules (ClassifierRegistry), people's corrections (CorrectionsRepository), and replies to
 * citizens (`/api/v1/aduan/comments/:id/replies`, published by the publishing engine).
 * `ADUAN_ANSWERED_HOOK` is a no-op until the tickets module binds its `markAnswered` (override the provider).
 */
@Module({
  imports: [OrgModule],
  controllers: [ClassifyController, RepliesController],
  providers: [ClassifierRegistry, CorrectionsRepository, RepliesRepository, RepliesService, { provide: ADUAN_ANSWERED_HOOK, useValue: NO_ANSWERED_HOOK }],
  exports: [ClassifierRegistry, CorrectionsRepository, RepliesRepository, RepliesService, ADUAN_ANSWERED_HOOK],
})
export class AduanModule {}

/**
 * The worker side of replies: hands published replies to the answered hook. Imported by the worker's features
 * module; the lead binds the tickets engineer's `markAnswered` by overriding `ADUAN_ANSWERED_HOOK` here too.
 */
@Module({
  providers: [RepliesRepository, RepliesSettler, { provide: ADUAN_ANSWERED_HOOK, useValue: NO_ANSWERED_HOOK }],
  exports: [RepliesSettler],
})
export class AduanWorkerModule {}
