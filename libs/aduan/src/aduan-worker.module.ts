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
import { ClassifierRegistry } from './http/classifier-registry';

/**
 * The worker side of aduan: the collection trigger (enqueues one job per account and period), its consumer
 * (reads the platforms, classifies, stores), and the read service of collected comments.
 */
@Module({
  imports: [ScheduleModule.forRoot(), AccountsModule],
  providers: [ClassifierRegistry, CursorRepository, RecentPosts, CommentIngest, CommentCollector, CollectConsumer, CollectTriggers, AduanCommentsQuery],
  exports: [AduanCommentsQuery, CommentIngest],
})
export class AduanWorkerModule {}
